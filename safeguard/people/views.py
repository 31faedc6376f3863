import time
from datetime import date

from django.contrib import messages
from django.core.paginator import Paginator
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from safeguard.access import capabilities, scopes
from safeguard.access.decorators import capability_required
from safeguard.access.log import Access, record_access, record_accesses
from safeguard.access.models import (
    AccessEvent,
    AccessGrant,
    AccessKind,
    BreakGlass,
    Outcome,
    RestrictedRecord,
    User,
)
from safeguard.people import badges, panels
from safeguard.people.access import RecordRestricted, get_child_for_user
from safeguard.people.forms import (
    BreakGlassForm,
    ChildForm,
    EditChildForm,
    FindChildForm,
    GrantForm,
    MergeForm,
    NewAddressForm,
    RestrictForm,
    SearchBeforeAddForm,
)
from safeguard.people.merge import MergeRefused, merge_children
from safeguard.people.models import Address, Child
from safeguard.people.search import Candidate, Criteria, find_candidates

# A search is good for adding a child for this long; after that, search again.
SEARCH_VALID_SECONDS = 30 * 60
SEARCH_SESSION_KEY = "search_before_add"
# Enough to recognise a child; more means the search needs more details.
MAX_SHOWN = 50


def _log_shown(request: HttpRequest, candidates: list[Candidate], purpose: str) -> None:
    record_accesses(
        request.user,
        [Access(c.child.pk, kind=AccessKind.SEARCH) for c in candidates],
        page=request.path,
        purpose=purpose,
    )


def _candidates_for(request: HttpRequest, criteria: Criteria) -> list[Candidate]:
    children = scopes.with_restriction(Child.objects.in_scope_of(request.user), request.user)
    return find_candidates(criteria, children)[:MAX_SHOWN]


@capability_required(capabilities.SEARCH_CHILDREN)
def find_child(request: HttpRequest) -> HttpResponse:
    form = FindChildForm(request.GET or None)
    candidates = None
    if form.is_bound and form.is_valid():
        candidates = _candidates_for(request, Criteria.from_form(form.cleaned_data))
        _log_shown(request, candidates, "Find a child")
    return render(
        request,
        "people/find_child.html",
        {
            "form": form,
            "candidates": candidates,
            "max_shown": MAX_SHOWN,
            "can_add": request.user.can(capabilities.ADD_CHILD),
        },
    )


@capability_required(capabilities.ADD_CHILD)
def search_before_add(request: HttpRequest) -> HttpResponse:
    form = SearchBeforeAddForm(request.GET or None)
    candidates = None
    if form.is_bound and form.is_valid():
        criteria = Criteria.from_form(form.cleaned_data)
        candidates = _candidates_for(request, criteria)
        _log_shown(request, candidates, "Search before adding a child")
        request.session[SEARCH_SESSION_KEY] = {
            "at": time.time(),
            "query": request.GET.urlencode(),
            "decisive": [c.child.pk for c in candidates if c.decisive],
        }
    return render(
        request,
        "people/search_before_add.html",
        {"form": form, "candidates": candidates, "max_shown": MAX_SHOWN},
    )


def _initial_from_search(query: str) -> dict[str, object]:
    form = SearchBeforeAddForm(QueryDict(query))
    if not form.is_valid():
        return {}
    data = form.cleaned_data
    born: date = data["date_of_birth"]
    initial = {k: data[k] for k in ("first_name", "last_name", "nhs_number", "upn", "postcode")}
    initial["date_of_birth" if born <= date.today() else "expected_date_of_birth"] = born
    return initial


@capability_required(capabilities.ADD_CHILD)
def add_child(request: HttpRequest) -> HttpResponse:
    search = request.session.get(SEARCH_SESSION_KEY)
    if not search or time.time() - search["at"] > SEARCH_VALID_SECONDS:
        messages.info(request, "Search for the child first, to check they are not already known.")
        return redirect("people:search-before-add")
    form = ChildForm(request.POST or None, initial=_initial_from_search(search["query"]))
    if request.method == "POST" and form.is_valid():
        # Search again with what was finally entered: an identical identifier means the child
        # is already known, whatever the first search found.
        decisive = [
            c for c in _candidates_for(request, Criteria.from_form(form.cleaned_data)) if c.decisive
        ]
        if decisive:
            form.add_error(
                None,
                "A child with this NHS number or UPN is already known. "
                "Open their record instead of adding a new one.",
            )
        else:
            with transaction.atomic():
                child = form.save()
                if form.cleaned_data.get("postcode"):
                    Address.objects.create(
                        child=child,
                        line_1=form.cleaned_data["address_line_1"],
                        town=form.cleaned_data["town"],
                        postcode=form.cleaned_data["postcode"],
                    )
                record_access(request, child.pk, kind=AccessKind.CREATE, purpose="Added a child")
            del request.session[SEARCH_SESSION_KEY]
            messages.success(
                request, f"{child.full_name} has been added with LA child ID {child.la_child_id}."
            )
            return redirect("people:child", child_id=child.pk)
    return render(request, "people/add_child.html", {"form": form, "search_query": search["query"]})


def _open(request: HttpRequest, child_id: int, purpose: str) -> Child | HttpResponse:
    merged_into = (
        Child.objects.filter(pk=child_id, merged_into__isnull=False)
        .values_list("merged_into", flat=True)
        .first()
    )
    if merged_into and Child.objects.in_scope_of(request.user).filter(pk=merged_into).exists():
        record_access(request, child_id, purpose=purpose, detail=f"merged into child {merged_into}")
        return redirect("people:child", child_id=merged_into)
    try:
        return get_child_for_user(request, child_id, purpose)
    except RecordRestricted:
        return redirect("people:break-glass", child_id=child_id)


@capability_required(capabilities.SEARCH_CHILDREN)
def child_summary(request: HttpRequest, child_id: int) -> HttpResponse:
    child = _open(request, child_id, "Child summary")
    if isinstance(child, HttpResponse):
        return child
    child = (
        Child.objects.filter(pk=child.pk)
        .prefetch_related(
            "addresses", "former_names", "relationships__person", "relationships__related_child"
        )
        .get()
    )
    return render(
        request,
        "people/child_summary.html",
        {
            "child": child,
            "badges": badges.badges_for(child),
            "panels": panels.panels_for(request, child),
            "can_merge": request.user.can(capabilities.MERGE_CHILDREN),
            "can_edit": request.user.can(capabilities.EDIT_CHILD),
            "can_restrict": request.user.can(capabilities.RESTRICT_RECORDS),
            "can_see_log": request.user.can(capabilities.VIEW_ACCESS_LOG),
        },
    )


@capability_required(capabilities.SEARCH_CHILDREN)
@require_http_methods(["GET", "POST"])
def break_glass(request: HttpRequest, child_id: int) -> HttpResponse:
    child = Child.objects.in_scope_of(request.user).filter(pk=child_id).first()
    if child is None:
        record_access(
            request,
            child_id,
            kind=AccessKind.BREAK_GLASS,
            outcome=Outcome.DENIED,
            detail="outside the user's scope",
        )
        raise Http404("No child found")
    if not scopes.is_restricted_for(child.pk, request.user):
        return redirect("people:child", child_id=child.pk)
    form = BreakGlassForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        reason = form.cleaned_data["reason"]
        BreakGlass.objects.create(user=request.user, child=child, reason=reason)
        record_access(
            request, child.pk, kind=AccessKind.BREAK_GLASS, purpose="Break the glass", detail=reason
        )
        return redirect("people:child", child_id=child.pk)
    # Only the LA child ID is shown: nothing else of a restricted record before the glass is broken.
    return render(
        request,
        "people/break_glass.html",
        {"form": form, "la_child_id": child.la_child_id, "child_id": child.pk},
    )


@capability_required(capabilities.VIEW_ACCESS_LOG)
def who_viewed(request: HttpRequest, child_id: int) -> HttpResponse:
    child = Child.objects.filter(pk=child_id).first()
    if child is None:
        raise Http404("No child found")
    events = AccessEvent.objects.filter(child_id=child.pk)
    page = Paginator(events, 50).get_page(request.GET.get("page"))
    # Read the rows before logging this read, so the page shows the log as it was when opened.
    page.object_list = list(page.object_list)
    record_access(request, child.pk, kind=AccessKind.ACCESS_LOG, purpose="Who viewed this record")
    glass = BreakGlass.objects.filter(child=child).select_related("user")
    return render(request, "people/who_viewed.html", {"child": child, "page": page, "glass": glass})


@capability_required(capabilities.RESTRICT_RECORDS)
@require_http_methods(["GET", "POST"])
def restriction(request: HttpRequest, child_id: int) -> HttpResponse:
    child = _open(request, child_id, "Manage restriction")
    if isinstance(child, HttpResponse):
        return child
    current = RestrictedRecord.objects.filter(child=child).first()
    restrict_form = RestrictForm(
        request.POST if "restrict" in request.POST else None, prefix="restrict"
    )
    grant_form = GrantForm(request.POST if "grant" in request.POST else None, prefix="grant")
    if request.method == "POST":
        if "restrict" in request.POST and restrict_form.is_valid() and current is None:
            with transaction.atomic():
                RestrictedRecord.objects.create(
                    child=child,
                    reason=restrict_form.cleaned_data["reason"],
                    restricted_by=request.user,
                )
                # Whoever restricts a record keeps access to it.
                AccessGrant.objects.get_or_create(
                    child=child, user=request.user, defaults={"granted_by": request.user}
                )
            messages.success(request, "The record is now restricted.")
            return redirect("people:restriction", child_id=child.pk)
        if "grant" in request.POST and grant_form.is_valid():
            grantee = User.objects.filter(
                email__iexact=grant_form.cleaned_data["email"], is_active=True
            ).first()
            if grantee is None:
                grant_form.add_error("email", "There is no active user with this email address")
            else:
                AccessGrant.objects.get_or_create(
                    child=child, user=grantee, defaults={"granted_by": request.user}
                )
                messages.success(request, f"{grantee.full_name} can now open this record.")
                return redirect("people:restriction", child_id=child.pk)
    grants = AccessGrant.objects.filter(child=child).select_related("user", "granted_by")
    return render(
        request,
        "people/restriction.html",
        {
            "child": child,
            "restriction": current,
            "restrict_form": restrict_form,
            "grant_form": grant_form,
            "grants": grants,
        },
    )


@capability_required(capabilities.MERGE_CHILDREN)
@require_http_methods(["GET", "POST"])
def merge(request: HttpRequest, child_id: int) -> HttpResponse:
    kept = _open(request, child_id, "Merge records")
    if isinstance(kept, HttpResponse):
        return kept
    form = MergeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        la_id = form.cleaned_data["duplicate"].strip().upper()
        duplicate = Child.objects.visible_to(request.user).filter(la_child_id=la_id).first()
        if duplicate is None:
            form.add_error("duplicate", "There is no record you can open with this LA child ID")
        else:
            record_access(
                request, duplicate.pk, kind=AccessKind.UPDATE, purpose="Merged into another record"
            )
            try:
                merge_children(kept, duplicate, by=request.user, reason=form.cleaned_data["reason"])
            except MergeRefused as refused:
                for reason in refused.reasons:
                    form.add_error(None, reason)
            else:
                messages.success(request, f"{la_id} has been merged into this record.")
                return redirect("people:child", child_id=kept.pk)
    return render(request, "people/merge.html", {"child": kept, "form": form})


@capability_required(capabilities.EDIT_CHILD)
@require_http_methods(["GET", "POST"])
def edit_child(request: HttpRequest, child_id: int) -> HttpResponse:
    child = _open(request, child_id, "Change a child's details")
    if isinstance(child, HttpResponse):
        return child
    form = EditChildForm(request.POST or None, instance=child)
    if request.method == "POST" and form.is_valid():
        changed = form.changed_data
        if changed:
            form.save()
            record_access(
                request,
                child.pk,
                kind=AccessKind.UPDATE,
                purpose="Changed details",
                detail=", ".join(changed),
            )
            messages.success(request, "The child's details have been updated.")
        return redirect("people:child", child_id=child.pk)
    return render(request, "people/edit_child.html", {"child": child, "form": form})


@capability_required(capabilities.EDIT_CHILD)
@require_http_methods(["GET", "POST"])
def new_address(request: HttpRequest, child_id: int) -> HttpResponse:
    child = _open(request, child_id, "Record a new address")
    if isinstance(child, HttpResponse):
        return child
    form = NewAddressForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        moved_in = form.cleaned_data["moved_in"]
        current = child.addresses.filter(moved_out__isnull=True)
        if current.filter(moved_in__gt=moved_in).exists():
            form.add_error(
                "moved_in",
                "The date the child moved in must be after they moved to their current address",
            )
        else:
            with transaction.atomic():
                # The old address stays in the history, ended the day the child moved.
                for address in current:
                    address.moved_out = moved_in
                    address.save()
                form.instance.child = child
                form.save()
                record_access(request, child.pk, kind=AccessKind.UPDATE, purpose="New address")
            messages.success(request, "The new address has been recorded.")
            return redirect("people:child", child_id=child.pk)
    return render(request, "people/new_address.html", {"child": child, "form": form})


@capability_required(capabilities.SEARCH_CHILDREN)
def child_history(request: HttpRequest, child_id: int) -> HttpResponse:
    """Every change to the child's details: who, when, and what each field was and became."""
    child = _open(request, child_id, "Change history")
    if isinstance(child, HttpResponse):
        return child
    records = list(
        child.history.select_related("history_user").order_by("-history_date", "-history_id")
    )
    changes = []
    for newer, older in zip(records, [*records[1:], None], strict=True):
        if older is None:
            changes.append((newer, [], newer.history_change_reason or "Record created"))
            continue
        delta = newer.diff_against(older, excluded_fields=["first_name_key", "last_name_key"])
        fields = [
            (Child._meta.get_field(c.field).verbose_name, c.old, c.new) for c in delta.changes
        ]
        changes.append((newer, fields, newer.history_change_reason or ""))
    page = Paginator(changes, 25).get_page(request.GET.get("page"))
    return render(request, "people/child_history.html", {"child": child, "page": page})
