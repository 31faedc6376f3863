"""A small journey dataset for council 884 around an inspection on 31 March 2017, for the Annex A
tests; test_annex_a_build.py works out its lists by hand."""

from datetime import UTC, date, datetime

from safeguard.journey import ids
from safeguard.journey.dataset import Dataset

LA = "884"
END = date(2017, 3, 31)


def _child(child_id: str, **given: object) -> dict:
    return {"la": LA, "child_id": child_id, "disabilities": [], "uasc": False} | given


def _referral(key: str, child: str, day: date, source: str, **given: object) -> dict:
    return {
        "la": LA,
        "child_id": child,
        "referral_id": REFERRALS[key],
        "referral_date": day,
        "source": source,
        "nfa": False,
    } | given


REFERRALS = {
    "r1": ids.referral_id("K2", date(2016, 1, 10)),
    "r2": ids.referral_id("K2", date(2016, 10, 5)),
    "r3": ids.referral_id("K1", date(2016, 12, 1)),
    "r4": ids.referral_id("K3", date(2015, 10, 4)),
    "r5": ids.referral_id("K2", date(2017, 4, 3)),
    "r6": ids.referral_id("K3", date(2017, 3, 20)),
    "r7": ids.referral_id("K1", date(2016, 6, 1)),
}


def _under(table: str, key: str, child: str, start: date, **given: object) -> dict:
    make = {
        "assessments": ("assessment_id", ids.assessment_id),
        "section47": ("s47_id", ids.s47_id),
        "cp_plans": ("cp_plan_id", ids.cp_plan_id),
        "cin_plans": ("cin_plan_id", ids.cin_plan_id),
    }[table]
    defaults = {"assessments": {"factors": []}, "section47": {"icpc_not_required": False}}
    return (
        {
            "la": LA,
            "child_id": child,
            "referral_id": REFERRALS[key],
            make[0]: make[1](REFERRALS[key], start),
            "start_date": start,
        }
        | defaults.get(table, {})
        | given
    )


def _episode(
    child: str,
    start: date,
    rne: str,
    ls: str,
    need: str,
    place: str,
    provider: str,
    end: date | None = None,
    ceased: str | None = None,
    **given: object,
) -> dict:
    return {
        "la": LA,
        "child_id": child,
        "start_date": start,
        "reason_new_episode": rne,
        "legal_status": ls,
        "category_of_need": need,
        "placement": place,
        "placement_provider": provider,
        "end_date": end,
        "reason_ceased": ceased,
    } | given


def _contact(contact_id: str, child: str, source: str, received: datetime) -> dict:
    return {
        "la": LA,
        "child_id": child,
        "contact_id": contact_id,
        "received_at": received,
        "source": source,
        "rag": "green",
        "rag_deadline": received,
    }


def _missing(child: str, kind: str, start: date, end: date | None, **given: object) -> dict:
    return {"la": LA, "child_id": child, "kind": kind, "start_date": start, "end_date": end} | given


def crafted() -> Dataset:
    p1 = ids.cp_plan_id(REFERRALS["r2"], date(2016, 10, 25))
    return Dataset.build(
        {
            "children": [
                _child(
                    "K1",
                    gender="2",
                    ethnicity="WBRI",
                    date_of_birth=date(2010, 5, 17),
                    disabilities=["NONE"],
                ),
                _child(
                    "K2",
                    gender="1",
                    ethnicity="BAFR",
                    date_of_birth=date(2004, 4, 1),
                    disabilities=["AUT"],
                    uasc=True,
                ),
                _child("K3", gender="0", ethnicity="NOBT"),
                _child("K4", gender="1", ethnicity="WIRI", date_of_birth=date(2001, 3, 31)),
            ],
            "contacts": [
                # 23:30 UTC on 30 September is 00:30 on 1 October in England (summer time).
                _contact("c1", "K1", "6", datetime(2016, 9, 30, 23, 30, tzinfo=UTC)),
                # And 23:30 UTC on 31 March 2017 is 1 April, after the window.
                _contact("c2", "K2", "1A", datetime(2017, 3, 31, 23, 30, tzinfo=UTC)),
                _contact("c3", "K3", "5D", datetime(2016, 12, 1, 10, 0, tzinfo=UTC)),
            ],
            "early_help": [
                {
                    "la": LA,
                    "child_id": "K1",
                    "episode_id": "K1/E1",
                    "start_date": date(2016, 11, 15),
                    "lead_agency_kind": "education",
                },
                {
                    "la": LA,
                    "child_id": "K2",
                    "episode_id": "K2/E1",
                    "start_date": date(2016, 9, 30),
                    "lead_agency_kind": "voluntary",
                },
            ],
            "referrals": [
                _referral(
                    "r1",
                    "K2",
                    date(2016, 1, 10),
                    "2A",
                    closure_date=date(2016, 3, 1),
                    closure_reason="RC7",
                ),
                _referral("r2", "K2", date(2016, 10, 5), "6", primary_need="N1"),
                _referral(
                    "r3",
                    "K1",
                    date(2016, 12, 1),
                    "3A",
                    nfa=True,
                    closure_date=date(2016, 12, 1),
                    closure_reason="RC8",
                ),
                _referral(
                    "r4",
                    "K3",
                    date(2015, 10, 4),
                    "8",
                    primary_need="N5",
                    closure_date=date(2016, 10, 10),
                    closure_reason="RC8",
                ),
                _referral("r5", "K2", date(2017, 4, 3), "6"),
                _referral("r6", "K3", date(2017, 3, 20), "1A", primary_need="N0"),
                _referral("r7", "K1", date(2016, 6, 1), "2A", primary_need="N4"),
            ],
            "assessments": [
                _under(
                    "assessments",
                    "r2",
                    "K2",
                    date(2016, 10, 6),
                    authorisation_date=date(2016, 11, 1),
                ),
                _under(
                    "assessments",
                    "r4",
                    "K3",
                    date(2016, 9, 1),
                    authorisation_date=date(2016, 10, 8),
                ),
                _under(
                    "assessments",
                    "r1",
                    "K2",
                    date(2016, 1, 12),
                    authorisation_date=date(2016, 2, 1),
                ),
                _under(
                    "assessments",
                    "r2",
                    "K2",
                    date(2017, 3, 20),
                    authorisation_date=date(2017, 4, 10),
                ),
                _under("assessments", "r6", "K3", date(2017, 3, 22)),
            ],
            "cin_plans": [_under("cin_plans", "r7", "K1", date(2016, 8, 1))],
            "section47": [
                _under("section47", "r1", "K2", date(2016, 1, 20), icpc_date=date(2016, 2, 5)),
                _under("section47", "r2", "K2", date(2016, 10, 10), icpc_date=date(2016, 10, 25)),
                _under("section47", "r2", "K2", date(2017, 2, 1), icpc_not_required=True),
                _under("section47", "r6", "K3", date(2017, 3, 25), icpc_date=date(2017, 4, 5)),
            ],
            "cp_plans": [
                _under(
                    "cp_plans",
                    "r2",
                    "K2",
                    date(2016, 10, 25),
                    initial_category="NEG",
                    latest_category="EMO",
                    previous_plans=0,
                ),
                _under(
                    "cp_plans",
                    "r4",
                    "K3",
                    date(2015, 10, 20),
                    end_date=date(2015, 10, 30),
                    initial_category="NEG",
                    latest_category="NEG",
                    previous_plans=0,
                ),
                _under(
                    "cp_plans",
                    "r4",
                    "K3",
                    date(2015, 11, 1),
                    end_date=date(2016, 10, 5),
                    initial_category="PHY",
                    latest_category="PHY",
                ),
            ],
            "cp_reviews": [
                {"la": LA, "child_id": "K2", "cp_plan_id": p1, "review_date": date(2017, 1, 20)},
                {"la": LA, "child_id": "K2", "cp_plan_id": p1, "review_date": date(2017, 4, 15)},
            ],
            "cla_episodes": [
                _episode(
                    "K2", date(2016, 2, 1), "S", "V2", "N8", "H5", "PR5", date(2016, 5, 1), "E4A"
                ),
                _episode(
                    "K2", date(2016, 11, 1), "S", "L1", "N1", "U6", "PR1", date(2016, 11, 3), "X1"
                ),
                _episode(
                    "K2", date(2016, 11, 3), "L", "C1", "N1", "U6", "PR1", date(2017, 1, 10), "X1"
                ),
                _episode(
                    "K2",
                    date(2017, 1, 10),
                    "P",
                    "C2",
                    "N1",
                    "U4",
                    "PR4",
                    placement_postcode="HR4 9AA",
                    urn="SC000001",
                ),
                _episode(
                    "K4", date(2016, 6, 1), "S", "V2", "N2", "K2", "PR2", date(2016, 12, 1), "E46"
                ),
            ],
            "cla_reviews": [
                {"la": LA, "child_id": "K2", "review_date": date(2016, 11, 20)},
                {"la": LA, "child_id": "K2", "review_date": date(2017, 3, 1)},
                {"la": LA, "child_id": "K2", "review_date": date(2017, 4, 20)},
            ],
            "missing_episodes": [
                _missing("K2", "M", date(2016, 3, 15), date(2016, 3, 16)),
                _missing("K2", "M", date(2016, 12, 1), date(2016, 12, 2), interview_offered=True),
                _missing(
                    "K4",
                    "M",
                    date(2016, 7, 1),
                    date(2016, 7, 2),
                    interview_offered=True,
                    interview_date=date(2016, 7, 3),
                ),
                _missing("K4", "A", date(2016, 8, 1), date(2016, 8, 1)),
                _missing("K4", "M", date(2016, 9, 1), date(2016, 9, 2), interview_offered=False),
            ],
        }
    )
