from safeguard.access.capabilities import register

RECORD = register("casework.record", "Record the child protection pathway for allocated children")
AUTHORISE = register("casework.authorise", "Authorise assessments and allocate children")
CHAIR = register("casework.chair", "Chair initial and review child protection conferences")
WORK_TRAY = register("casework.work_tray", "See the work tray of tasks the timescales create")
LOOKED_AFTER = register(
    "casework.looked_after", "Record children looked after: episodes of care and reviews"
)
MISSING = register("casework.missing", "Record missing episodes and return home interviews")
SCREEN = register("casework.exploitation", "Screen children for exploitation")
CATALOGUE = register(
    "casework.exploitation_catalogue", "Maintain the exploitation screening indicator catalogue"
)
EARLY_HELP = register("casework.early_help", "Record early help episodes, steps up and steps down")
EARLY_HELP_TRAY = register(
    "casework.early_help_tray", "See the work tray of the early help episodes one leads"
)
HOME_EDUCATION = register(
    "casework.home_education", "Keep the register of children educated at home"
)
NEGLECT = register(
    "casework.neglect", "Record neglect assessments and the reasoning behind a neglect plan"
)
