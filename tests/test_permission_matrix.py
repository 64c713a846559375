# ruff: noqa: E501  (the matrix is a table: one line per URL)
"""Who gets what, on every URL, by GET and by POST: the authorization matrix.

The table is checked against the URL conf: a URL name without a row fails the test, so a new
page cannot be forgotten. To add a page, add one line to ROWS:

    R("app:name", "kwarg=world_key ...", get="<six outcomes>", post="<six outcomes>"),

`world_key` names an object of `tests/world.py` (its pk, or a literal such as pdf). The six
outcomes are for the roles in ROLES, in order; an outcome is a status code (200, 400, 403,
404, 405, 409), `302` for a redirect, or `login` for a redirect to the login page. A
deactivated user must always get what the anonymous visitor gets. Every POST is empty; one that
is refused (login, 403, 404, 405) must change nothing in the database. Each request is rolled
back, so rows do not affect each other.
"""

import copy
import hashlib
from dataclasses import dataclass

import pytest
from django.apps import apps
from django.conf import settings
from django.db import transaction
from django.shortcuts import resolve_url
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from tests.world import build_world

pytestmark = pytest.mark.django_db

# anonymous; carl, signed in but in no body; bob, member of DS Sydost and of the internal AG
# Sydost; dora, secretary of another body; alice, secretary of DS Sydost (and so of AG); staff.
ROLES = ["anonymous", "carl", "bob", "dora", "alice", "staff"]
DEACTIVATED = "gone"  # a member of DS Sydost whose account was deactivated mid-session
REFUSED = {"login", "403", "404", "405"}

# Whole URL trees left out of the table, with the reason.
EXCLUDED = {
    "admin": "Django's admin checks staff itself; test_admin_sends_visitors_to_its_login",
}


@dataclass(frozen=True)
class Row:
    name: str
    args: str
    get: str
    post: str

    def url(self, world) -> str:
        kwargs = dict(pair.split("=") for pair in self.args.split())
        return reverse(self.name, kwargs={k: world[v] for k, v in kwargs.items()})


R = Row
#                URL name                     arguments                      anon carl bob dora alice staff
ROWS = [
    R("oparl:system", "", get="200 200 200 200 200 200", post="405 405 405 405 405 405"),
    R("oparl:bodies", "", get="200 200 200 200 200 200", post="405 405 405 405 405 405"),
    R("oparl:body", "", get="200 200 200 200 200 200", post="405 405 405 405 405 405"),
    R("oparl:organizations", "", get="200 200 200 200 200 200", post="405 405 405 405 405 405"),
    R("oparl:home_organizations", "", get="200 200 200 200 200 200", post="405 405 405 405 405 405"),
    R("oparl:people", "", get="200 200 200 200 200 200", post="405 405 405 405 405 405"),
    R("oparl:memberships", "", get="200 200 200 200 200 200", post="405 405 405 405 405 405"),
    R("oparl:meetings", "", get="200 200 200 200 200 200", post="405 405 405 405 405 405"),
    R("oparl:agenda_items", "", get="200 200 200 200 200 200", post="405 405 405 405 405 405"),
    R("oparl:files", "", get="200 200 200 200 200 200", post="405 405 405 405 405 405"),
    R("oparl:papers", "", get="200 200 200 200 200 200", post="405 405 405 405 405 405"),
    R("oparl:organization", "pk=ds", get="200 200 200 200 200 200", post="405 405 405 405 405 405"),
    R("oparl:organization", "pk=ag", get="404 404 404 404 404 404", post="405 405 405 405 405 405"),
    R("oparl:organization_meetings", "pk=ds", get="200 200 200 200 200 200", post="405 405 405 405 405 405"),
    R("oparl:home_organization", "pk=organisation", get="200 200 200 200 200 200", post="405 405 405 405 405 405"),
    R("oparl:person", "pk=bob", get="200 200 200 200 200 200", post="405 405 405 405 405 405"),
    R("oparl:person", "pk=carl", get="404 404 404 404 404 404", post="405 405 405 405 405 405"),
    R("oparl:membership", "pk=membership", get="200 200 200 200 200 200", post="405 405 405 405 405 405"),
    R("oparl:meeting", "pk=published", get="200 200 200 200 200 200", post="405 405 405 405 405 405"),
    R("oparl:meeting", "pk=importing", get="404 404 404 404 404 404", post="405 405 405 405 405 405"),
    R("oparl:meeting", "pk=joint", get="404 404 404 404 404 404", post="405 405 405 405 405 405"),
    R("oparl:meeting", "pk=approved", get="404 404 404 404 404 404", post="405 405 405 405 405 405"),
    R("oparl:location", "pk=published", get="404 404 404 404 404 404", post="405 405 405 405 405 405"),
    R("oparl:file", "pk=published kind=minutes", get="200 200 200 200 200 200", post="405 405 405 405 405 405"),
    R("oparl:file", "pk=joint kind=minutes", get="404 404 404 404 404 404", post="405 405 405 405 405 405"),
    R("oparl:file_access", "pk=published kind=minutes", get="200 200 200 200 200 200", post="405 405 405 405 405 405"),
    R("oparl:file_download", "pk=published kind=minutes", get="200 200 200 200 200 200", post="405 405 405 405 405 405"),
    R("oparl:agenda_item", "pk=published_item", get="200 200 200 200 200 200", post="405 405 405 405 405 405"),
    R("oparl:agenda_item", "pk=joint_item", get="404 404 404 404 404 404", post="405 405 405 405 405 405"),
    R("oparl:not_found", "rest=nowhere", get="404 404 404 404 404 404", post="405 405 405 405 405 405"),
    R("api:openapi-json", "", get="200 200 200 200 200 200", post="200 200 200 200 200 200"),
    R("api:openapi-view", "", get="200 200 200 200 200 200", post="200 200 200 200 200 200"),
    R("api:decision_list", "", get="200 200 200 200 200 200", post="405 405 405 405 405 405"),
    R("api:assignment_list", "", get="200 200 200 200 200 200", post="405 405 405 405 405 405"),
    R("api:assignment_detail", "pk=assignment", get="200 200 200 200 200 200", post="405 405 405 405 405 405"),
    R("api:assignment_detail", "pk=draft_assignment", get="404 404 200 404 200 200", post="405 405 405 405 405 405"),
    R("api:assignment_status", "pk=assignment", get="405 405 405 405 405 405", post="400 400 400 400 400 400"),
    R("api:plan_list", "", get="200 200 200 200 200 200", post="405 405 405 405 405 405"),
    R("api:plan_detail", "pk=plan", get="200 200 200 200 200 200", post="405 405 405 405 405 405"),
    R("api:plan_detail", "pk=internal_plan", get="404 404 200 404 200 200", post="405 405 405 405 405 405"),
    R("api:add_measurement", "pk=goal", get="405 405 405 405 405 405", post="400 400 400 400 400 400"),
    R("api:round_list", "", get="403 200 200 200 200 200", post="405 405 405 405 405 405"),
    R("api:search", "", get="422 422 422 422 422 422", post="405 405 405 405 405 405"),
    R("api:api-root", "", get="404 404 404 404 404 404", post="404 404 404 404 404 404"),
    R("api_pages:tokens", "", get="login 200 200 200 200 200", post="login 200 200 200 200 200"),
    R("api_pages:revoke", "pk=membership", get="login 405 405 405 405 405", post="login 404 404 404 404 404"),
    R("api_pages:open_data", "", get="200 200 200 200 200 200", post="200 200 200 200 200 200"),
    R("api_pages:decisions_export", "fmt=csv", get="200 200 200 200 200 200", post="200 200 200 200 200 200"),
    R("api_pages:assignments_export", "body_pk=ds fmt=csv", get="200 200 200 200 200 200", post="200 200 200 200 200 200"),
    R("api_pages:assignments_export", "body_pk=ag fmt=csv", get="404 404 200 404 200 200", post="404 404 200 404 200 200"),
    R("home", "", get="200 200 200 200 200 200", post="200 200 200 200 200 200"),
    R("accessibility", "", get="200 200 200 200 200 200", post="405 405 405 405 405 405"),
    # directory
    R("directory:body_list", "", get="200 200 200 200 200 200", post="200 200 200 200 200 200"),
    R("directory:body_create", "", get="login 403 403 200 200 200", post="403 403 403 200 200 200"),
    R("directory:body", "pk=ds", get="200 200 200 200 200 200", post="200 200 200 200 200 200"),
    R("directory:body", "pk=ag", get="404 404 200 404 200 200", post="404 404 200 404 200 200"),
    R("directory:body", "pk=hidden", get="404 404 404 404 404 200", post="404 404 404 404 404 200"),
    R("directory:body_edit", "pk=ds", get="login 403 403 403 200 200", post="403 403 403 403 200 200"),
    R("directory:body_edit", "pk=ag", get="404 404 403 404 200 200", post="404 404 403 404 200 200"),
    R("directory:membership_add", "pk=ds", get="login 403 403 403 200 200", post="403 403 403 403 200 200"),
    R("directory:membership_end", "pk=membership", get="login 403 403 403 200 200", post="403 403 403 403 200 200"),
    R("directory:person_create", "", get="login 403 403 200 200 200", post="login 403 403 200 200 200"),
    R("directory:person", "pk=bob", get="login 200 200 200 200 200", post="login 200 200 200 200 200"),
    R("directory:person_edit", "pk=bob", get="login 403 200 403 200 200", post="login 403 200 403 200 200"),
    R("directory:person_edit", "pk=ivar", get="login 403 403 403 403 200", post="login 403 403 403 403 200"),
    R("directory:organisation_list", "", get="200 200 200 200 200 200", post="200 200 200 200 200 200"),
    R("directory:organisation_create", "", get="login 403 403 403 403 200", post="403 403 403 403 403 200"),
    R("directory:organisation", "pk=organisation", get="200 200 200 200 200 200", post="200 200 200 200 200 200"),
    R("directory:organisation_edit", "pk=organisation", get="login 403 403 403 403 200", post="403 403 403 403 403 200"),
    R("directory:search", "", get="200 200 200 200 200 200", post="200 200 200 200 200 200"),
    # meetings
    R("meetings:meeting", "pk=published", get="200 200 200 200 200 200", post="200 200 200 200 200 200"),
    R("meetings:meeting", "pk=importing", get="404 404 404 404 404 404", post="404 404 404 404 404 404"),
    R("meetings:meeting", "pk=approved", get="200 200 200 200 200 200", post="200 200 200 200 200 200"),
    R("meetings:meeting", "pk=draft", get="200 200 200 200 200 200", post="200 200 200 200 200 200"),
    R("meetings:meeting", "pk=internal", get="404 404 200 404 200 200", post="404 404 200 404 200 200"),
    R("meetings:meeting", "pk=joint", get="404 404 200 404 200 200", post="404 404 200 404 200 200"),
    R("meetings:meeting", "pk=upcoming", get="200 200 200 200 200 200", post="200 200 200 200 200 200"),
    R("meetings:invitation", "pk=upcoming", get="200 200 200 200 200 200", post="200 200 200 200 200 200"),
    R("meetings:invitation", "pk=joint", get="404 404 200 404 200 200", post="404 404 200 404 200 200"),
    R("meetings:cancel", "pk=upcoming", get="login 403 403 403 200 200", post="403 403 403 403 200 200"),
    R("meetings:move", "pk=upcoming", get="login 403 403 403 200 200", post="403 403 403 403 200 200"),
    R("meetings:item_add", "pk=upcoming", get="login 403 403 403 200 200", post="403 403 403 403 200 200"),
    R("meetings:item_edit", "pk=upcoming item_pk=upcoming_item", get="login 403 403 403 200 200", post="403 403 403 403 200 200"),
    R("meetings:item_move", "pk=upcoming item_pk=upcoming_item", get="405 405 405 405 405 405", post="403 403 403 403 302 302"),
    R("meetings:item_remove", "pk=upcoming item_pk=upcoming_item", get="405 405 405 405 405 405", post="403 403 403 403 302 302"),
    R("meetings:attachment", "pk=published attachment_pk=attachment", get="200 200 200 200 200 200", post="200 200 200 200 200 200"),
    R("meetings:answer", "pk=upcoming", get="login 403 200 403 200 403", post="login 403 200 403 200 403"),
    R("meetings:attendance", "pk=draft", get="login 403 403 403 200 200", post="403 403 403 403 200 200"),
    R("meetings:proposal_add", "pk=upcoming", get="login 403 403 403 200 200", post="403 403 403 403 200 200"),
    R("meetings:proposal_add", "pk=internal", get="404 404 403 404 200 200", post="404 404 403 404 200 200"),
    R("meetings:proposal_answer", "pk=upcoming proposal_pk=proposal", get="login 403 403 403 200 200", post="403 403 403 403 200 200"),
    R("meetings:answer_link", "pk=upcoming token=answer_token choice=kommer", get="200 200 200 200 200 200", post="200 200 200 200 200 200"),
    R("meetings:answer_link", "pk=draft token=answer_token choice=kommer", get="404 404 404 404 404 404", post="404 404 404 404 404 404"),
    R("meetings:mark_held", "pk=upcoming", get="405 405 405 405 405 405", post="403 403 403 403 302 302"),
    # minutes
    R("minutes:editor", "meeting_pk=published", get="200 200 200 200 200 200", post="200 200 200 200 200 200"),
    R("minutes:editor", "meeting_pk=importing", get="404 404 404 404 404 404", post="404 404 404 404 404 404"),
    R("minutes:editor", "meeting_pk=approved", get="login 403 200 403 200 200", post="403 403 200 403 200 200"),
    R("minutes:editor", "meeting_pk=draft", get="login 403 403 403 200 200", post="403 403 403 403 200 200"),
    R("minutes:editor", "meeting_pk=internal", get="404 404 200 404 200 200", post="404 404 200 404 200 200"),
    R("minutes:editor", "meeting_pk=joint", get="404 404 200 404 200 200", post="404 404 200 404 200 200"),
    R("minutes:editor", "meeting_pk=other_draft", get="login 403 403 200 403 200", post="403 403 403 200 403 200"),
    R("minutes:note", "meeting_pk=draft item_pk=draft_item", get="405 405 405 405 405 405", post="403 403 403 403 302 302"),
    R("minutes:decision_add", "meeting_pk=draft item_pk=draft_item", get="405 405 405 405 405 405", post="403 403 403 403 302 302"),
    R("minutes:approve", "meeting_pk=draft", get="405 405 405 405 405 405", post="403 403 403 403 302 302"),
    R("minutes:correct", "meeting_pk=approved", get="405 405 405 405 405 405", post="403 403 403 403 302 302"),
    R("minutes:version", "meeting_pk=published number=v1", get="200 200 200 200 200 200", post="200 200 200 200 200 200"),
    R("minutes:version", "meeting_pk=approved number=v1", get="login 403 200 403 200 200", post="403 403 200 403 200 200"),
    R("minutes:version", "meeting_pk=joint number=v1", get="404 404 200 404 200 200", post="404 404 200 404 200 200"),
    R("minutes:purge", "meeting_pk=published kind=anteckning history_id=note_history", get="login 403 403 403 403 200", post="403 403 403 403 403 200"),
    R("minutes:decision_edit", "meeting_pk=draft pk=draft_decision", get="login 403 403 403 200 200", post="403 403 403 403 200 200"),
    R("minutes:decision_delete", "meeting_pk=draft pk=draft_decision", get="login 403 403 403 200 200", post="403 403 403 403 302 302"),
    R("minutes:withdraw_request", "meeting_pk=requested", get="405 405 405 405 405 405", post="403 403 403 403 302 302"),
    R("minutes:sign_off", "meeting_pk=requested", get="login 403 200 403 403 403", post="403 403 302 403 403 403"),
    R("minutes:send_back", "meeting_pk=requested", get="405 405 405 405 405 405", post="403 403 400 403 403 403"),
    # follow-up
    R("followup:overview", "", get="200 200 200 200 200 200", post="200 200 200 200 200 200"),
    R("followup:plan_meeting", "body_pk=ds", get="login 403 403 403 200 200", post="403 403 403 403 200 200"),
    R("followup:register", "body_pk=ds", get="200 200 200 200 200 200", post="200 200 200 200 200 200"),
    R("followup:register", "body_pk=ag", get="404 404 200 404 200 200", post="404 404 200 404 200 200"),
    R("followup:assignment_add", "meeting_pk=draft", get="405 405 405 405 405 405", post="403 403 403 403 400 400"),
    R("followup:assignment", "pk=assignment", get="200 200 200 200 200 200", post="403 403 403 403 200 200"),
    R("followup:report_back", "pk=assignment", get="405 405 405 405 405 405", post="403 403 403 403 302 302"),
    R("followup:assignment_edit", "pk=draft_assignment", get="404 404 403 404 200 200", post="404 404 403 404 200 200"),
    R("followup:assignment_delete", "pk=draft_assignment", get="404 404 403 404 200 200", post="404 404 403 404 302 302"),
    R("followup:mine", "", get="login 200 200 200 200 200", post="login 200 200 200 200 200"),
    R("followup:decisions", "", get="200 200 200 200 200 200", post="200 200 200 200 200 200"),
    R("followup:commission_add", "body_pk=ds", get="login 403 403 403 200 200", post="403 403 403 403 200 200"),
    R("followup:commission_add", "body_pk=hidden", get="404 404 404 404 404 200", post="404 404 404 404 404 200"),
    R("followup:commission", "pk=commission", get="404 404 200 200 200 200", post="404 404 200 200 200 200"),
    R("followup:plan_link", "plan_pk=plan", get="login 403 403 403 200 200", post="403 403 403 403 200 200"),
    R("followup:plan_link", "plan_pk=internal_plan", get="404 404 403 404 200 200", post="404 404 403 404 200 200"),
    R("followup:case", "item_pk=published_item", get="200 200 200 200 200 200", post="200 200 200 200 200 200"),
    R("followup:case", "item_pk=joint_item", get="404 404 200 404 200 200", post="404 404 200 404 200 200"),
    # import
    R("importer:upload", "", get="login 403 403 200 200 200", post="login 403 403 200 200 200"),
    R("importer:review", "pk=other_import", get="login 404 404 200 404 200", post="login 404 404 200 404 200"),
    R("importer:review", "pk=own_import", get="login 404 404 404 200 200", post="login 404 404 404 200 200"),
    R("importer:discard", "pk=spare_import", get="login 405 405 405 405 405", post="login 404 404 302 404 302"),
    R("importer:original", "pk=other_import", get="404 404 404 200 404 200", post="404 404 404 200 404 200"),
    # plans
    R("plans:body_plans", "body_pk=ds", get="200 200 200 200 200 200", post="403 403 403 403 200 200"),
    R("plans:body_plans", "body_pk=ag", get="404 404 200 404 200 200", post="404 404 403 404 200 200"),
    R("plans:plan", "pk=plan", get="200 200 200 200 200 200", post="200 200 200 200 200 200"),
    R("plans:plan", "pk=internal_plan", get="404 404 200 404 200 200", post="404 404 200 404 200 200"),
    R("plans:goal_add", "pk=plan", get="login 403 403 403 200 200", post="403 403 403 403 200 200"),
    R("plans:indicator_add", "pk=plan goal_pk=goal", get="login 403 403 403 200 200", post="403 403 403 403 200 200"),
    R("plans:activity_add", "pk=plan goal_pk=goal", get="login 403 403 403 200 200", post="403 403 403 403 200 200"),
    R("plans:values", "pk=plan", get="login 403 403 403 200 200", post="403 403 403 403 200 200"),
    R("plans:values_import", "pk=plan", get="login 403 403 403 200 200", post="403 403 403 403 200 200"),
    R("plans:value_edit", "pk=plan value_pk=measurement", get="login 403 403 403 200 200", post="403 403 403 403 200 200"),
    R("plans:rounds", "", get="login 200 200 200 200 200", post="login 403 403 403 403 200"),
    R("plans:round", "pk=round", get="login 200 200 200 200 200", post="login 200 200 200 200 200"),
    R("plans:answer", "pk=round body_pk=ds", get="login 403 403 403 200 200", post="login 403 403 403 200 200"),
    R("plans:export", "pk=round", get="login 200 200 200 200 200", post="login 200 200 200 200 200"),
    R("plans:pdf", "pk=round", get="login 200 200 200 200 200", post="login 200 200 200 200 200"),
    # publishing: documents, mail, archive, feeds
    R("publishing:minutes", "pk=published fmt=pdf", get="200 200 200 200 200 200", post="200 200 200 200 200 200"),
    R("publishing:minutes", "pk=importing fmt=pdf", get="404 404 404 404 404 404", post="404 404 404 404 404 404"),
    R("publishing:minutes", "pk=published fmt=docx", get="200 200 200 200 200 200", post="200 200 200 200 200 200"),
    R("publishing:minutes", "pk=approved fmt=pdf", get="login 403 200 403 200 200", post="403 403 200 403 200 200"),
    R("publishing:minutes", "pk=draft fmt=docx", get="login 403 403 403 200 200", post="403 403 403 403 200 200"),
    R("publishing:minutes", "pk=joint fmt=pdf", get="404 404 200 404 200 200", post="404 404 200 404 200 200"),
    R("publishing:invitation", "pk=upcoming fmt=pdf", get="200 200 200 200 200 200", post="200 200 200 200 200 200"),
    R("publishing:invitation", "pk=joint fmt=docx", get="404 404 200 404 200 200", post="404 404 200 404 200 200"),
    R("publishing:send_invitation", "pk=upcoming", get="login 403 403 403 200 200", post="403 403 403 403 302 302"),
    R("publishing:publish", "pk=approved", get="login 403 403 403 200 200", post="403 403 403 403 200 200"),
    R("publishing:send_update", "pk=upcoming", get="405 405 405 405 405 405", post="403 403 403 403 302 302"),
    R("publishing:request_approval", "pk=draft", get="405 405 405 405 405 405", post="403 403 403 403 302 302"),
    R("publishing:dispatches", "pk=upcoming", get="login 403 403 403 200 200", post="403 403 403 403 200 200"),
    R("publishing:resend", "pk=upcoming dispatch_pk=dispatch", get="405 405 405 405 405 405", post="403 403 403 403 302 302"),
    R("publishing:lists", "pk=ds", get="login 403 403 403 200 200", post="403 403 403 403 200 200"),
    R("publishing:list_edit", "pk=list", get="login 403 403 403 200 200", post="403 403 403 403 200 200"),
    R("publishing:list_delete", "pk=list", get="405 405 405 405 405 405", post="403 403 403 403 302 302"),
    R("publishing:archive", "", get="200 200 200 200 200 200", post="200 200 200 200 200 200"),
    R("publishing:archive_body", "pk=ds", get="200 200 200 200 200 200", post="200 200 200 200 200 200"),
    R("publishing:archive_body", "pk=ag", get="404 404 404 404 404 404", post="404 404 404 404 404 404"),
    R("publishing:archive_minutes", "pk=published", get="200 200 200 200 200 200", post="200 200 200 200 200 200"),
    R("publishing:archive_minutes", "pk=importing", get="404 404 404 404 404 404", post="404 404 404 404 404 404"),
    R("publishing:archive_minutes", "pk=approved", get="404 404 404 404 404 404", post="404 404 404 404 404 404"),
    R("publishing:archive_minutes", "pk=joint", get="404 404 404 404 404 404", post="404 404 404 404 404 404"),
    R("publishing:archive_pdf", "pk=published", get="200 200 200 200 200 200", post="200 200 200 200 200 200"),
    R("publishing:archive_pdf", "pk=joint", get="404 404 404 404 404 404", post="404 404 404 404 404 404"),
    R("publishing:archive_version", "pk=published number=v1", get="200 200 200 200 200 200", post="200 200 200 200 200 200"),
    R("publishing:archive_version", "pk=approved number=v1", get="404 404 404 404 404 404", post="404 404 404 404 404 404"),
    R("publishing:archive_version_pdf", "pk=published number=v1", get="200 200 200 200 200 200", post="200 200 200 200 200 200"),
    R("publishing:archive_feed", "", get="200 200 200 200 200 200", post="200 200 200 200 200 200"),
    R("publishing:search", "", get="200 200 200 200 200 200", post="200 200 200 200 200 200"),
    R("publishing:my_calendar", "", get="login 200 200 200 200 404", post="login 302 302 302 302 404"),
    R("publishing:follow", "pk=ds", get="200 200 200 200 200 200", post="200 200 200 200 200 200"),
    R("publishing:follow", "pk=ag", get="404 404 404 404 404 404", post="404 404 404 404 404 404"),
    R("publishing:follow_confirm", "token=follow_token", get="200 200 200 200 200 200", post="200 200 200 200 200 200"),
    R("publishing:unfollow", "token=follow_token", get="200 200 200 200 200 200", post="200 200 200 200 200 200"),
    R("publishing:reminders", "", get="login 200 200 200 200 404", post="login 200 200 200 200 404"),
    R("publishing:person_feed", "token=token", get="200 200 200 200 200 200", post="200 200 200 200 200 200"),
    R("publishing:body_feed", "pk=ds", get="200 200 200 200 200 200", post="200 200 200 200 200 200"),
    R("publishing:body_feed", "pk=ag", get="404 404 404 404 404 404", post="404 404 404 404 404 404"),
    R("publishing:person_export", "pk=bob", get="login 403 403 403 403 200", post="login 403 403 403 403 200"),
    R("publishing:person_erase", "pk=carl", get="login 403 403 403 403 200", post="login 403 403 403 403 200"),
    # accounts and language
    R("login", "", get="200 200 200 200 200 200", post="200 200 200 200 200 200"),
    R("logout", "", get="405 405 405 405 405 405", post="302 302 302 302 302 302"),
    R("oidc_login", "provider=provider", get="404 404 404 404 404 404", post="404 404 404 404 404 404"),
    R("oidc_callback", "provider=provider", get="404 404 404 404 404 404", post="404 404 404 404 404 404"),
    R("directory:accounts", "", get="login 403 403 403 403 200", post="login 403 403 403 403 302"),
    R("password_change", "", get="login 200 200 200 200 200", post="login 200 200 200 200 200"),
    R("two_factor", "", get="login 200 200 200 200 200", post="login 200 200 200 200 200"),
    R("two_factor_verify", "", get="login 302 302 302 302 302", post="login 302 302 302 302 302"),
    R("password_change_done", "", get="login 200 200 200 200 200", post="login 405 405 405 405 405"),
    R("password_reset", "", get="200 200 200 200 200 200", post="200 200 200 200 200 200"),
    R("password_reset_done", "", get="200 200 200 200 200 200", post="405 405 405 405 405 405"),
    R("password_reset_confirm", "uidb64=uid token=reset_token", get="200 200 200 200 200 200", post="200 200 200 200 200 200"),
    R("password_reset_complete", "", get="200 200 200 200 200 200", post="405 405 405 405 405 405"),
    R("set_language", "", get="302 302 302 302 302 302", post="302 302 302 302 302 302"),
]  # fmt: skip


def url_names(patterns, prefix: str = "", namespace: str = ""):
    """Every URL name in the conf as (qualified name, route), walking includes."""
    for entry in patterns:
        route = prefix + str(entry.pattern)
        if isinstance(entry, URLResolver):
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from url_names(entry.url_patterns, route, inner)
        elif isinstance(entry, URLPattern):
            yield (f"{namespace}{entry.name}" if entry.name else None), route


def test_every_url_has_a_row():
    covered = {row.name for row in ROWS}
    found = [
        (name, route)
        for name, route in url_names(get_resolver().url_patterns)
        if not route.startswith(tuple(EXCLUDED))
    ]
    unnamed = [route for name, route in found if name is None]
    missing = sorted(name for name, route in found if name and name not in covered)
    assert not unnamed, f"URLs without a name cannot be in the matrix: {unnamed}"
    assert not missing, f"URLs with no row in the permission matrix: {missing}"
    stale = covered - {name for name, _route in found}
    assert not stale, f"rows for URLs that no longer exist: {sorted(stale)}"


def test_admin_sends_visitors_to_its_login(client, cast):
    response = client.get("/admin/")
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def outcome(response) -> str:
    if response.status_code in (301, 302, 303):
        login = resolve_url(settings.LOGIN_URL)
        return "login" if response["Location"].startswith(login) else "302"
    return str(response.status_code)


def client_for(role: str) -> Client:
    client = Client()
    if role != "anonymous":
        from django.contrib.auth import get_user_model

        client.force_login(get_user_model().objects.get(username=role))
    return client


def fingerprint() -> str:
    """A digest of every row of the project's tables (sessions and login times left out)."""
    digest = hashlib.sha256()
    for model in apps.get_models():
        if not model.__module__.startswith("samverkan.") and model._meta.label != "auth.User":
            continue
        fields = [f.attname for f in model._meta.concrete_fields if f.attname != "last_login"]
        for row in model._default_manager.order_by("pk").values_list(*fields):
            digest.update(repr(row).encode())
    return digest.hexdigest()


def _request(client, method: str, url: str, before: str | None) -> str:
    """One request, rolled back; a refused POST must have left the database as it was.

    The session cookie is put back too, so a POST to logout signs nobody out for the next row.
    """
    cookies = copy.deepcopy(client.cookies)
    with transaction.atomic():
        got = outcome(getattr(client, method)(url, {}))
        if before is not None and got in REFUSED:
            assert fingerprint() == before, f"a refused POST to {url} changed the database"
        transaction.set_rollback(True)
    client.cookies = cookies
    return got


@pytest.fixture
def world(cast, django_capture_on_commit_callbacks, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    with django_capture_on_commit_callbacks(execute=True):
        return build_world(cast)


def test_matrix(world):
    clients = {role: client_for(role) for role in [*ROLES, DEACTIVATED]}
    before = fingerprint()
    wrong = []
    for row in ROWS:
        url = row.url(world)
        for method, expected, state in (("get", row.get, None), ("post", row.post, before)):
            wanted = dict(zip(ROLES, expected.split(), strict=True))
            wanted[DEACTIVATED] = wanted["anonymous"]
            for role, want in wanted.items():
                got = _request(clients[role], method, url, state)
                if got != want:
                    wrong.append(
                        f"{method.upper()} {url} ({row.name}) as {role}: {got}, not {want}"
                    )
    assert not wrong, "\n".join(wrong)
