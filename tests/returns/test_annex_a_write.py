"""Annex A written as one workbook (a sheet per list) or as one CSV file per list: the sample's
headings, dates as dates, empty lists with their headings, and no text a spreadsheet would run."""

import csv
from datetime import UTC, date, datetime

import openpyxl
import pytest
from annex_a_crafted import END, crafted

from safeguard.journey.dataset import Dataset
from safeguard.returns.annex_a.build import build
from safeguard.returns.annex_a.lists import LISTS
from safeguard.returns.annex_a.write import write
from safeguard.returns.cin_xml.errors import ReturnFileError


def with_formula_postcode() -> Dataset:
    """The crafted dataset with a placement postcode a spreadsheet would take for a formula."""
    dataset = crafted()
    episodes = dataset["cla_episodes"].to_pylist()
    episodes[3]["placement_postcode"] = '=HYPERLINK("http://x")'
    return Dataset.build({**dataset.tables, "cla_episodes": episodes})


def test_the_workbook_has_a_sheet_per_list_with_the_samples_headings(tmp_path):
    written = write(build(crafted(), end=END), tmp_path / "annex.xlsx")
    assert written == ["annex.xlsx"]
    book = openpyxl.load_workbook(tmp_path / "annex.xlsx")
    assert book.sheetnames == [f"List {n}" for n in range(1, 12)]
    for spec in LISTS:
        sheet = book[spec.sheet]
        assert next(sheet.iter_rows(max_row=1, values_only=True)) == spec.headings
        assert sheet["A1"].font.bold


def test_the_workbook_holds_dates_as_dates_and_counts_as_numbers(tmp_path):
    write(build(crafted(), end=END), tmp_path / "annex.xlsx")
    contacts = openpyxl.load_workbook(tmp_path / "annex.xlsx")["List 1"]
    rows = list(contacts.iter_rows(min_row=2, values_only=True))
    # Worked out in test_annex_a_build: K1's contact of 1 October 2016 and K3's of 1 December.
    assert rows == [
        ("K1", "b) Female", "a) WBRI", datetime(2010, 5, 17), 6, datetime(2016, 10, 1),
         "q) 6: Police"),
        ("K3", "c) Not stated/recorded", "s) NOBT", None, None, datetime(2016, 12, 1),
         "o) 5B: LA services"),
    ]  # fmt: skip
    assert contacts["F2"].number_format == "DD/MM/YYYY"


def test_lists_with_no_rows_keep_their_headings(tmp_path):
    write(build(crafted(), end=END), tmp_path / "annex.xlsx")
    book = openpyxl.load_workbook(tmp_path / "annex.xlsx")
    for sheet in ("List 9", "List 10", "List 11"):
        assert book[sheet].max_row == 1


def test_text_a_spreadsheet_would_run_is_kept_as_text(tmp_path):
    annex = build(with_formula_postcode(), end=END)
    write(annex, tmp_path / "annex.xlsx")
    care = openpyxl.load_workbook(tmp_path / "annex.xlsx")["List 8"]
    postcode = LISTS[7].headings.index("Placement postcode") + 1
    cell = care.cell(row=3, column=postcode)
    assert (cell.value, cell.data_type) == ('=HYPERLINK("http://x")', "s")
    write(annex, tmp_path / "csv")
    with (tmp_path / "csv" / "list_08_children_in_care.csv").open(encoding="utf-8") as stream:
        rows = list(csv.reader(stream))
    assert rows[2][postcode - 1] == '\'=HYPERLINK("http://x")'


def test_the_csv_files_are_one_per_list_with_dates_written_day_first(tmp_path):
    written = write(build(crafted(), end=END), tmp_path / "csv")
    assert written == [spec.file for spec in LISTS]
    assert sorted(p.name for p in (tmp_path / "csv").iterdir()) == sorted(written)
    with (tmp_path / "csv" / "list_03_referrals.csv").open(encoding="utf-8") as stream:
        rows = list(csv.reader(stream))
    assert rows[0] == list(LISTS[2].headings)
    # K2's referral of 5 October 2016 (see test_annex_a_build).
    assert rows[1] == [
        "K2", "a) Male", "o) BAFR", "01/04/2004", "12", "05/10/2016", "q) 6: Police", "b) No", "1",
        "", "",
    ]  # fmt: skip
    with (tmp_path / "csv" / "list_10_adoption.csv").open(encoding="utf-8") as stream:
        assert list(csv.reader(stream)) == [list(LISTS[9].headings)]


def test_a_file_where_the_csv_folder_should_be_is_refused(tmp_path):
    (tmp_path / "annex").write_text("")
    with pytest.raises(ReturnFileError, match="is a file: expected a folder"):
        write(build(crafted(), end=END), tmp_path / "annex")


def test_a_contact_late_on_the_last_day_in_utc_is_counted_by_englands_day(tmp_path):
    # 22:30 UTC on 31 March 2017 is 23:30 in England: still the last day of the window.
    dataset = crafted()
    contacts = dataset["contacts"].to_pylist()
    contacts[1]["received_at"] = datetime(2017, 3, 31, 22, 30, tzinfo=UTC)
    annex = build(Dataset.build({**dataset.tables, "contacts": contacts}), end=END)
    assert [row[5] for row in annex.lists[0].rows] == [
        date(2016, 10, 1),
        date(2016, 12, 1),
        date(2017, 3, 31),
    ]
