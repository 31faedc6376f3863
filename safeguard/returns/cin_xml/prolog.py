"""What a file must look like before its children are read: no DOCTYPE, XML from the first
byte, and a <Message> root in no namespace.

The DOCTYPE check reads the raw bytes, so an entity is refused before any XML parser has seen its
declaration, let alone expanded or fetched it.
"""

import re
from pathlib import Path
from typing import IO

from lxml import etree

from safeguard.returns.cin_xml.errors import ReturnFileError

# How much of the file's start is looked at for a DOCTYPE; a prolog longer than this is refused.
PROLOG_BYTES = 64 * 1024
PROLOG_NOISE = re.compile(r"\s+|<\?.*?\?>|<!--.*?-->", re.DOTALL)
ELEMENT_START = re.compile(r"<[A-Za-z_]")


def check_prolog(path: Path, head: bytes) -> None:
    """Refuse a DOCTYPE, and anything that does not start like XML, before a parser sees it."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = head.decode("utf-16", errors="ignore").lstrip("\ufeff")
    else:
        # Latin-1 reads any bytes, and markup is ASCII in every encoding a CIN file may use.
        text = head.decode("latin-1").removeprefix("\xef\xbb\xbf")
    at = 0
    while match := PROLOG_NOISE.match(text, at):
        at = match.end()
    rest = text[at:]
    line = text.count("\n", 0, at) + 1
    if rest.startswith("<!DOCTYPE"):
        declares = " declaring entities" if "<!ENTITY" in rest else ""
        raise ReturnFileError(
            f"{path.name}, line {line}: the file has a DOCTYPE{declares}, which a CIN census file "
            "never has; it was refused without reading or expanding any entity (expected "
            "<Message> straight after the XML declaration)"
        )
    if ELEMENT_START.match(rest):
        return
    if not text.strip():
        raise ReturnFileError(f"{path.name} is empty: expected a CIN census XML file")
    if rest.startswith("<"):
        # An unfinished comment or declaration running past the bytes looked at.
        raise ReturnFileError(
            f"{path.name}, line {line}: expected <Message> within the first "
            f"{PROLOG_BYTES // 1024} KB, but found only comments and declarations"
        )
    first_line = "".join(c if c.isprintable() else "·" for c in rest.splitlines()[0][:60])
    raise ReturnFileError(
        f"{path.name}, line {line}: expected an XML CIN census file starting with <Message>, but "
        f"it starts “{first_line}” (is it a CSV or another kind of file?)"
    )


def check_root(path: Path, stream: IO[bytes], options: dict) -> None:
    """The first element must be <Message> in no namespace; read no further than its start."""
    for _, root in etree.iterparse(stream, events=("start",), **options):
        name = etree.QName(root)
        if name.localname != "Message":
            raise ReturnFileError(
                f"{path.name}, line {root.sourceline}: expected the CIN census root element "
                f"<Message>, found <{name.localname}>"
            )
        if name.namespace:
            raise ReturnFileError(
                f"{path.name}, line {root.sourceline}: <Message> is in the namespace "
                f"“{name.namespace}”, but the CIN census schema has no namespace: expected "
                "<Message> without xmlns"
            )
        return
