"""Statistical neighbours from both DfE lists, read by their columns whatever their file name."""

import shutil

import pytest

from safeguard.measures.comparators import neighbours
from safeguard.measures.comparators.importer import import_files
from safeguard.measures.comparators.models import StatisticalNeighbour

pytestmark = pytest.mark.django_db

GROUPINGS_2021 = "New_Statistical_Neighbour_Groupings_April_2021.csv"
MODEL_2025 = "sn_model_2025_wide.csv"


@pytest.fixture
def both_lists(shared_data):
    return import_files([shared_data / "dfe" / GROUPINGS_2021, shared_data / "dfe" / MODEL_2025])


def test_herefordshires_neighbours_in_the_2021_groupings(both_lists):
    # Herefordshire's row of the 2021 file, closest first: Shropshire, Devon, Cornwall, Somerset,
    # Dorset, Wiltshire, Suffolk, Norfolk, Gloucestershire, Cumbria.
    assert neighbours("884", "2021") == [
        "893", "878", "908", "933", "838", "865", "935", "926", "916", "909",
    ]  # fmt: skip


def test_herefordshires_neighbours_in_the_2025_model(both_lists):
    # Herefordshire's row of the 2025 file: Westmorland and Furness, Staffordshire, Lincolnshire,
    # Shropshire, Somerset, Lancashire, Suffolk, East Riding, North Yorkshire, Derbyshire.
    assert neighbours("884", "2025") == [
        "943", "860", "925", "893", "933", "888", "935", "811", "815", "830",
    ]  # fmt: skip


def test_the_closeness_the_dfe_gives_is_kept(both_lists):
    closest_2021 = StatisticalNeighbour.objects.get(model="2021", la="884", rank=1)
    closest_2025 = StatisticalNeighbour.objects.get(model="2025", la="884", rank=1)
    assert closest_2021.closeness == "Extremely Close"
    assert closest_2025.closeness == "Very close"


def test_the_reorganised_councils_under_old_sns_are_kept_in_the_2021_list(both_lists):
    # Below the "Old SNs:" heading: Northamptonshire (928), whose closest neighbour was 886 (Kent).
    assert neighbours("928", "2021")[0] == "886"
    assert both_lists[0].not_read == {"heading rows": 1}


def test_a_list_is_recognised_by_its_columns_not_its_name(shared_data, tmp_path, db):
    renamed = tmp_path / "neighbours.csv"
    shutil.copy(shared_data / "dfe" / MODEL_2025, renamed)
    (found,) = import_files([renamed])
    assert found.table.key == "SN2025"
    assert len(neighbours("884", "2025")) == 10


def test_a_council_with_no_list_has_no_neighbours(db):
    assert neighbours("884", "2021") == []
