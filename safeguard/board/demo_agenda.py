"""What the demo board talks about: standing items, topics with their minutes, decisions and
actions, and the papers that go with them."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Topic:
    title: str
    presenter: str  # a roster key (demo_roster.PEOPLE)
    minutes: str
    decision: str = ""
    action: str = ""
    action_owner: str = ""
    paper: str = ""  # the paper's title; none when empty
    confidential: bool = False


BOARD_TOPICS = [
    Topic(
        "Performance report",
        "safeguarding",
        "The board reviewed the quarter's performance report. Children subject to a child "
        "protection plan continued to fall towards the statistical neighbour average; "
        "re-referrals within 12 months remained below the England figure. Members asked why "
        "contacts from schools ended in no further action more often than others.",
        decision="The performance report was noted.",
        action="Analyse contacts from schools that ended in no further action and report back",
        action_owner="safeguarding",
        paper="Performance report",
    ),
    Topic(
        "Child sexual exploitation and missing children: report of the sub-group",
        "police",
        "The sub-group's chair reported on the exploitation panel, the screening tool now used "
        "by every agency, and return home interviews offered within 72 hours. Members noted "
        "that fewer interviews were accepted by children placed out of the area.",
        decision="The board endorsed the revised exploitation screening tool.",
        action="Agree with neighbouring councils who holds return home interviews for children "
        "placed across the border",
        action_owner="police",
        paper="Exploitation and missing: sub-group report",
    ),
    Topic(
        "Neglect strategy",
        "early_help",
        "The neglect strategy and the graded care profile training plan were presented. "
        "Members asked how the strategy would reach universal services.",
        decision="The neglect strategy was approved for consultation.",
        action="Report the number of practitioners trained in the graded care profile by agency",
        action_owner="early_help",
        paper="Neglect strategy (draft)",
    ),
    Topic(
        "The early help offer",
        "early_help",
        "The head of early help described the locality model and the step-down route from "
        "social care. Schools welcomed the named early help contact for each cluster.",
        action="Publish the early help offer on the partnership's website",
        action_owner="manager",
    ),
    Topic(
        "Section 11 audit: findings",
        "manager",
        "The business manager summarised agencies' section 11 self-assessments. Two agencies "
        "had not yet returned theirs; the chair asked for them before the next meeting.",
        decision="Agencies not yet returning their section 11 audit will do so within a month.",
        action="Return the outstanding section 11 self-assessment",
        action_owner="housing",
        paper="Section 11 audit summary",
    ),
    Topic(
        "Serious case review: Family K",
        "chair",
        "The lead reviewer's emerging findings were discussed: cultural context, disabled "
        "children, information sharing and the voice of the child. The report remains "
        "confidential until publication.",
        decision="The board accepted the emerging findings and asked for the action plan.",
        action="Draft the partnership's action plan in response to the review",
        action_owner="manager",
        confidential=True,
    ),
    Topic(
        "Business plan: progress by quarter",
        "manager",
        "The board went through the RAG ratings of each priority. Early help remained amber; "
        "the child's journey moved to green.",
        decision="The quarter's ratings were agreed.",
        paper="Business plan progress report",
    ),
    Topic(
        "Budget and partner contributions",
        "manager",
        "The business manager presented the budget. Partner contributions were unchanged; the "
        "training programme was funded for another year.",
        decision="The budget was agreed.",
        action="Confirm each partner's contribution for next year in writing",
        action_owner="dcs",
        paper="Budget report",
        confidential=True,
    ),
    Topic(
        "Police and health as equal partners: the new statutory arrangements",
        "acc",
        "Members discussed the Children and Social Work Act and the move from a board to "
        "arrangements led jointly by the council, the police and health.",
        action="Bring options for the new safeguarding arrangements to the board",
        action_owner="acc",
    ),
    Topic(
        "Multi-agency training: report of the year",
        "manager",
        "Attendance at multi-agency training rose; schools remained the largest group of "
        "learners. The board asked for evaluation of impact, not only attendance.",
        action="Add a three-month follow-up evaluation to the core courses",
        action_owner="manager",
        paper="Training report",
    ),
    Topic(
        "Annual report: draft",
        "chair",
        "The draft annual report was discussed ahead of its presentation to cabinet.",
        decision="The annual report was approved for presentation to cabinet.",
        action="Present the annual report to the council's cabinet",
        action_owner="chair",
        paper="Annual report (draft)",
    ),
    Topic(
        "Voice of the child",
        "trust",
        "The chief nurse presented what children and young people told the partnership through "
        "the youth council and health surveys.",
        action="Ask each agency to show one change made because of what children said",
        action_owner="trust",
    ),
]

SUB_GROUP_TOPICS = {
    "cse": Topic(
        "Exploitation panel: themes and hot spots",
        "police",
        "The panel's themes were reviewed: taxi and private hire, online contact, and children "
        "going missing from placements.",
        action="Share the exploitation hot-spot map with licensing",
        action_owner="police",
    ),
    "quality": Topic(
        "Multi-agency audit and the performance figures",
        "safeguarding",
        "The sub-group read the latest multi-agency case file audit and the quarter's figures.",
        action="Repeat the audit of strategy discussions in six months",
        action_owner="safeguarding",
        paper="Audit summary",
    ),
    "neglect": Topic(
        "Neglect: graded care profile and early help assessments",
        "early_help",
        "Uptake of the graded care profile and the quality of early help assessments were "
        "reviewed.",
        action="Add the graded care profile to the early help assessment form",
        action_owner="early_help",
    ),
}
