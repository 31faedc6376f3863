"""`safeguard returns import` of an SSDA903 return (XML, a folder or a zip of CSV files) and
`safeguard returns export ssda903`: a summary of what was read or written; a bad return refused
with a clear message, nothing saved or loaded."""

import re
import shutil
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from factories import UserFactory
from ssda903_crafted import crafted

from safeguard.journey.dataset import Dataset
from safeguard.returns.management.commands import returns as command
from safeguard.returns.ssda903.read import read


def run(*args: str) -> str:
    out = StringIO()
    call_command("returns", *args, stdout=out, stderr=StringIO())
    return out.getvalue()


def fake_903(shared_data: Path) -> Path:
    return shared_data / "fixtures" / "ssda903" / "fake_903.xml"


class FakeLoader:
    """Stands in for safeguard.journey.load, remembering what it was asked to load."""

    class LoadError(Exception):
        pass

    def __init__(self) -> None:
        self.calls: list[dict] = []

    def load(self, dataset: Dataset, *, by, la: str | None = None) -> str:
        self.calls.append({"dataset": dataset, "by": by, "la": la})
        return "cla_episodes: 459 created, 0 matched"


@pytest.fixture
def loader(monkeypatch) -> FakeLoader:
    fake = FakeLoader()
    monkeypatch.setattr(command, "loader", fake)
    return fake


def test_import_of_an_xml_return_says_what_it_read_and_left_out(shared_data, settings):
    settings.LA_CODE = "884"
    output = run("import", str(fake_903(shared_data)))
    # Counted in the file (see test_ssda903_read).
    assert output.splitlines() == [
        "Read fake_903.xml: an SSDA903 return (XML) for council 884, checked against the codes "
        "of any year's return.",
        "  children: 253",
        "  episodes of care: 459",
        "  reviews: 1206",
        "  missing and away episodes: 6",
        "Not kept, as the journey dataset has no place for them: 253 outcomes (OC2), 253 "
        "previous permanence, 3 placements for adoption, 6 care leavers (OC3), 3 adoptions "
        "(AD1), 12 dates UASC status ceased (DUC)",
    ]


def test_import_of_a_folder_of_csv_files_saves_the_dataset_with_out(tmp_path):
    crafted_return = tmp_path / "return"
    run("export", "ssda903", "--year", "2016-17", "--out", str(crafted_return), "--dataset",
        str(crafted().write(tmp_path / "ds")))  # fmt: skip
    output = run(
        "import", str(crafted_return), "--year", "2016-17", "--la", "884", "--out",
        str(tmp_path / "read"),
    )  # fmt: skip
    assert output.splitlines()[0] == (
        "Read return: an SSDA903 return (CSV files) for council 884, checked against the "
        "2016-17 codes."
    )
    assert f"Saved the dataset in {tmp_path / 'read'}." in output
    saved = Dataset.read(tmp_path / "read")
    assert saved.same_facts_as(read(crafted_return, la="884").dataset)


def test_import_of_a_zip_reads_as_the_council_asked(tmp_path):
    run("export", "ssda903", "--year", "2016-17", "--out", str(tmp_path / "return.zip"),
        "--dataset", str(crafted().write(tmp_path / "ds")))  # fmt: skip
    output = run("import", str(tmp_path / "return.zip"), "--la", "201")
    assert "for council 201" in output.splitlines()[0]
    assert "  children: 3" in output


@pytest.mark.django_db
def test_loading_hands_the_return_to_the_journey_loader(shared_data, loader, settings):
    settings.LA_CODE = "884"
    person = UserFactory(role="performance_analyst", email="analyst@example.org")
    output = run("import", str(fake_903(shared_data)), "--load", "--by", "analyst@example.org")
    (call,) = loader.calls
    assert (call["by"], call["la"]) == (person, "884")
    assert call["dataset"].same_facts_as(read(fake_903(shared_data), la="884").dataset)
    assert "Loaded into the live records:\ncla_episodes: 459 created, 0 matched" in output


def test_a_bad_return_is_refused_with_nothing_saved_or_loaded(shared_data, tmp_path, loader):
    bad = tmp_path / "return"
    bad.mkdir()
    shutil.copy(shared_data / "fixtures" / "ssda903" / "header.csv", bad / "header.csv")
    (bad / "episodes.csv").write_text("CHILD,DECOM\n566910,15/02/2016\n")
    with pytest.raises(CommandError) as refused:
        run("import", str(bad), "--out", str(tmp_path / "ds"), "--load", "--by", "x@y.org")
    assert str(refused.value).startswith(
        "episodes.csv, line 1: the columns (CHILD, DECOM) are not those of any table"
    )
    assert not (tmp_path / "ds").exists()
    assert loader.calls == []


def test_a_return_with_an_entity_bomb_is_refused_as_an_ssda903_file(tmp_path, loader):
    bomb = tmp_path / "return.xml"
    bomb.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE EXPSSDA903 [<!ENTITY a "aaaa">]>\n'
        "<EXPSSDA903>&a;</EXPSSDA903>"
    )
    with pytest.raises(CommandError, match=re.escape("which an SSDA903 file never has")):
        run("import", str(bomb), "--load", "--by", "x@y.org")
    assert loader.calls == []


def test_export_writes_csv_or_xml_from_a_dataset_folder(tmp_path):
    dataset = crafted().write(tmp_path / "ds")
    output = run(
        "export", "ssda903", "--year", "2016-17", "--out", str(tmp_path / "return.xml"),
        "--dataset", str(dataset),
    )  # fmt: skip
    # Worked out in test_ssda903_write: three children, four episodes, three reviews, two
    # missing episodes; C3 neither male nor female.
    assert output.splitlines() == [
        f"Wrote {tmp_path / 'return.xml'}: the 2016-17 SSDA903 return of council 884 (XML: "
        "return.xml): 3 children, 4 episodes, 3 reviews, 2 missing or away episodes.",
        "1 child is recorded as neither male nor female, which the return has no code for: SEX "
        "was left blank.",
    ]
    output = run(
        "export", "ssda903", "--year", "2016-17", "--out", str(tmp_path / "as_csv"),
        "--format", "csv", "--dataset", str(dataset),
    )  # fmt: skip
    assert "(CSV files: header.csv, episodes.csv, reviews.csv, missing.csv, uasc.csv" in output
    assert read(tmp_path / "as_csv", la="884").dataset.same_facts_as(
        read(tmp_path / "return.xml", la="884").dataset
    )


def test_export_reads_the_live_records_without_a_dataset(tmp_path, monkeypatch, settings):
    settings.LA_CODE = "884"
    asked = []

    def live_records(la):
        asked.append(la)
        return crafted()

    monkeypatch.setattr(command, "live_records", live_records)
    output = run("export", "ssda903", "--year", "2016-17", "--out", str(tmp_path / "return"))
    assert asked == ["884"]
    assert "3 children, 4 episodes" in output


@pytest.mark.django_db
def test_export_from_live_records_with_no_one_looked_after_writes_an_empty_return(
    tmp_path, settings
):
    settings.LA_CODE = "884"
    output = run("export", "ssda903", "--year", "2016-17", "--out", str(tmp_path / "return"))
    assert "0 children, 0 episodes, 0 reviews, 0 missing or away episodes" in output
    assert (tmp_path / "return" / "header.csv").read_text() == (
        "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n"
    )


def test_export_needs_a_year_it_has_a_specification_for(tmp_path):
    dataset = crafted().write(tmp_path / "ds")
    with pytest.raises(CommandError, match=re.escape("Say which collection year to write")):
        run("export", "ssda903", "--out", str(tmp_path / "r"), "--dataset", str(dataset))
    with pytest.raises(CommandError, match="There is no SSDA903 specification for 2030-31"):
        run(
            "export", "ssda903", "--year", "2030-31", "--out", str(tmp_path / "r"),
            "--dataset", str(dataset),
        )  # fmt: skip
    assert not (tmp_path / "r").exists()


def test_from_the_command_line_a_bad_return_exits_non_zero_with_a_message_not_a_traceback(
    tmp_path,
):
    bad = tmp_path / "return"
    bad.mkdir()
    (bad / "header.csv").write_bytes("CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n".encode("utf-16"))
    safeguard = Path(sys.executable).with_name("safeguard")
    finished = subprocess.run(
        [str(safeguard), "returns", "import", str(bad), "--out", str(tmp_path / "ds")],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert finished.returncode != 0
    assert "header.csv, line 1: the file is saved as UTF-16" in finished.stderr
    assert "Traceback" not in finished.stderr
    assert not (tmp_path / "ds").exists()
