"""The performance analyst's CIN census validation pages: an uploaded file or the live records
checked against the DfE rules, the issues report paged and downloaded, bad files refused on the
form, the access log written, and everyone else kept out."""

import json
import logging
import tempfile
from datetime import date, timedelta
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from factories import ChildFactory, UserFactory, sign_in_as

from safeguard.access.models import AccessEvent, AccessKind
from safeguard.frontdoor.models import Referral
from safeguard.journey.dataset import DatasetError
from safeguard.people.models import Child
from safeguard.returns import validation_checks, validation_store, views_validation
from safeguard.returns.cin_xml.parse import parse

CHECK_FILE = reverse("returns:validation")
CHECK_LIVE = reverse("returns:validation-live")
HEADER = (
    "<Header><CollectionDetails><Collection>CIN</Collection><Year>2023</Year>"
    "<ReferenceDate>2023-03-31</ReferenceDate></CollectionDetails>"
    "<Source><SourceLevel>L</SourceLevel><LEA>884</LEA></Source></Header>"
)
BILLION_LAUGHS = (
    '<?xml version="1.0"?>\n<!DOCTYPE Message [\n  <!ENTITY lol "lol">\n'
    '  <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">\n'
    '  <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">\n]>\n'
    f"<Message>{HEADER}<Children><Child><ChildIdentifiers><LAchildID>&lol2;</LAchildID>"
    "</ChildIdentifiers></Child></Children></Message>\n"
)


@pytest.fixture(autouse=True)
def _reports_in_a_folder_of_the_test(settings, tmp_path):
    settings.CIN_VALIDATION_DIR = tmp_path / "reports"


@pytest.fixture
def analyst(client, db):
    person = UserFactory(role="performance_analyst")
    sign_in_as(client, person)
    return person


def fixture(shared_data: Path, name: str) -> SimpleUploadedFile:
    content = (shared_data / "fixtures" / "cin" / name).read_bytes()
    return SimpleUploadedFile(name, content, content_type="text/xml")


def upload(client, file: SimpleUploadedFile | None, ruleset: str | None = "2022-23"):
    data = {key: value for key, value in (("file", file), ("ruleset", ruleset)) if value}
    return client.post(CHECK_FILE, data)


def rule_codes(response) -> set[str]:
    return {rule.code for rule in response.context["rules"]}


def kept_reports(settings) -> list[Path]:
    folder = Path(settings.CIN_VALIDATION_DIR)
    return sorted(folder.iterdir()) if folder.exists() else []


def refused(response) -> str:
    """The message on the file field of a form shown again with its error."""
    assert response.status_code == 200
    assert response.content.decode().count("<title>Error: ") == 1
    return response.context["form"].errors["file"][0]


# --- Uploading a file ---------------------------------------------------------------------------


def test_the_analyst_uploads_a_file_and_sees_the_rules_it_breaks(client, analyst, shared_data):
    response = upload(client, fixture(shared_data, "CIN_header_issues_100.xml"))
    assert response.status_code == 302
    page = client.get(response["Location"])
    # The file's <ReferenceDate> is 2023-03-28, not the census's last day, 2023-03-31: rule 100.
    assert "100" in rule_codes(page)
    html = page.content.decode()
    assert "Issues in CIN_header_issues_100.xml" in html
    assert '<th scope="row" class="govuk-table__header">100</th>' in html
    assert "Reference Date is incorrect" in html


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        # One child using HAND and HEAR: 2 disability codes, fewer than 8.
        ("CIN_la_issues_2887Q.xml", "2887Q"),
        # One episode holding the same protection plan twice: the plans overlap.
        ("CIN2rows.xml", "8940"),
    ],
)
def test_each_fixture_shows_the_issue_it_was_built_for(
    client, analyst, shared_data, name, expected
):
    page = client.get(upload(client, fixture(shared_data, name))["Location"])
    assert expected in rule_codes(page)


def test_the_summary_counts_each_rules_issues_and_the_list_pages_through_them(
    client, analyst, shared_data, monkeypatch
):
    monkeypatch.setattr(views_validation, "PAGE_SIZE", 5)
    location = upload(client, fixture(shared_data, "CIN_Census_2021.xml"))["Location"]
    first = client.get(location)
    rules = first.context["rules"]
    total = first.context["page"].paginator.count
    assert sum(rule.issues for rule in rules) == total > 5
    # Errors before queries in the summary.
    types = [rule.type for rule in rules]
    assert types == sorted(types, key=lambda t: t != "error")
    second = client.get(location, {"page": 2})
    shown = [issue["rule"] for issue in first.context["page"]]
    assert len(shown) == 5
    assert second.context["page"].number == 2
    assert 'rel="next"' in first.content.decode()


def test_uploading_a_file_writes_one_access_event_naming_the_file(client, analyst, shared_data):
    page = client.get(upload(client, fixture(shared_data, "CIN_la_issues_2887Q.xml"))["Location"])
    event = AccessEvent.objects.get()
    assert event.user == analyst
    assert event.child_id is None
    assert event.kind == AccessKind.VIEW
    # The file has one <Child>.
    assert "CIN_la_issues_2887Q.xml" in event.detail
    assert "1 child:" in event.detail
    assert event.purpose == "CIN census validation against the 2022-23 rules"
    # Paging through the report of a file adds nothing more.
    client.get(page.request["PATH_INFO"], {"page": 1})
    assert AccessEvent.objects.count() == 1


def test_the_uploaded_file_is_not_kept(
    client, analyst, shared_data, settings, tmp_path, monkeypatch
):
    uploads = tmp_path / "uploads"
    uploads.mkdir()
    settings.FILE_UPLOAD_TEMP_DIR = str(uploads)
    settings.FILE_UPLOAD_MAX_MEMORY_SIZE = 0  # so Django writes the upload to a file
    monkeypatch.setattr(tempfile, "tempdir", str(uploads))
    read = []

    def reading(path, year):
        read.append((path, sorted(p.name for p in uploads.rglob("*") if p.is_file())))
        return parse(path, year)

    monkeypatch.setattr(validation_checks, "parse", reading)
    upload(client, fixture(shared_data, "CIN_la_issues_2887Q.xml"))
    [(_, files_while_reading)] = read
    # While it was read, only our copy under the file's own name: Django's copy of the upload
    # was deleted as soon as ours was made.
    assert files_while_reading == ["CIN_la_issues_2887Q.xml"]
    assert list(uploads.rglob("*")) == []
    assert [p.suffix for p in kept_reports(settings)] == [".arrow", ".json"]


def test_the_page_says_the_file_is_not_kept(client, analyst):
    html = client.get(CHECK_FILE).content.decode()
    assert "Safeguard does not keep the file" in html
    assert "kept for 8 hours, for you only" in html


# --- Bad files ----------------------------------------------------------------------------------


def bad(name: str, content: str | bytes) -> SimpleUploadedFile:
    data = content.encode() if isinstance(content, str) else content
    return SimpleUploadedFile(name, data, content_type="text/xml")


@pytest.mark.parametrize(
    ("file", "ruleset", "says"),
    [
        (
            bad("closed.xml", f"<Message>{HEADER}<Children><Child></Children></Message>"),
            "2022-23",
            "closed.xml, line 1",
        ),
        (
            bad("truncated.xml", f"<Message>{HEADER}<Children><Child><ChildIdentifiers>"),
            "2022-23",
            "the file looks truncated",
        ),
        # The header is for 2022-23 (<Year>2023</Year>); the 2023-24 rules want <Year>2024</Year>.
        (
            bad("last-year.xml", f"<Message>{HEADER}<Children/></Message>"),
            "2023-24",
            "the header has <Year>2023</Year>, but the census asked for has <Year>2024</Year>",
        ),
        (bad("bomb.xml", BILLION_LAUGHS), "2022-23", "bomb.xml, line 2: the file has a DOCTYPE"),
        (
            bad("children.csv", "LAchildID,UPN\nA1,B2\n"),
            "2022-23",
            "expected an XML CIN census file starting with <Message>",
        ),
        (
            bad("photo.xml", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"),
            "2022-23",
            "photo.xml, line 1: expected an XML CIN census file",
        ),
        (
            bad("no-header.xml", "<Message><Children/></Message>"),
            "2022-23",
            "no <Header> anywhere in the file",
        ),
    ],
    ids=["malformed", "truncated", "wrong year", "xml bomb", "csv", "not text", "no header"],
)
def test_a_bad_file_is_named_on_the_form_and_nothing_is_kept(
    client, analyst, settings, file, ruleset, says
):
    message = refused(upload(client, file, ruleset))
    assert says in message
    assert kept_reports(settings) == []
    assert not AccessEvent.objects.exists()


def test_an_empty_file_is_refused(client, analyst):
    message = refused(upload(client, bad("empty.xml", b"")))
    assert message == "The selected file is empty"


def test_no_file_and_no_rules_are_both_asked_for(client, analyst):
    response = client.post(CHECK_FILE, {})
    assert refused(response) == "Select a CIN census XML file"
    assert response.context["form"].errors["ruleset"] == [
        "Select which year’s rules to check the file against"
    ]


def test_rules_of_a_year_we_do_not_have_are_refused(client, analyst, shared_data):
    response = upload(client, fixture(shared_data, "CIN2rows.xml"), "2021-22")
    assert response.context["form"].errors["ruleset"] == [
        "Select which year’s rules to check the file against"
    ]


def test_a_file_over_the_limit_is_refused(client, analyst, settings):
    settings.CIN_VALIDATION_UPLOAD_LIMIT_MB = 1
    # One byte more than 1 MB (1,048,576 bytes).
    big = bad("big.xml", b"<Message>" + b" " * (1024 * 1024 - 9) + b"x")
    assert refused(upload(client, big)) == "The selected file must be smaller than 1 MB"
    assert kept_reports(settings) == []


def test_a_file_that_breaks_the_reader_unexpectedly_is_refused_and_logged(
    client, analyst, shared_data, monkeypatch, caplog
):
    def broken(path, year):
        raise RuntimeError("a fault of ours")

    monkeypatch.setattr(validation_checks, "parse", broken)
    with caplog.at_level(logging.ERROR, logger="safeguard.returns.validation_checks"):
        response = upload(client, fixture(shared_data, "CIN2rows.xml"))
    assert refused(response) == "CIN2rows.xml could not be read as a CIN census XML file"
    assert "a fault of ours" in caplog.text


def test_the_error_summary_links_to_the_file_field(client, analyst):
    html = upload(client, bad("empty.xml", b"")).content.decode()
    assert 'href="#id_file"' in html
    assert "govuk-file-upload--error" in html


# --- Downloads ----------------------------------------------------------------------------------


def report_url(client, shared_data, name: str = "CIN_header_issues_100.xml") -> str:
    return upload(client, fixture(shared_data, name))["Location"]


def test_the_issues_download_as_csv(client, analyst, shared_data):
    location = report_url(client, shared_data)
    report_id = location.rstrip("/").rsplit("/", 1)[1]
    response = client.get(reverse("returns:validation-csv", args=[report_id]))
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == (
        'attachment; filename="cin-issues-2022-23-cin_header_issues_100.csv"'
    )
    assert response["Cache-Control"] == "no-store"
    lines = response.content.decode().splitlines()
    assert lines[0] == '"Child ID","Rule","Type","Message","Table","Field","Value","Line"'
    # Rule 100 is about the whole return: no child, the header's ReferenceDate as written.
    assert (
        ',"100","error","Reference Date is incorrect","Header","ReferenceDate","2023-03-28"'
        in response.content.decode()
    )
    download = AccessEvent.objects.filter(kind=AccessKind.EXPORT).get()
    assert "CIN_header_issues_100.xml" in download.detail


def test_the_issues_download_as_json(client, analyst, shared_data):
    location = report_url(client, shared_data)
    report_id = location.rstrip("/").rsplit("/", 1)[1]
    response = client.get(reverse("returns:validation-json", args=[report_id]))
    assert response["Content-Type"] == "application/json; charset=utf-8"
    found = json.loads(response.content)
    assert found["ruleset"] == "2022-23"
    assert {"rule": "100", "child_id": None, "value": "2023-03-28"}.items() <= next(
        issue for issue in found["issues"] if issue["rule"] == "100"
    ).items()


# --- The live records ---------------------------------------------------------------------------


def two_open_episodes(upn: str = "A123456789123") -> Child:
    """A child with a UPN whose check letter is wrong and two open episodes in 2022-23."""
    # Characters 2-13 weighted 2..13: 1·2+2·3+3·4+4·5+5·6+6·7+7·8+8·9+9·10+1·11+2·12+3·13 = 404,
    # 404 mod 23 = 13, the letter P; the UPN starts with A, so rule 1510 flags it.
    child = ChildFactory(upn=upn, date_of_birth=date(2015, 6, 1))
    for day in (3, 4):
        Referral.objects.create(
            child=child, referral_date=date(2022, 5, day), source="6", primary_need="N1"
        )
    return child


def test_the_analyst_checks_the_live_records_for_a_census_year(client, analyst):
    child = two_open_episodes()
    response = client.post(CHECK_LIVE, {"census_year": "2022-23"})
    page = client.get(response["Location"])
    codes = rule_codes(page)
    # Both episodes are open and not NFA: more than one open episode (8815), and they overlap
    # (8820); the UPN's check letter should be P (1510).
    assert {"8815", "8820", "1510"} <= codes
    html = page.content.decode()
    assert "Issues in the live records for 2022-23" in html
    assert child.la_child_id in html
    assert "A123456789123" not in html
    assert "withheld: an identifier" in html
    assert child.first_name not in html


def test_the_children_shown_from_the_live_records_are_in_the_access_log(client, analyst):
    child = two_open_episodes()
    client.get(client.post(CHECK_LIVE, {"census_year": "2022-23"})["Location"])
    event = AccessEvent.objects.get(child=child)
    assert event.user == analyst
    assert event.kind == AccessKind.VIEW
    assert event.purpose == "CIN census validation against the 2022-23 rules"


def test_only_the_children_on_the_page_shown_are_logged(client, analyst, monkeypatch):
    monkeypatch.setattr(views_validation, "PAGE_SIZE", 1)
    children = {two_open_episodes().la_child_id, two_open_episodes(upn="").la_child_id}
    location = client.post(CHECK_LIVE, {"census_year": "2022-23"})["Location"]
    # Issues about the whole return come first (no child to log), then each child's in turn:
    # page on, one issue a page, to the first about a child.
    number = 0
    while True:
        number += 1
        [issue] = client.get(location, {"page": number}).context["page"]
        if issue["child_id"] is not None:
            break
    logged = list(AccessEvent.objects.values_list("child__la_child_id", flat=True))
    assert logged == [issue["child_id"]]
    assert issue["child_id"] in children


def test_downloading_the_live_records_report_logs_each_child_as_an_export(client, analyst):
    child = two_open_episodes()
    location = client.post(CHECK_LIVE, {"census_year": "2022-23"})["Location"]
    report_id = location.rstrip("/").rsplit("/", 1)[1]
    response = client.get(reverse("returns:validation-csv", args=[report_id]))
    assert "A123456789123" not in response.content.decode()
    assert AccessEvent.objects.filter(child=child, kind=AccessKind.EXPORT).count() == 1


def test_live_records_the_census_cannot_hold_are_named_without_the_upn(client, analyst):
    child = ChildFactory(date_of_birth=date(2015, 6, 1))
    Referral.objects.create(
        child=child, referral_date=date(2022, 5, 3), source="6", primary_need="N1"
    )
    # A UPN too short to be one: the census file cannot be written with it.
    type(child).objects.filter(pk=child.pk).update(upn="A12")
    response = client.post(CHECK_LIVE, {"census_year": "2022-23"})
    message = response.context["form"].errors["census_year"][0]
    assert f"child {child.la_child_id}: <UPN> is withheld" in message
    assert "A12" not in message.replace(child.la_child_id, "")


def test_live_records_that_do_not_fit_the_dataset_are_named_on_the_form(
    client, analyst, monkeypatch
):
    def unfit(la):
        raise DatasetError("Table children, column gender: 1 empty values")

    monkeypatch.setattr(validation_checks, "extract", unfit)
    response = client.post(CHECK_LIVE, {"census_year": "2022-23"})
    assert response.context["form"].errors["census_year"] == [
        "The live records could not be read for the census: "
        "Table children, column gender: 1 empty values"
    ]


def test_the_census_years_offered_have_a_schema_and_rules(client, analyst):
    # Rules from 2022-23; Safeguard writes the census up to 2023-24.
    choices = client.get(CHECK_LIVE).context["form"].fields["census_year"].choices
    assert [value for value, _ in choices] == ["2022-23", "2023-24"]
    response = client.post(CHECK_LIVE, {"census_year": "2016-17"})
    assert response.context["form"].errors["census_year"] == ["Select the census year"]


# --- Whose report -------------------------------------------------------------------------------


def test_another_analyst_cannot_open_my_report(client, analyst, shared_data):
    location = report_url(client, shared_data)
    report_id = location.rstrip("/").rsplit("/", 1)[1]
    sign_in_as(client, UserFactory(role="performance_analyst"))
    assert client.get(location).status_code == 404
    assert client.get(reverse("returns:validation-csv", args=[report_id])).status_code == 404


def test_a_report_past_its_time_is_gone_and_deleted_by_the_next_check(
    client, analyst, shared_data, settings, monkeypatch
):
    location = report_url(client, shared_data)
    later = validation_store.timezone.now() + timedelta(hours=8, seconds=1)
    monkeypatch.setattr(validation_store.timezone, "now", lambda: later)
    assert client.get(location).status_code == 404
    report_url(client, shared_data)
    assert len(kept_reports(settings)) == 2  # only the new report's two files


@pytest.mark.parametrize("report_id", ["not-a-report", "A" * 22])
def test_a_report_id_that_is_not_one_is_not_found(client, analyst, report_id):
    assert client.get(reverse("returns:validation-report", args=[report_id])).status_code == 404


# --- Who may -----------------------------------------------------------------------------------


@pytest.mark.parametrize("role", ["business_manager", "board_member", "social_worker"])
def test_people_without_child_level_returns_work_may_not_check_files(
    client, db, shared_data, settings, role
):
    sign_in_as(client, UserFactory(role=role))
    assert client.get(CHECK_FILE).status_code == 403
    assert client.get(CHECK_LIVE).status_code == 403
    assert upload(client, fixture(shared_data, "CIN2rows.xml")).status_code == 403
    assert client.post(CHECK_LIVE, {"census_year": "2022-23"}).status_code == 403
    assert kept_reports(settings) == []


@pytest.mark.parametrize("role", ["business_manager", "board_member", "social_worker"])
def test_they_may_not_open_an_analysts_report(client, analyst, shared_data, role):
    location = report_url(client, shared_data)
    report_id = location.rstrip("/").rsplit("/", 1)[1]
    sign_in_as(client, UserFactory(role=role))
    assert client.get(location).status_code == 403
    assert client.get(reverse("returns:validation-json", args=[report_id])).status_code == 403


def test_someone_signed_out_is_sent_to_sign_in(client, db):
    response = client.get(CHECK_FILE)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("access:sign-in"))


def test_only_the_analyst_has_the_page_in_the_menu(client, analyst):
    assert "CIN census validation" in client.get(reverse("home")).content.decode()
    sign_in_as(client, UserFactory(role="business_manager"))
    assert "CIN census validation" not in client.get(reverse("home")).content.decode()
