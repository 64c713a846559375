"""Staff create tokens for service accounts (plain users) here; the key is shown once."""

from django.contrib import admin, messages
from django.utils.translation import gettext as _

from samverkan.api.models import ApiToken, digest


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    list_display = ["name", "user", "hint", "created_at", "last_used_at", "revoked_at"]
    list_filter = ["revoked_at"]
    search_fields = ["name", "user__username"]
    fields = ["user", "name", "revoked_at"]
    actions = ["revoke"]

    def get_readonly_fields(self, request, obj=None):
        return ["user"] if obj else []

    def save_model(self, request, obj, form, change):
        if change:
            return super().save_model(request, obj, form, change)
        fresh, plain = ApiToken.issue(obj.user, obj.name)
        obj.pk, obj.key_hash, obj.hint = fresh.pk, digest(plain), fresh.hint
        obj.created_at = fresh.created_at
        messages.warning(
            request, _("Nyckeln visas bara nu – kopiera den: %(key)s") % {"key": plain}
        )

    @admin.action(description=_("Återkalla valda nycklar"))
    def revoke(self, request, queryset):
        for token in queryset:
            token.revoke()
