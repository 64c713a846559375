"""The Django admin for superusers: every directory model, searchable."""

from django.contrib import admin

from samverkan.directory.models import Body, Membership, Organisation, Person, PrivacyLog


class MembershipInline(admin.TabularInline):
    model = Membership
    fk_name = "body"
    extra = 0
    autocomplete_fields = ["person", "organisation", "substitute_for"]


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "short_name", "kind", "parent", "area"]
    list_filter = ["kind", "area"]
    search_fields = ["name", "short_name"]


@admin.register(Person)
class PersonAdmin(admin.ModelAdmin):
    list_display = ["name", "title", "organisation", "email"]
    search_fields = ["name", "email"]
    autocomplete_fields = ["organisation", "user"]


@admin.register(Body)
class BodyAdmin(admin.ModelAdmin):
    list_display = ["name", "short_name", "level", "area", "parent", "is_public"]
    list_filter = ["level", "area", "is_public"]
    search_fields = ["name", "short_name"]
    inlines = [MembershipInline]


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["person", "body", "organisation", "role", "seat", "start", "end"]
    list_filter = ["role", "seat", "body"]
    search_fields = ["person__name", "body__name"]
    autocomplete_fields = ["person", "body", "organisation", "substitute_for"]


@admin.register(PrivacyLog)
class PrivacyLogAdmin(admin.ModelAdmin):
    """Read only: the log is evidence of what was done."""

    list_display = ["at", "action", "subject", "by"]
    list_filter = ["action"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
