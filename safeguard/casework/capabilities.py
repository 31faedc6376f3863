from safeguard.access.capabilities import register

RECORD = register("casework.record", "Record the child protection pathway for allocated children")
AUTHORISE = register("casework.authorise", "Authorise assessments and allocate children")
CHAIR = register("casework.chair", "Chair initial and review child protection conferences")
WORK_TRAY = register("casework.work_tray", "See the work tray of tasks the timescales create")
