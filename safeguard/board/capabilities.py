from safeguard.access.capabilities import register

MANAGE = register(
    "board.manage",
    "Run the board: partners, members, meetings, papers, minutes, actions, the business plan, "
    "member reviews and the quorum rule",
)
READ = register(
    "board.read",
    "Read the board's meetings, papers, minutes, action log, business plan and figures",
)
OWN_REVIEW = register("board.own_review", "Read one's own annual review as a board member")
