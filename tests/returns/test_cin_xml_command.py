"""`safeguard returns import` and `export cin`: a summary of what was read, a valid file written,
and a bad file refused with nothing saved or loaded."""

import re
from datetime import date
from io import StringIO
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from factories import UserFactory
from lxml import etree

from safeguard.journey import load as real_loader
from safeguard.journey.dataset import Dataset
from safeguard.returns.cin_xml.strict import read
from safeguard.returns.management.commands import returns as command

XSD_2023 = "schemas/cin/CIN_schema_2023.xsd"


def run(*args: str) -> str:
    out = StringIO()
    call_command("returns", *args, stdout=out, stderr=StringIO())
    return out.getvalue()


def cin2rows(shared_data: Path) -> Path:
    return shared_data / "fixtures" / "cin" / "CIN2rows.xml"


class FakeLoader:
    """Stands in for safeguard.journey.load, remembering what it was asked to load."""

    class LoadError(Exception):
        pass

    def __init__(self) -> None:
        self.calls: list[dict] = []

    def load(self, dataset: Dataset, *, by, la: str | None = None) -> str:
        self.calls.append({"dataset": dataset, "by": by, "la": la})
        return "children: 1 created, 0 matched"


@pytest.fixture
def loader(monkeypatch) -> FakeLoader:
    fake = FakeLoader()
    monkeypatch.setattr(command, "loader", fake)
    return fake


def test_import_prints_what_the_file_holds(shared_data):
    output = run("import", str(cin2rows(shared_data)))
    # From the file: one child, one episode with one assessment, CIN plan and enquiry, two
    # protection plans of one review each; and the episode's own conference date.
    assert output.splitlines() == [
        "Read CIN2rows.xml: the 2022-23 CIN census of council 201.",
        "  children: 1",
        "  episodes (referrals): 1",
        "  assessments: 1",
        "  children in need plans: 1",
        "  section 47 enquiries: 1",
        "  protection plans: 2",
        "  protection plan reviews: 2",
        "Not kept, as the journey dataset has no place for them: 1 DateOfInitialCPC (CIN details)",
    ]


def test_import_saves_the_dataset_when_asked(shared_data, tmp_path):
    output = run("import", str(cin2rows(shared_data)), "--dataset", str(tmp_path / "ds"))
    assert f"Saved the dataset in {tmp_path / 'ds'}." in output
    assert Dataset.read(tmp_path / "ds").same_facts_as(read(cin2rows(shared_data)))


def test_a_bad_file_is_refused_with_nothing_saved_or_loaded(tmp_path, loader):
    bad = tmp_path / "cin.csv"
    bad.write_text("LAchildID,UPN\nA1,A123456789012\n")
    with pytest.raises(
        CommandError, match=re.escape("cin.csv, line 1: expected an XML CIN census file")
    ):
        run("import", str(bad), "--dataset", str(tmp_path / "ds"), "--load", "--by", "x@y.org")
    assert not (tmp_path / "ds").exists()
    assert loader.calls == []


def test_a_file_with_a_wrong_code_is_refused_with_nothing_saved_or_loaded(
    shared_data, tmp_path, loader
):
    with pytest.raises(CommandError, match="line 73 \\(<Child>\\): <GenderCurrent \\(or Sex\\)>"):
        run(
            "import",
            str(shared_data / "fixtures" / "cin" / "CIN_Census_2024.xml"),
            "--dataset",
            str(tmp_path / "ds"),
            "--load",
            "--by",
            "x@y.org",
        )
    assert not (tmp_path / "ds").exists()
    assert loader.calls == []


def test_import_of_another_years_file_is_refused(shared_data):
    with pytest.raises(CommandError, match="the header has <Year>2023</Year>"):
        run("import", str(cin2rows(shared_data)), "--year", "2016-17")


@pytest.mark.django_db
def test_loading_hands_the_dataset_to_the_journey_loader_as_the_person_named(shared_data, loader):
    person = UserFactory(role="performance_analyst", email="analyst@example.org")
    output = run("import", str(cin2rows(shared_data)), "--load", "--by", "analyst@example.org")
    (call,) = loader.calls
    assert call["by"] == person
    assert call["la"] == "201"
    assert call["dataset"].same_facts_as(read(cin2rows(shared_data)))
    assert "Loaded into the live records:\nchildren: 1 created, 0 matched" in output


@pytest.mark.django_db
def test_loading_needs_a_known_person(shared_data, loader):
    with pytest.raises(CommandError, match="Say who is loading the records"):
        run("import", str(cin2rows(shared_data)), "--load")
    with pytest.raises(CommandError, match=re.escape("No user has the email nobody@example.org")):
        run("import", str(cin2rows(shared_data)), "--load", "--by", "nobody@example.org")
    assert loader.calls == []


@pytest.mark.django_db
def test_a_loader_refusal_is_reported(shared_data, monkeypatch):
    UserFactory(role="performance_analyst", email="analyst@example.org")

    def refuse(dataset, *, by, la=None):
        raise FakeLoader.LoadError("The dataset holds council 201; this system is council 884")

    fake = SimpleNamespace(load=refuse, LoadError=FakeLoader.LoadError)
    monkeypatch.setattr(command, "loader", fake)
    with pytest.raises(CommandError, match="Not loaded: The dataset holds council 201"):
        run("import", str(cin2rows(shared_data)), "--load", "--by", "analyst@example.org")


def test_export_writes_a_valid_census_file_from_a_dataset_folder(shared_data, tmp_path):
    run("import", str(cin2rows(shared_data)), "--dataset", str(tmp_path / "ds"))
    out = tmp_path / "out.xml"
    output = run(
        "export", "cin", "--year", "2022-23", "--out", str(out), "--dataset", str(tmp_path / "ds")
    )
    assert output.strip() == (
        f"Wrote {out}: the 2022-23 CIN census of council 201, 1 child, 1 episode."
    )
    xsd = etree.XMLSchema(etree.parse(shared_data / XSD_2023))
    assert xsd.validate(etree.parse(out)), xsd.error_log
    assert read(out).same_facts_as(Dataset.read(tmp_path / "ds"))


@pytest.mark.django_db
def test_export_without_a_dataset_writes_the_live_records(tmp_path):
    # One child in the live records, referred in June 2016: the 2016-17 census holds that child.
    child = {"la": "884", "child_id": "C1", "date_of_birth": date(2010, 5, 1), "gender": "1",
             "ethnicity": "WBRI", "disabilities": [], "uasc": False}  # fmt: skip
    referral = {"la": "884", "child_id": "C1", "referral_id": "C1/R20160601",
                "referral_date": date(2016, 6, 1), "source": "1A", "primary_need": "N1",
                "nfa": False}  # fmt: skip
    real_loader.load(
        Dataset.build({"children": [child], "referrals": [referral]}),
        by=UserFactory(role="performance_analyst"),
        la="884",
    )
    out = tmp_path / "out.xml"
    run("export", "cin", "--year", "2016-17", "--out", str(out))
    census = etree.parse(str(out)).getroot()
    assert len(census.findall(".//{*}Child")) == 1


def test_export_for_a_year_without_a_schema_is_refused(shared_data, tmp_path):
    run("import", str(cin2rows(shared_data)), "--dataset", str(tmp_path / "ds"))
    with pytest.raises(CommandError, match="There is no CIN census schema for 2030-31"):
        run(
            "export",
            "cin",
            "--year",
            "2030-31",
            "--out",
            str(tmp_path / "out.xml"),
            "--dataset",
            str(tmp_path / "ds"),
        )


def test_export_from_a_folder_that_is_not_a_dataset_is_refused(tmp_path):
    with pytest.raises(CommandError, match="is not a journey dataset"):
        run(
            "export",
            "cin",
            "--year",
            "2016-17",
            "--out",
            str(tmp_path / "out.xml"),
            "--dataset",
            str(tmp_path),
        )


def test_validate_hands_the_file_to_the_cin_validator_and_exits_with_its_status(tmp_path):
    bad = tmp_path / "cin.csv"
    bad.write_text("LAchildID,UPN\nA1,A123456789012\n")
    errors = StringIO()
    with pytest.raises(SystemExit) as stopped:
        call_command("returns", "validate", str(bad), stdout=StringIO(), stderr=errors)
    # 2: the file could not be checked at all.
    assert stopped.value.code == 2
    assert "cin.csv, line 1: expected an XML CIN census file" in errors.getvalue()
