"""Who may find, open, add, change, restrict and merge children's records."""

from factories import ChildFactory
from matrix_rules import ADDERS, CHILD_PAGE, MERGERS, SEARCHERS, rule

TABLE = {
    "people:find": rule(SEARCHERS),
    "people:search-before-add": rule(ADDERS),
    "people:add": rule(ADDERS),
    "people:child": CHILD_PAGE,
    "people:break-glass": CHILD_PAGE,
    "people:who-viewed": rule({"data_protection_officer"}),
    "people:restriction": rule({"team_manager"}),
    "people:merge": rule(MERGERS),
    "people:edit": rule(ADDERS),
    "people:new-address": rule(ADDERS),
    "people:history": CHILD_PAGE,
}


def records(personas, found):
    return {"child_id": ChildFactory().pk}
