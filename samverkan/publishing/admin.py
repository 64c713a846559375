"""The Django admin: distribution lists, and every mailing with its delivery log (read only)."""

from django.contrib import admin

from samverkan.publishing.models import Delivery, Dispatch, DistributionList


@admin.register(DistributionList)
class DistributionListAdmin(admin.ModelAdmin):
    list_display = ["name", "body"]
    search_fields = ["name", "addresses"]


class DeliveryInline(admin.TabularInline):
    model = Delivery
    extra = 0
    can_delete = False
    fields = ["name", "address", "status", "error", "attempts", "sent_at"]
    readonly_fields = fields


@admin.register(Dispatch)
class DispatchAdmin(admin.ModelAdmin):
    list_display = ["subject", "kind", "created_at", "sent_by"]
    list_filter = ["kind", "deliveries__status"]
    search_fields = ["subject", "deliveries__address"]
    readonly_fields = ["meeting", "kind", "subject", "sent_by"]
    inlines = [DeliveryInline]

    def has_add_permission(self, request) -> bool:
        return False
