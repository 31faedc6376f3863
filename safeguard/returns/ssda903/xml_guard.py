"""What an SSDA903 XML file must look like before its children are read, and libxml2's
complaints about a malformed one said as what was expected where.

As for CIN census files (safeguard.returns.cin_xml.prolog): a DOCTYPE is refused from the raw
bytes, before any parser has seen its declarations, so no entity is ever declared, expanded or
fetched; then the root must be <EXPSSDA903> in no namespace.
"""

import re
from pathlib import Path
from typing import IO

from lxml import etree

from safeguard.returns.cin_xml.errors import ReturnFileError
from safeguard.returns.cin_xml.prolog import ELEMENT_START, PROLOG_NOISE
from safeguard.returns.cin_xml.syntax import explain_syntax_error

ROOT = "EXPSSDA903"


def check_prolog(path: Path, head: bytes) -> None:
    """Refuse a DOCTYPE, and anything that does not start like XML, before a parser sees it."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = head.decode("utf-16", errors="ignore").lstrip("\ufeff")
    else:
        # Latin-1 reads any bytes, and markup is ASCII in every encoding an XML file may use.
        text = head.decode("latin-1").removeprefix("\xef\xbb\xbf")
    at = 0
    while match := PROLOG_NOISE.match(text, at):
        at = match.end()
    rest = text[at:]
    line = text.count("\n", 0, at) + 1
    if rest.startswith("<!DOCTYPE"):
        declares = " declaring entities" if "<!ENTITY" in rest else ""
        raise ReturnFileError(
            f"{path.name}, line {line}: the file has a DOCTYPE{declares}, which an SSDA903 file "
            f"never has; it was refused without reading or expanding any entity (expected <{ROOT}> "
            "straight after the XML declaration)"
        )
    if ELEMENT_START.match(rest):
        return
    if not text.strip():
        raise ReturnFileError(f"{path.name} is empty: expected an SSDA903 XML file")
    first_line = "".join(c if c.isprintable() else "·" for c in rest.splitlines()[0][:60])
    raise ReturnFileError(
        f"{path.name}, line {line}: expected an SSDA903 XML file starting with <{ROOT}>, but it "
        f"starts “{first_line}”"
    )


def check_root(path: Path, stream: IO[bytes], options: dict) -> None:
    """The first element must be <EXPSSDA903> in no namespace; read no further than its start."""
    for _, root in etree.iterparse(stream, events=("start",), **options):
        name = etree.QName(root)
        if name.localname != ROOT or name.namespace:
            found = f"{{{name.namespace}}}{name.localname}" if name.namespace else name.localname
            raise ReturnFileError(
                f"{path.name}, line {root.sourceline}: expected the SSDA903 root element "
                f"<{ROOT}> (in no namespace), found <{found}>"
            )
        return


# The CIN explanations that name the CIN root or its entities, said for an SSDA903 file.
_OWN = [
    (
        re.compile(r"Extra content at the end of the document"),
        f"expected the file to end after </{ROOT}>, but more follows",
    ),
    (
        re.compile(r"Start tag expected, '<' not found"),
        f"expected an XML element (<{ROOT}>), but found text",
    ),
    (
        re.compile(r"Entity '(\S+)' not defined"),
        "an entity is used that is not defined: an SSDA903 file uses only &amp; &lt; &gt; "
        "&quot; and &apos;",
    ),
    (
        re.compile(r"(Document is empty|no element found)"),
        f"expected an <{ROOT}> element, but the file has none",
    ),
]


def explain(file_name: str, error: etree.XMLSyntaxError) -> str:
    """“<file>, line <n>: <what was expected>” for a file libxml2 could not parse."""
    entries = list(error.error_log)
    entry = entries[-1] if entries else None
    message = entry.message if entry is not None else (error.msg or "")
    line = entry.line if entry is not None else error.lineno
    for pattern, said in _OWN:
        if pattern.search(message):
            return f"{file_name}, line {line}: {said}"
    return explain_syntax_error(file_name, error)
