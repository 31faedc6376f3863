"""Papers for agenda items: what may be uploaded, and how it is kept.

A paper must be a PDF or an Office document (Word, Excel, PowerPoint), no larger than the
partnership's limit. The type is read from the file's content, not trusted from its name or the
browser: a PDF starts with "%PDF-"; an Office file is a zip holding the part its type needs.
"""

import io
import zipfile
from pathlib import PurePath

from django.core.files.uploadedfile import UploadedFile
from django.utils.text import get_valid_filename

from safeguard.access.models import User
from safeguard.board.models import AgendaItem, BoardSettings, Paper
from safeguard.board.rules import Problem, refuse_if

PDF = "application/pdf"
_OFFICE = {
    ".docx": (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "word/document.xml",
    ),
    ".xlsx": (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "xl/workbook.xml",
    ),
    ".pptx": (
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        "ppt/presentation.xml",
    ),
}
WRONG_TYPE = "The selected file must be a PDF, Word, Excel or PowerPoint file"


def content_type_of(name: str, data: bytes) -> str | None:
    """The file's type if its content is what its name says, else None."""
    suffix = PurePath(name).suffix.lower()
    if suffix == ".pdf":
        return PDF if data.startswith(b"%PDF-") else None
    if suffix not in _OFFICE:
        return None
    content_type, part = _OFFICE[suffix]
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())  # the directory only: nothing is unpacked
    except zipfile.BadZipFile:
        return None
    return content_type if part in names else None


def check_upload(name: str, data: bytes, max_mb: int) -> str:
    """The file's content type, or a refusal saying what is wrong with it."""
    if not data:
        refuse_if([Problem("file", "The selected file is empty")])
    if len(data) > max_mb * 1024 * 1024:
        refuse_if([Problem("file", f"The selected file must be smaller than {max_mb}MB")])
    content_type = content_type_of(name, data)
    if content_type is None:
        refuse_if([Problem("file", WRONG_TYPE)])
    return content_type


def attach_paper(item: AgendaItem, *, title: str, upload: UploadedFile, by: User) -> Paper:
    max_mb = BoardSettings.current().paper_max_mb
    # Read no more than one byte past the limit: enough to know the file is too large.
    data = upload.read(max_mb * 1024 * 1024 + 1)
    content_type = check_upload(upload.name or "", data, max_mb)
    return Paper.objects.create(
        item=item,
        title=title,
        file_name=get_valid_filename(PurePath(upload.name or "paper").name)[:200],
        content_type=content_type,
        size=len(data),
        content=data,
        uploaded_by=by,
    )
