from safeguard.access.capabilities import register

VIEW = register("reviews.view", "See serious incidents, case reviews and multi-agency audits")
RUN = register(
    "reviews.run",
    "Record serious incidents, rapid reviews, case reviews, findings, actions, audits and learning",
)
SIGN_OFF = register("reviews.sign_off", "Sign off completed actions on behalf of the board")
AGENCY_ACTIONS = register(
    "reviews.agency_actions", "See and update one's own agency's actions from reviews and audits"
)
CASE_RECORDS = register(
    "reviews.case_records",
    "Link children's records to serious incidents and assemble a review's multi-agency chronology",
)
PROGRESS = register(
    "reviews.progress", "See progress on actions by review and theme, and the annual report figures"
)
LEARNING = register(
    "reviews.learning", "Read briefings and see the events and training that carry the learning"
)
