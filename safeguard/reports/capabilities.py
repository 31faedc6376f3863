from safeguard.access.capabilities import register

READ = register(
    "reports.read", "Read the partnership's annual report and the cabinet item that receives it"
)
WRITE = register(
    "reports.write",
    "Write the annual report's narrative, build the report and record the cabinet item",
)
SIGN_OFF = register(
    "reports.sign_off",
    "Record a lead safeguarding partner's sign-off of the annual report",
)
