"""What the demo partnership wrote in its 2016-17 annual report, and what cabinet asked about it:
modelled on the reference case (a county board's 2016/17 report to its council's cabinet), with
the demo's names. Priority sections are keyed by the business plan priority's title."""


def paragraphs(*texts: str) -> str:
    """The paragraphs as the narrative is typed: a blank line between each."""
    return "\n\n".join(texts)


FOREWORD = paragraphs(
    "I am pleased to present the annual report of the Marcher Safeguarding Children Board for "
    "2016/17. It sets out how well the partners safeguarded children in the county, what we "
    "learnt, and where we must do better.",
    "This has been a year of change. We published one serious case review, about Family K, and its "
    "learning has reached front-line practitioners across every agency. The board's four "
    "priorities have driven our work, and the figures in this report show where that work has made "
    "a difference and where it has not yet.",
    "I thank the practitioners, managers and volunteers who keep children safe in Marcher every "
    "day.",
    "Dr Elizabeth Harding, independent chair",
)

EFFECTIVENESS = paragraphs(
    "Our assessment is that safeguarding arrangements in Marcher are effective and improving, but "
    "not yet consistently good.",
    "- The number of children subject to a child protection plan was higher early in the year "
    "than would be expected given the county's population and profile; by 31 March it had fallen "
    "towards the average of our statistical neighbours.\n"
    "- The number of children looked after remains comparatively high, and the board has asked "
    "partners to learn from award-winning authorities.\n"
    "- Multi-agency audits found good information sharing at the front door, and too little "
    "challenge between agencies when plans drift.\n"
    "- The serious case review of Family K showed that abuse and neglect in a family with "
    "disabled children had not been identified or responded to as they should have been, and that "
    "practitioners need to understand a family's cultural context without letting it excuse harm.",
)

STATUTORY_CONTEXT = paragraphs(
    "The Children and Social Work Act 2017 replaces local safeguarding children boards with "
    "safeguarding partners: the local authority, the chief officer of police and the clinical "
    "commissioning group (now the integrated care board) share the duty equally. The police and "
    "health become equal partners with the council in leading the arrangements, funding them and "
    "answering for them.",
    "Serious case reviews give way to local child safeguarding practice reviews, overseen by a "
    "national Child Safeguarding Practice Review Panel. The board has begun planning the move with "
    "its partners and will publish the new arrangements in 2018/19.",
)

PRIORITIES = {
    "Child sexual exploitation and missing children": paragraphs(
        "Every agency now screens children for sexual exploitation with the same tool, and the "
        "multi-agency exploitation panel meets monthly. The share of children offered a return "
        "home interview within 72 hours of coming back rose through the year.",
        "Licensing now requires taxi and private hire drivers to complete child exploitation "
        "awareness training before a licence is granted or renewed.",
    ),
    "The child's journey through the child protection process": paragraphs(
        "We revised the threshold document with partners and trained referrers on it. Children on "
        "a child protection plan fell sharply by 31 March, towards the statistical neighbour "
        "average. Initial child protection conferences held within 15 working days improved, and "
        "re-referrals within 12 months were stable.",
        "Too many contacts from partners still end in no further action; the board will keep "
        "pressing on the quality of referrals.",
    ),
    "Neglect": paragraphs(
        "Neglect remains the most common reason for a child protection plan. The neglect strategy "
        "was approved late, in the autumn, and 150 practitioners have now been trained in the "
        "graded care profile.",
        "Audit found an assessment behind most plans under neglect, but not all: the board will "
        "check again in 2017/18.",
    ),
    "Early help": paragraphs(
        "A locality model of early help is in place, with a named early help contact for every "
        "secondary school cluster. Since November the MASH steps contacts that do not need social "
        "care down to early help. Early help assessments rose by a fifth; it is too early to see "
        "the effect on referrals.",
    ),
}

CONCLUSION = paragraphs(
    "The partnership is on an improving trajectory. Children's journeys through the child "
    "protection process are faster and better evidenced, exploitation is recognised earlier, and "
    "the learning from Family K has changed practice. Neglect and early help need sustained "
    "attention, and the move to the new safeguarding arrangements will test how well the partners "
    "share leadership.",
)

NEXT_YEAR = paragraphs(
    "- Child exploitation, sexual and criminal, and missing children\n"
    "- Neglect: the graded care profile in every neglect case\n"
    "- Early help and the front door: fewer contacts ending in no further action\n"
    "- Putting the new safeguarding partnership arrangements in place by September 2019",
)

CABINET_TITLE = "Marcher Safeguarding Children Board annual report 2016/17"
CABINET_PURPOSE = (
    "To receive a presentation from the independent chair of the Marcher Safeguarding Children "
    "Board on the board's annual report 2016/17."
)
PRESENTED_BY = "Dr Elizabeth Harding, independent chair of the Marcher Safeguarding Children Board"
RESOLUTION = "The annual report was noted."

# (asked by, question, answered by, response), in the order cabinet heard them.
QUESTIONS = [
    (
        "Councillor Anne Harlow, cabinet member for children and families",
        "The report says more children were on child protection plans than would be expected "
        "for the county's population and profile. Why, and what has been done?",
        "Dr Elizabeth Harding, independent chair",
        "Thresholds were applied inconsistently. The board revised the threshold document with "
        "partners and trained referrers on it, and the number of children on plans fell "
        "towards the statistical neighbours' average by the end of the year.",
    ),
    (
        "Councillor Tony Baines, leader of the council",
        "Looked-after numbers are comparatively high. Is the council learning from others?",
        "Sarah Mitchell, director of children's services",
        "Yes: officers have visited two award-winning authorities and are adopting their "
        "approach to edge-of-care support.",
    ),
    (
        "Councillor Priya Desai, cabinet member for health and wellbeing",
        "How will the police and health become equal partners under the new law?",
        "Dr Elizabeth Harding, independent chair",
        "The three partners will share leadership and funding equally. A plan for the new "
        "arrangements will come to cabinet in 2018.",
    ),
    (
        "Councillor Peter Wynne, cabinet member for housing",
        "What did the serious case review of Family K teach the partnership?",
        "Dr Elizabeth Harding, independent chair",
        "That practitioners must understand a family's culture without letting it excuse harm, "
        "and must hear disabled children's own voices. A briefing and a learning event have "
        "reached every agency, and the actions are complete.",
    ),
]
