"""The Annex A lists' headings are the sample workbook's, word for word, and each is a column the
regional Annex A tools recognise (annex-a-merge.yml)."""

import openpyxl
import pytest
from annex_a_schemas import merge_columns, recognised

from safeguard.returns.annex_a.lists import LISTS


@pytest.fixture(scope="module")
def sample(shared_data) -> dict[str, tuple[str, ...]]:
    book = openpyxl.load_workbook(shared_data / "schemas" / "annex_a" / "Annex_A.xlsx")
    return {
        sheet.title: next(sheet.iter_rows(min_row=1, max_row=1, values_only=True))
        for sheet in book.worksheets
    }


def test_there_is_one_list_for_each_sheet_of_the_sample(sample):
    assert [spec.sheet for spec in LISTS] == list(sample) == [f"List {n}" for n in range(1, 12)]


@pytest.mark.parametrize("spec", LISTS, ids=lambda spec: spec.sheet)
def test_each_lists_headings_are_the_samples(sample, spec):
    assert spec.headings == sample[spec.sheet]


@pytest.mark.parametrize("spec", LISTS, ids=lambda spec: spec.sheet)
def test_each_heading_is_a_column_the_merge_tool_recognises(shared_data, spec):
    columns = merge_columns(shared_data)[spec.sheet]
    for heading in spec.headings:
        assert any(recognised(heading, c, p) for c, p in columns.items()), heading


@pytest.mark.parametrize("spec", LISTS, ids=lambda spec: spec.sheet)
def test_every_column_the_merge_tool_reads_is_a_heading(shared_data, spec):
    for column, patterns in merge_columns(shared_data)[spec.sheet].items():
        assert any(recognised(h, column, patterns) for h in spec.headings), column


def test_the_schema_reader_reads_aliases_and_patterns(shared_data):
    columns = merge_columns(shared_data)
    # By reading the file: List 2's Child Unique ID is List 1's (*child-id), matched by
    # /.*child.*id.*/i; List 8's UASC column is quoted, with its own pattern.
    assert columns["List 2"]["Child Unique ID"] == ["/.*child.*id.*/i"]
    uasc = "Unaccompanied Asylum Seeking Child (UASC) within the Last 12 Months (Y/N)"
    assert columns["List 8"][uasc] == ["/.*Unaccompanied Asylum Seeking Child.*/i"]


def test_each_list_has_its_own_file_and_window():
    assert len({spec.file for spec in LISTS}) == 11
    assert LISTS[0].file == "list_01_contacts.csv"
    assert LISTS[4].file == "list_05_section_47_enquiries.csv"
    assert [spec.months for spec in LISTS] == [6] * 9 + [12, 12]
