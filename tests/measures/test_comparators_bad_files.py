"""A file that cannot be imported is refused whole, with its name and line, and nothing changes."""

import csv
from pathlib import Path

import pytest

from safeguard.measures.comparators.csvfile import ComparatorFileError
from safeguard.measures.comparators.importer import import_files
from safeguard.measures.comparators.models import ComparatorFigure, ComparatorFile

pytestmark = pytest.mark.django_db

EES = [
    "time_period", "time_identifier", "geographic_level", "country_code", "country_name",
    "region_code", "region_name", "old_la_code", "new_la_code", "la_name",
]  # fmt: skip
D3 = [*EES, "category", "CPP_start", "CPP_subsequent", "CPP_subsequent_percent"]


def d3_row(start: str, subsequent: str, percent: str, year: str = "2017") -> list[str]:
    return [
        year, "Reporting year", "Local authority", "E92000001", "England", "E12000005",
        "West Midlands", "884", "E06000019", "Herefordshire, County of", "Subsequent plans",
        start, subsequent, percent,
    ]  # fmt: skip


def write(path: Path, header: list[str], rows: list[list[str]], encoding: str = "utf-8") -> Path:
    with path.open("w", newline="", encoding=encoding) as out:
        csv.writer(out).writerows([header, *rows])
    return path


@pytest.fixture
def stored(tmp_path) -> Path:
    """A D3 file already imported: what a refused import must leave as it was."""
    good = write(tmp_path / "d3.csv", D3, [d3_row("164", "47", "28.7")])
    import_files([good])
    return good


def refused(*paths: Path) -> str:
    before = list(ComparatorFigure.objects.values_list("pk", "value"))
    files = list(ComparatorFile.objects.values_list("pk", "sha256"))
    with pytest.raises(ComparatorFileError) as error:
        import_files(paths)
    assert list(ComparatorFigure.objects.values_list("pk", "value")) == before
    assert list(ComparatorFile.objects.values_list("pk", "sha256")) == files
    return str(error.value)


def test_wrong_columns_are_refused_naming_the_file_and_line_1(stored, tmp_path):
    other = write(tmp_path / "mystery.csv", ["child", "plans"], [["A", "1"]])
    message = refused(other)
    assert message.startswith("mystery.csv, line 1: its columns are not those of a DfE table")


def test_a_file_that_is_not_utf_8_is_refused_at_the_line_it_goes_wrong(stored, tmp_path):
    rows = [d3_row("164", "47", "28.7", "2016"), d3_row("170", "47", "27.6")]
    rows[1][9] = "Hereford £"  # a pound sign in Windows-1252 is not UTF-8
    latin = write(tmp_path / "latin.csv", D3, rows, encoding="cp1252")
    assert refused(latin) == (
        "latin.csv, line 3: is not UTF-8 text; save it as “CSV UTF-8” and import it again"
    )


def test_a_spreadsheet_is_not_a_csv_file(stored, tmp_path):
    workbook = tmp_path / "d3.xlsx"
    workbook.write_bytes(b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00")
    assert refused(workbook) == "d3.xlsx, line 1: is not a CSV file (it holds binary data)"


def test_a_value_that_is_neither_a_number_nor_a_symbol_names_its_column(stored, tmp_path):
    bad = write(tmp_path / "d3 new.csv", D3, [d3_row("164", "47", "28.7"), d3_row("1", "lots", "")])
    assert refused(bad) == (
        "d3 new.csv, line 3: CPP_subsequent is 'lots', which is neither a number nor one of "
        "the DfE's symbols (c, x, z, u, low)"
    )


def test_a_row_with_too_few_values_is_refused(stored, tmp_path):
    short = write(tmp_path / "short.csv", D3, [d3_row("164", "47", "28.7")[:-2]])
    assert refused(short) == "short.csv, line 2: has 12 values where the header has 14 columns"


def test_an_unclosed_quote_is_refused(stored, tmp_path):
    broken = tmp_path / "broken.csv"
    broken.write_text(",".join(D3) + '\n2017,"Reporting year,National\n', encoding="utf-8")
    assert refused(broken).startswith("broken.csv, line 2: is not valid CSV")


def test_a_time_period_that_is_not_a_year_is_refused(stored, tmp_path):
    odd = write(tmp_path / "odd.csv", D3, [d3_row("164", "47", "28.7", year="2016/17")])
    assert refused(odd) == "odd.csv, line 2: time_period is '2016/17', not a year such as 2017"


def test_a_row_repeated_is_refused(stored, tmp_path):
    twice = write(tmp_path / "twice.csv", D3, [d3_row("164", "47", "28.7")] * 2)
    assert refused(twice) == (
        "twice.csv, line 3: repeats the figures of line 2 (cpp_subsequent_pct, 884, 2016-17)"
    )


def test_one_bad_file_among_good_ones_changes_nothing(stored, tmp_path, shared_data):
    newer = write(tmp_path / "d3 newer.csv", D3, [d3_row("170", "50", "29.4")])
    bad = write(tmp_path / "bad.csv", ["a", "b"], [["1", "2"]])
    refused(shared_data / "dfe" / "ons_mid-year_population_estimates_2012_to_2024.csv", newer, bad)
    assert ComparatorFigure.objects.get().value == 28.7


def test_two_copies_of_one_table_are_refused(stored, tmp_path):
    second = write(tmp_path / "d3 again.csv", D3, [d3_row("170", "50", "29.4")])
    assert refused(stored, second) == (
        "d3 again.csv: is D3: second or subsequent protection plans, as is d3.csv: import one "
        "of them"
    )


def test_a_missing_file_is_named(stored, tmp_path):
    assert refused(tmp_path / "nowhere.csv") == "nowhere.csv: no such file or folder"


def test_an_empty_file_is_refused(stored, tmp_path):
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    assert refused(empty) == "empty.csv: is empty"


def test_a_table_with_no_rows_for_england_regions_or_councils_is_refused(stored, tmp_path):
    headed = write(tmp_path / "headed.csv", D3, [])
    assert refused(headed) == (
        "headed.csv: holds no rows of D3: second or subsequent protection plans for England, "
        "its regions or councils"
    )
