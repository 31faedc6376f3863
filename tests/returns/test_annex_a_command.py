"""`safeguard returns export annexa`: the lists written, with what they could not hold said;
bad dates refused with nothing written."""

import re
from io import StringIO

import openpyxl
import pytest
from annex_a_crafted import crafted
from django.core.management import call_command
from django.core.management.base import CommandError

from safeguard.returns.management.commands import returns as command


def run(*args: str) -> str:
    out = StringIO()
    call_command("returns", *args, stdout=out, stderr=StringIO())
    return out.getvalue()


def test_export_writes_the_workbook_and_says_what_each_list_holds(tmp_path):
    dataset = crafted().write(tmp_path / "ds")
    out = tmp_path / "annex.xlsx"
    output = run("export", "annexa", "--to", "2017-03-31", "--out", str(out), "--dataset",
                 str(dataset))  # fmt: skip
    # Row counts worked out in test_annex_a_build.
    assert output.splitlines() == [
        f"Wrote {out}: Ofsted Annex A lists 1 to 11 for council 884, lists 1 to 9: 1 October "
        "2016 to 31 March 2017; lists 10 and 11: 1 April 2016 to 31 March 2017.",
        "  List 1 (contacts): 2 rows",
        "  List 2 (early help): 1 row",
        "  List 3 (referrals): 3 rows",
        "  List 4 (assessments): 4 rows",
        "  List 5 (section 47 enquiries): 3 rows",
        "  List 6 (children in need): 4 rows",
        "  List 7 (child protection): 2 rows",
        "  List 8 (children in care): 2 rows",
        "  List 9 (care leavers): no rows, headings only: the journey dataset holds no care "
        "leavers' details (eligibility, keeping in touch, accommodation, activity)",
        "  List 10 (adoption): no rows, headings only: the journey dataset holds no adoption "
        "decisions, matches or orders",
        "  List 11 (adopters): no rows, headings only: the journey dataset holds no adopters",
        "Left blank, as the journey dataset does not hold them:",
        "  List 2: Assessment completion date",
        "  List 3: Allocated Team, Allocated Worker",
        "  List 4: Child Seen During Continuous Assessment, Allocated Team, Allocated Worker",
        "  List 5: Allocated Team, Allocated Worker",
        "  List 6: Date Child Was Last Seen, Allocated Team, Allocated Worker",
        "  List 7: Date of the Last Statutory Visit, Was the Child Seen Alone?, Allocated Team, "
        "Allocated Worker",
        "  List 8: Date of Last Social Work Visit, What is the permanence plan for this child?, "
        "Date of Last IRO Visit / Contact to the Child, Date of Last Health Assessment, Date of "
        "Last Dental Check, Placement Location, LA of Placement, Allocated Team, Allocated Worker",
    ]
    assert openpyxl.load_workbook(out).sheetnames[0] == "List 1"


def test_export_with_a_window_writes_csv_files_for_it(tmp_path):
    dataset = crafted().write(tmp_path / "ds")
    output = run("export", "annexa", "--from", "2017-01-01", "--to", "2017-03-31", "--out",
                 str(tmp_path / "csv"), "--dataset", str(dataset))  # fmt: skip
    assert output.splitlines()[0] == (
        f"Wrote {tmp_path / 'csv'}: Ofsted Annex A lists 1 to 11 for council 884, 1 January "
        "2017 to 31 March 2017."
    )
    assert (tmp_path / "csv" / "list_01_contacts.csv").exists()


def test_export_reads_the_live_records_without_a_dataset(tmp_path, monkeypatch, settings):
    settings.LA_CODE = "884"
    asked = []

    def live_records(la):
        asked.append(la)
        return crafted()

    monkeypatch.setattr(command, "live_records", live_records)
    output = run("export", "annexa", "--to", "2017-03-31", "--out", str(tmp_path / "a.xlsx"))
    assert asked == ["884"]
    assert "  List 3 (referrals): 3 rows" in output


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (("--to", "31/03/2017"), "--to: “31/03/2017” is not a date: write it as year-month-day"),
        (("--from", "2017-02-30", "--to", "2017-03-31"), "--from: “2017-02-30” is not a date"),
        (("--from", "2017-04-01", "--to", "2017-03-31"), "The inspection window runs backwards"),
    ],
)
def test_a_bad_window_is_refused_with_nothing_written(tmp_path, args, said):
    dataset = crafted().write(tmp_path / "ds")
    with pytest.raises(CommandError, match=re.escape(said)):
        run("export", "annexa", *args, "--out", str(tmp_path / "a.xlsx"), "--dataset",
            str(dataset))  # fmt: skip
    assert not (tmp_path / "a.xlsx").exists()
