"""Directory pages: the body tree, bodies, people, organisations and search."""

from itertools import groupby

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Prefetch, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from samverkan.directory import access, audit, permissions
from samverkan.directory.forms import (
    AccountActionForm,
    BodyForm,
    EndMembershipForm,
    MembershipForm,
    OrganisationForm,
    PersonForm,
    SearchForm,
)
from samverkan.directory.models import AccessLog, Body, Membership, Organisation, Person
from samverkan.directory.revisions import EditConflict
from samverkan.directory.tree import body_tree


def body_list(request):
    bodies = Body.objects.visible_to(request.user)
    return render(request, "directory/body_list.html", {"tree": body_tree(bodies)})


def body_detail(request, pk):
    body = get_object_or_404(Body.objects.visible_to(request.user).select_related("parent"), pk=pk)
    current = body.memberships.current().select_related("person", "organisation", "substitute_for")
    current = sorted(
        current,
        key=lambda m: (str(m.organisation or "~"), m.role != "ordförande", m.seat, m.person.name),
    )
    groups = [(org, list(ms)) for org, ms in groupby(current, key=lambda m: m.organisation)]
    can_edit = permissions.can_edit_body(request.user, body)
    context = {
        "body": body,
        "groups": groups,
        "children": body.children.visible_to(request.user),
        "past": body.memberships.past().select_related("person", "organisation")
        if can_edit
        else (),
        "can_edit": can_edit,
        "show_people": permissions.can_view_people(request.user),
        "changes": audit.changes(
            (_("Organ"), body.history.all()),
            (_("Ledamotskap"), Membership.history.filter(body_id=body.pk)),
        )
        if can_edit
        else None,
    }
    return render(request, "directory/body_detail.html", context)


def body_create(request):
    permissions.require(permissions.can_create_bodies(request.user))
    parent = Body.objects.filter(pk=request.GET.get("parent") or None).first()
    form = BodyForm(
        request.POST or None, parents=_editable_bodies(request.user), initial={"parent": parent}
    )
    if form.is_valid():
        if permissions.can_create_body(request.user, form.cleaned_data["parent"]):
            body = form.save()
            messages.success(request, _("Organet har skapats."))
            return redirect(body)
        form.add_error("parent", _("Välj ett organ som det nya organet rapporterar till."))
    return render(request, "directory/body_form.html", {"form": form})


def body_edit(request, pk):
    body = get_object_or_404(Body.objects.visible_to(request.user), pk=pk)
    permissions.require(permissions.can_edit_body(request.user, body))
    parents = _editable_bodies(request.user) | Body.objects.filter(pk=body.parent_id)
    form = BodyForm(request.POST or None, instance=body, parents=parents)
    if form.is_valid():
        try:
            form.save()
        except EditConflict:
            pass  # the form shows the saved values beside the fields
        else:
            messages.success(request, _("Ändringarna har sparats."))
            return redirect(body)
    return render(request, "directory/body_form.html", {"form": form, "body": body})


def _editable_bodies(user):
    if permissions.is_admin(user):
        return Body.objects.all()
    return Body.objects.filter(pk__in=permissions.edited_body_ids(user))


def membership_add(request, pk):
    body = get_object_or_404(Body.objects.visible_to(request.user), pk=pk)
    permissions.require(permissions.can_edit_body(request.user, body))
    form = MembershipForm(request.POST or None, body=body)
    if form.is_valid():
        form.save()
        messages.success(request, _("Ledamoten har lagts till."))
        return redirect(body)
    return render(request, "directory/membership_form.html", {"form": form, "body": body})


def membership_end(request, pk):
    membership = get_object_or_404(Membership.objects.select_related("body", "person"), pk=pk)
    permissions.require(permissions.can_edit_body(request.user, membership.body))
    form = EndMembershipForm(request.POST or None, membership=membership)
    if form.is_valid():
        try:
            membership.end_on(form.cleaned_data["end"])
        except ValidationError as error:
            form.add_error("end", error)
        else:
            messages.success(request, _("Ledamotskapet har avslutats."))
            return redirect(membership.body)
    return render(request, "directory/membership_end.html", {"form": form, "m": membership})


@login_required
def person_detail(request, pk):
    person = get_object_or_404(Person.objects.select_related("organisation"), pk=pk)
    visible = Body.objects.visible_to(request.user)
    memberships = (
        person.memberships.filter(body__in=visible)
        .select_related("body", "organisation")
        .order_by("-start")
    )
    can_edit = permissions.can_edit_person(request.user, person)
    context = {
        "person": person,
        "current": [m for m in memberships if m.is_current],
        "past": [m for m in memberships if not m.is_current],
        "can_edit": can_edit,
        "show_contact": permissions.can_see_contact_details(request.user, person),
        "can_manage_data": permissions.can_manage_personal_data(request.user),
        "changes": audit.changes(
            (_("Person"), person.history.all()),
            (
                _("Ledamotskap"),
                Membership.history.filter(person_id=person.pk, body_id__in=visible),
            ),
        )
        if can_edit
        else None,
    }
    return render(request, "directory/person_detail.html", context)


@login_required
def person_create(request):
    permissions.require(permissions.can_create_person(request.user))
    form = PersonForm(
        request.POST or None, manages_accounts=permissions.can_manage_accounts(request.user)
    )
    if form.is_valid():
        person = form.save()
        messages.success(request, _("Personen har lagts till."))
        return redirect(person)
    return render(request, "directory/person_form.html", {"form": form})


@login_required
def person_edit(request, pk):
    person = get_object_or_404(Person, pk=pk)
    permissions.require(permissions.can_edit_person(request.user, person))
    form = PersonForm(
        request.POST or None,
        instance=person,
        manages_accounts=permissions.can_manage_accounts(request.user),
    )
    if form.is_valid():
        form.save()
        messages.success(request, _("Ändringarna har sparats."))
        return redirect(person)
    return render(request, "directory/person_form.html", {"form": form, "person": person})


def organisation_list(request):
    organisations = Organisation.objects.filter(parent=None).prefetch_related(
        Prefetch("children", queryset=Organisation.objects.order_by("name"))
    )
    return render(request, "directory/organisation_list.html", {"organisations": organisations})


def organisation_detail(request, pk):
    organisation = get_object_or_404(Organisation, pk=pk)
    people = organisation.people.all() if permissions.can_view_people(request.user) else ()
    context = {
        "organisation": organisation,
        "people": people,
        "can_edit": permissions.can_edit_organisations(request.user),
    }
    return render(request, "directory/organisation_detail.html", context)


def organisation_edit(request, pk=None):
    permissions.require(permissions.can_edit_organisations(request.user))
    organisation = get_object_or_404(Organisation, pk=pk) if pk else None
    form = OrganisationForm(request.POST or None, instance=organisation)
    if form.is_valid():
        organisation = form.save()
        messages.success(request, _("Organisationen har sparats."))
        return redirect(organisation)
    return render(
        request, "directory/organisation_form.html", {"form": form, "organisation": organisation}
    )


def search(request):
    form = SearchForm(request.GET)
    q = form.cleaned_data["q"].strip() if form.is_valid() else ""
    bodies = people = ()
    if len(q) >= 2:
        bodies = Body.objects.visible_to(request.user).filter(
            Q(name__icontains=q) | Q(short_name__icontains=q)
        )[:10]
        if permissions.can_view_people(request.user):
            people = Person.objects.filter(name__icontains=q).select_related("organisation")[:10]
    context = {"form": form, "q": q, "bodies": bodies, "people": people}
    template = "directory/search.html#results" if request.htmx else "directory/search.html"
    return render(request, template, context)


@login_required
def accounts(request):
    """Who is losing or lost access, accounts to review, organisations to confirm, the log."""
    permissions.require(permissions.can_manage_accounts(request.user))
    if request.method == "POST":
        _account_action(request)
        return redirect("directory:accounts")
    context = {
        "lapsing": access.lapsing(),
        "lost": access.lost_access(),
        "review": access.for_review(),
        "review_months": settings.ACCOUNT_REVIEW_MONTHS,
        "grace_days": settings.ACCESS_GRACE_DAYS,
        "proposed": Person.objects.filter(organisation_from_login__isnull=False).select_related(
            "organisation", "organisation_from_login"
        ),
        "log": AccessLog.objects.select_related("user__person", "by")[:50],
    }
    return render(request, "directory/accounts.html", context)


def _account_action(request) -> None:
    """Restore an account, or confirm or dismiss a person's organisation from sign-in."""
    form = AccountActionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Ingenting ändrades: välj ett konto eller en person på sidan."))
        return
    action, pk = form.cleaned_data["action"], form.cleaned_data["pk"]
    if action == "restore":
        user = get_object_or_404(get_user_model(), pk=pk, is_active=False)
        access.restore(user, by=request.user)
        messages.success(request, _("%(name)s kan logga in igen.") % {"name": _display(user)})
        return
    person = get_object_or_404(Person, pk=pk, organisation_from_login__isnull=False)
    if action == "confirm_organisation":
        person.organisation = person.organisation_from_login
    person.organisation_from_login = None
    person.save(update_fields=["organisation", "organisation_from_login"])
    messages.success(request, _("Organisationen för %(name)s är sparad.") % {"name": person.name})


def _display(user) -> str:
    person = getattr(user, "person", None)
    return person.name if person else user.get_username()
