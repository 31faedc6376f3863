"""`safeguard comparators import FILE|FOLDER…`: what was read, said plainly; a bad file refused
with its name and line and nothing imported."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from safeguard.measures.comparators.models import ComparatorFile

pytestmark = pytest.mark.django_db

D3 = "d3_cpps_subsequent_plan_2013_to_2025.csv"


def run(*args: str) -> list[str]:
    out = StringIO()
    call_command("comparators", *args, stdout=out)
    return out.getvalue().splitlines()


def test_import_says_what_each_file_was_and_what_it_held(shared_data):
    lines = run("import", str(shared_data / "dfe" / D3))
    # D3: 13 years (2013 to 2025) of England and 11 regions (156 rows) and 1,976 council rows.
    assert lines == [
        f"{D3}: D3: second or subsequent protection plans — 2132 figures, 2012-13 to 2024-25; "
        "imported",
    ]
    assert ComparatorFile.objects.get().table == "D3"


def test_a_second_import_says_nothing_changed(shared_data):
    run("import", str(shared_data / "dfe" / D3))
    assert run("import", str(shared_data / "dfe" / D3))[0].endswith(
        "already imported: nothing changed"
    )


def test_without_population_it_says_rates_wait_for_it(shared_data):
    lines = run(
        "import", str(shared_data / "dfe" / "d5_cpps_at31march_by_duration_2013_to_2025.csv")
    )
    assert lines[-1] == (
        "No ONS population estimates are imported yet: rates per 10,000 children are made when "
        "they are."
    )


def test_a_bad_file_is_refused_and_nothing_is_imported(shared_data, tmp_path):
    bad = tmp_path / "notes.csv"
    bad.write_text("what,when\nmeeting,Tuesday\n", encoding="utf-8")
    with pytest.raises(CommandError) as error:
        run("import", str(shared_data / "dfe" / D3), str(bad))
    assert str(error.value).startswith("notes.csv, line 1: its columns are not those of a DfE")
    assert str(error.value).endswith("Nothing was imported.")
    assert not ComparatorFile.objects.exists()


def test_a_folder_without_csv_files_is_said_so(tmp_path):
    with pytest.raises(CommandError) as error:
        run("import", str(tmp_path))
    assert str(error.value) == "No .csv files there: nothing was imported."
