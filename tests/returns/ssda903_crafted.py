"""A small journey dataset of looked-after children around 2016-17, for the SSDA903 tests."""

from datetime import date

from safeguard.journey.dataset import Dataset

LA = "884"
MISSING = ("child_id", "kind", "start_date", "end_date", "interview_offered", "interview_date")
EPISODE = (
    "child_id",
    "start_date",
    "reason_new_episode",
    "legal_status",
    "category_of_need",
    "placement",
    "placement_provider",
    "end_date",
    "reason_ceased",
    "reason_place_change",
    "home_postcode",
    "placement_postcode",
    "urn",
)


def child(child_id: str, **given: object) -> dict:
    return {
        "la": LA,
        "child_id": child_id,
        "gender": "1",
        "ethnicity": "WBRI",
        "disabilities": [],
        "uasc": False,
    } | given


def crafted() -> Dataset:
    """A1 is looked after before, through and after the year; B2 comes into care in it as an
    unaccompanied asylum seeker and leaves; C3 (recorded as neither male nor female) comes in on
    its last day; D4 left care the day before it began; E5 was never looked after."""
    episodes = [
        ("A1", date(2016, 3, 1), "S", "C2", "N1", "U4", "PR1", date(2016, 6, 1), "X1",
         "CARPL", "HR1 1AA", "HR2 2BB", "SC123456"),
        ("A1", date(2016, 6, 1), "P", "C2", "N1", "U6", "PR4", date(2017, 5, 10), "E45",
         "CHILD", None, None, None),
        ("A1", date(2017, 6, 1), "S", "V2", "N1", "U6", "PR4", None, None, None, None, None, None),
        ("B2", date(2016, 9, 10), "S", "V2", "N8", "H5", "PR5", date(2017, 2, 1), "E47",
         None, None, None, None),
        ("C3", date(2017, 3, 31), "S", "L1", "N1", "U6", "PR1", None, None, None, None, None,
         None),
        ("D4", date(2015, 5, 1), "S", "V2", "N2", "K2", "PR2", date(2016, 3, 31), "E4A", None,
         None, None, None),
    ]  # fmt: skip
    reviews = [
        ("A1", date(2016, 3, 20), "PN0"),
        ("A1", date(2016, 4, 5), "PN0"),
        ("A1", date(2016, 10, 5), None),
        ("A1", date(2017, 4, 2), "PN1"),
        ("B2", date(2016, 10, 1), "PN1"),
    ]
    missing = [
        ("B2", "M", date(2016, 11, 1), date(2016, 11, 3), True, date(2016, 11, 4)),
        ("B2", "A", date(2017, 3, 30), date(2017, 4, 2), None, None),
        ("A1", "M", date(2016, 2, 1), date(2016, 2, 2), None, None),
        ("E5", "M", date(2016, 5, 1), None, None, None),
    ]
    return Dataset.build(
        {
            "children": [
                child(
                    "A1",
                    upn="A123456789012",
                    former_upn="A123456789013",
                    date_of_birth=date(2010, 5, 17),
                    gender="2",
                    disabilities=["MOB"],
                ),
                child(
                    "B2",
                    upn_unknown="UN2",
                    date_of_birth=date(2002, 1, 2),
                    ethnicity="BAFR",
                    uasc=True,
                ),
                child("C3", date_of_birth=date(2005, 6, 30), gender="9", ethnicity="MWBA"),
                child("D4", date_of_birth=date(2001, 1, 1)),
                child("E5", date_of_birth=date(2003, 3, 3)),
            ],
            "cla_episodes": [{"la": LA} | dict(zip(EPISODE, row, strict=True)) for row in episodes],
            "cla_reviews": [
                {"la": LA, "child_id": c, "review_date": d, "participation": p}
                for c, d, p in reviews
            ],
            "missing_episodes": [
                {"la": LA} | dict(zip(MISSING, row, strict=True)) for row in missing
            ],
        }
    )
