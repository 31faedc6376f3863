"""The performance analyst's CIN census validation: check an uploaded file or the live records,
then page through the issues report and download it as CSV or JSON.

Every report names children by their child IDs, so every showing of one is in the access log:
for the live records, the children on the page shown (or all of them, in a download); for an
uploaded file, whose children need not be in Safeguard at all, one event naming the file and how
many children it holds.
"""

import pyarrow as pa
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.text import slugify
from django.views.decorators.http import require_GET, require_http_methods

from safeguard.access.decorators import capability_required
from safeguard.access.log import Access, record_access, record_accesses
from safeguard.access.models import AccessKind
from safeguard.people.models import Child
from safeguard.returns import capabilities as cap
from safeguard.returns import validation_checks as checks
from safeguard.returns import validation_store as store
from safeguard.returns.cin_xml.errors import ReturnFileError
from safeguard.returns.forms_validation import CheckFileForm, CheckLiveRecordsForm

PAGE_SIZE = 50


class IssueRows:
    """The rows of an issues table, sliced for one page at a time."""

    def __init__(self, issues: pa.Table) -> None:
        self.issues = issues

    def __len__(self) -> int:
        return self.issues.num_rows

    def __getitem__(self, page: slice) -> list[dict]:
        start, stop, _ = page.indices(len(self))
        return self.issues.slice(start, stop - start).to_pylist()


def _posted(request: HttpRequest) -> tuple[dict | None, dict | None]:
    if request.method == "POST":
        return request.POST, request.FILES
    return None, None


@capability_required(cap.VALIDATE_CIN)
@require_http_methods(["GET", "POST"])
def check_file(request: HttpRequest) -> HttpResponse:
    form = CheckFileForm(*_posted(request))
    if form.is_bound and form.is_valid():
        try:
            checked = checks.check_upload(form.cleaned_data["file"], form.cleaned_data["ruleset"])
        except ReturnFileError as refused:
            form.add_error("file", str(refused))
        else:
            kept = _keep(request, checked, store.Source.FILE)
            record_access(
                request,
                None,
                purpose=_purpose(kept),
                detail=f"Checked the CIN census file {kept.name}, holding "
                f"{_children(kept.children)}: {len(checked.report):,} issues shown by child ID",
            )
            return redirect("returns:validation-report", report_id=kept.report_id)
    return render(
        request,
        "returns/validation_file.html",
        {"form": form, "keep_hours": store.keep_hours()},
    )


@capability_required(cap.VALIDATE_CIN)
@require_http_methods(["GET", "POST"])
def check_live_records(request: HttpRequest) -> HttpResponse:
    form = CheckLiveRecordsForm(request.POST if request.method == "POST" else None)
    if form.is_bound and form.is_valid():
        try:
            checked = checks.check_live_records(form.cleaned_data["census_year"])
        except ReturnFileError as refused:
            form.add_error("census_year", str(refused).replace("\n", " "))
        else:
            kept = _keep(request, checked, store.Source.LIVE)
            return redirect("returns:validation-report", report_id=kept.report_id)
    return render(
        request,
        "returns/validation_live.html",
        {"form": form, "keep_hours": store.keep_hours()},
    )


@capability_required(cap.VALIDATE_CIN)
@require_GET
def report(request: HttpRequest, report_id: str) -> HttpResponse:
    kept = _kept(request, report_id)
    full = kept.report()
    page = Paginator(IssueRows(full.table), PAGE_SIZE).get_page(request.GET.get("page"))
    if not kept.from_file:
        _record_children(request, kept, [row["child_id"] for row in page], AccessKind.VIEW)
    return render(
        request,
        "returns/validation_report.html",
        {
            "kept": kept,
            "page": page,
            "rules": checks.by_rule(full.table),
            "errors": full.errors,
            "queries": full.queries,
        },
    )


@capability_required(cap.VALIDATE_CIN)
@require_GET
def download_csv(request: HttpRequest, report_id: str) -> HttpResponse:
    kept = _kept(request, report_id)
    full = kept.report()
    _record_download(request, kept, full.table)
    return _attachment(full.to_csv(), "text/csv", f"{_download_name(kept)}.csv")


@capability_required(cap.VALIDATE_CIN)
@require_GET
def download_json(request: HttpRequest, report_id: str) -> HttpResponse:
    kept = _kept(request, report_id)
    full = kept.report()
    _record_download(request, kept, full.table)
    return _attachment(full.to_json(), "application/json", f"{_download_name(kept)}.json")


def _keep(request: HttpRequest, checked: checks.Checked, source: str) -> store.KeptReport:
    return store.keep(
        checked.report,
        owner=request.user,  # type: ignore[arg-type]
        source=source,
        name=checked.name,
        children=checked.children,
    )


def _kept(request: HttpRequest, report_id: str) -> store.KeptReport:
    """The user's own report, still kept; anyone else's, or one gone, is a page not found."""
    kept = store.find(report_id, request.user)  # type: ignore[arg-type]
    if kept is None:
        raise Http404("No such report")
    return kept


def _purpose(kept: store.KeptReport) -> str:
    return f"CIN census validation against the {kept.ruleset} rules"


def _children(count: int) -> str:
    return f"{count:,} {'child' if count == 1 else 'children'}"


def _record_children(
    request: HttpRequest, kept: store.KeptReport, child_ids: list[str | None], kind: str
) -> None:
    """Log each live child named, once, in the order shown."""
    named = list(dict.fromkeys(i for i in child_ids if i is not None))
    known = dict(Child.objects.filter(la_child_id__in=named).values_list("la_child_id", "pk"))
    record_accesses(
        request.user,  # type: ignore[arg-type]
        [Access(known[i], kind=kind, detail=f"Child ID {i}") for i in named if i in known],
        page=request.path,
        purpose=_purpose(kept),
    )


def _record_download(request: HttpRequest, kept: store.KeptReport, issues: pa.Table) -> None:
    if kept.from_file:
        record_access(
            request,
            None,
            kind=AccessKind.EXPORT,
            purpose=_purpose(kept),
            detail=f"Downloaded the issues of the CIN census file {kept.name}, holding "
            f"{_children(kept.children)}: {issues.num_rows:,} issues by child ID",
        )
    else:
        _record_children(request, kept, issues.column("child_id").to_pylist(), AccessKind.EXPORT)


def _download_name(kept: store.KeptReport) -> str:
    about = slugify(kept.name.rsplit(".", 1)[0]) if kept.from_file else "live-records"
    return f"cin-issues-{kept.ruleset}-{about or 'file'}"


def _attachment(content: str, content_type: str, name: str) -> HttpResponse:
    response = HttpResponse(content, content_type=f"{content_type}; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    # Child-level data: no copy in a browser's or a proxy's cache.
    response["Cache-Control"] = "no-store"
    return response
