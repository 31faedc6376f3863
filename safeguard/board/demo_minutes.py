"""Words the demo writes from the records: the standing items' minutes, and one-page papers."""

import textwrap

from safeguard.board import quorum
from safeguard.board.codes import AttendanceStatus
from safeguard.board.models import Meeting
from safeguard.board.services_actions import carried_into


def _names(rows: list) -> str:
    return ", ".join(rows) if rows else "none"


def opening_minutes(meeting: Meeting) -> str:
    attendances = list(meeting.attendances.select_related("member"))
    apologies = [
        f"{a.member}" + (f" ({a.deputy_name} attended as deputy)" if a.deputy_name else "")
        for a in attendances
        if a.status in (AttendanceStatus.APOLOGIES, AttendanceStatus.DEPUTY)
    ]
    text = (
        f"The chair welcomed members. Apologies: {_names(apologies)}. No interests were declared."
    )
    found = quorum.check(meeting)
    if found is not None and not found.quorate:
        text += (
            f" The meeting was not quorate ({'; '.join(found.reasons)}): its decisions are to be "
            "ratified at the next meeting."
        )
    return text


def last_meeting_minutes(meeting: Meeting, previous: Meeting | None) -> str:
    if previous is None:
        return "This was the first meeting in the system: there were no earlier minutes."
    carried = carried_into(meeting).count()
    return (
        f"The minutes of the meeting on {previous.held_on:%-d %B %Y} were agreed as a true "
        f"record. The action log was reviewed: {carried} action{'s' if carried != 1 else ''} "
        "from earlier meetings had been open at the start of the meeting."
    )


def _escape(line: str) -> str:
    return line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def paper_pdf(title: str, text: str) -> bytes:
    """A one-page PDF with the title and the text, made by hand so the demo needs no PDF library."""
    lines = [title, "", *textwrap.wrap(text, 85)]
    stream = "BT /F1 11 Tf 14 TL 56 780 Td " + " ".join(f"({_escape(x)}) '" for x in lines) + " ET"
    body = stream.encode("latin-1", "replace")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(body) + body + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, content in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + content + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)
