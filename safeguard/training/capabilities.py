from safeguard.access.capabilities import register

BOOK = register("training.book", "Book multi-agency training and see one's own certificates")
MANAGE = register(
    "training.manage",
    "Run the training programme: courses, sessions, attendance, compliance rules and reports",
)
FIGURES = register("training.figures", "See the training, licensing and workforce figures")
CHECK_LICENCES = register(
    "licensing.check", "Check a taxi or private hire licence applicant's training"
)
MANAGE_API_KEYS = register(
    "licensing.api_keys", "Issue and revoke licensing authorities' keys to the licence check"
)
VIEW_WORKFORCE = register("workforce.view", "See the social work workforce and caseloads")
ENTER_RETURNS = register(
    "workforce.returns", "Enter or import the quarterly workforce return of one's own teams"
)
ENTER_ALL_RETURNS = register(
    "workforce.returns_all", "Enter or import the quarterly return of any social work team"
)
WORKFORCE_SETTINGS = register("workforce.settings", "Change the partnership's caseload threshold")
