"""Issues reports kept for a few hours for the person who asked for them.

A check of a CIN census file takes seconds and the file is not kept, so its report is kept
instead, for paging through and downloading: the issues as an Arrow file and a small JSON note
(whose report, of what, when), both readable only by the service's own user, in a private folder
outside anything the web server serves (`CIN_VALIDATION_DIR`, by default var/cin-validation).
Only the person who ran the check can open it; after `CIN_VALIDATION_KEEP_HOURS` (8 by default)
it counts as gone and the next check deletes it. Reports live in a folder rather than the
database because a national file's report can run to a million rows; a council running several
web servers gives them this folder on shared storage, as it does var/.
"""

import json
import os
import re
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

import pyarrow as pa
from django.conf import settings
from django.utils import timezone

from safeguard.access.models import User
from safeguard.returns.validation.registry import rules_for
from safeguard.returns.validation.report import Report

KEEP_HOURS = 8
# The names this module gives reports; anything else in a URL is refused before the disk is read.
_REPORT_ID = re.compile(r"[A-Za-z0-9_-]{22}")
_PRIVATE = 0o600


class Source:
    FILE = "file"
    LIVE = "live"


@dataclass(frozen=True)
class KeptReport:
    report_id: str
    owner_id: int
    source: str
    # The uploaded file's name, or the census year of the live records checked.
    name: str
    ruleset: str
    children: int
    made_at: datetime
    unchecked: dict[str, str]

    @property
    def from_file(self) -> bool:
        return self.source == Source.FILE

    @property
    def kept_until(self) -> datetime:
        return self.made_at + keep_for()

    def issues(self) -> pa.Table:
        with pa.memory_map(str(_issues_path(self.report_id))) as source:
            return pa.ipc.open_file(source).read_all()

    def report(self) -> Report:
        return Report(self.ruleset, self.issues(), rules_for(self.ruleset), self.unchecked)


def folder() -> Path:
    return Path(getattr(settings, "CIN_VALIDATION_DIR", settings.VAR_DIR / "cin-validation"))


def keep_hours() -> int:
    return getattr(settings, "CIN_VALIDATION_KEEP_HOURS", KEEP_HOURS)


def keep_for() -> timedelta:
    return timedelta(hours=keep_hours())


def keep(report: Report, *, owner: User, source: str, name: str, children: int) -> KeptReport:
    """Keep a report for its owner; reports past their time are deleted first."""
    delete_expired()
    kept = KeptReport(
        report_id=secrets.token_urlsafe(16),
        owner_id=owner.pk,
        source=source,
        name=name,
        ruleset=report.ruleset,
        children=children,
        made_at=timezone.now(),
        unchecked=dict(report.unchecked),
    )
    sink = pa.BufferOutputStream()
    options = pa.ipc.IpcWriteOptions(compression="zstd")
    with pa.ipc.new_file(sink, report.table.schema, options=options) as writer:
        writer.write_table(report.table)
    _write_private(_issues_path(kept.report_id), sink.getvalue().to_pybytes())
    note = {
        "owner": kept.owner_id,
        "source": kept.source,
        "name": kept.name,
        "ruleset": kept.ruleset,
        "children": kept.children,
        "made_at": kept.made_at.isoformat(),
        "unchecked": kept.unchecked,
    }
    # The note is written last: a report without one is unfinished and cannot be opened.
    _write_private(_note_path(kept.report_id), json.dumps(note).encode())
    return kept


def find(report_id: str, user: User) -> KeptReport | None:
    """The report if it is the user's and still kept; None otherwise, whatever the reason."""
    if not _REPORT_ID.fullmatch(report_id):
        return None
    try:
        note = json.loads(_note_path(report_id).read_text())
    except (OSError, ValueError):
        return None
    kept = KeptReport(
        report_id=report_id,
        owner_id=note["owner"],
        source=note["source"],
        name=note["name"],
        ruleset=note["ruleset"],
        children=note["children"],
        made_at=datetime.fromisoformat(note["made_at"]),
        unchecked=note["unchecked"],
    )
    if kept.owner_id != user.pk or kept.kept_until <= timezone.now():
        return None
    return kept


def delete_expired() -> int:
    """Delete every report past its time, finished or not; how many were deleted."""
    here = folder()
    if not here.is_dir():
        return 0
    oldest_kept = (timezone.now() - keep_for()).timestamp()
    deleted = 0
    for path in here.glob("*.arrow"):
        note = path.with_suffix(".json")
        try:
            made = note.stat().st_mtime if note.exists() else path.stat().st_mtime
        except FileNotFoundError:
            continue  # another server deleted it just now
        if made <= oldest_kept:
            note.unlink(missing_ok=True)
            path.unlink(missing_ok=True)
            deleted += 1
    return deleted


def _issues_path(report_id: str) -> Path:
    return folder() / f"{report_id}.arrow"


def _note_path(report_id: str) -> Path:
    return folder() / f"{report_id}.json"


def _write_private(path: Path, content: bytes) -> None:
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, _PRIVATE)
    with os.fdopen(descriptor, "wb") as out:
        out.write(content)
