"""libxml2's complaints about a malformed file, said as what was expected where."""

import re
from collections.abc import Callable

from lxml import etree

_AT = re.compile(r", line \d+, column \d+$")


def _truncated(m: re.Match) -> str:
    return (
        f"the file ends before <{m[1]}> (opened on line {m[2]}) is closed: expected </{m[1]}>; "
        "the file looks truncated"
    )


def _mismatch(m: re.Match) -> str:
    return f"expected </{m[1]}> to close <{m[1]}> from line {m[2]}, but found </{m[3]}>"


_EXPLANATIONS: list[tuple[re.Pattern, Callable[[re.Match], str]]] = [
    (re.compile(r"Premature end of data in tag (\S+) line (\d+)"), _truncated),
    (re.compile(r"Opening and ending tag mismatch: (\S+) line (\d+) and (\S+)"), _mismatch),
    (
        re.compile(r"Extra content at the end of the document"),
        lambda m: "expected the file to end after </Message>, but more follows",
    ),
    (
        re.compile(r"Start tag expected, '<' not found"),
        lambda m: "expected an XML element (<Message>), but found text",
    ),
    (
        re.compile(r"Entity '(\S+)' not defined"),
        lambda m: (
            f"the entity &{m[1]}; is not defined: a CIN census file uses only &amp; &lt; &gt; "
            "&quot; and &apos;"
        ),
    ),
    (
        re.compile(r"xmlParseEntityRef: no name"),
        lambda m: "a bare “&” was found: expected it written as &amp;",
    ),
    (
        re.compile(r"(Document is empty|no element found)"),
        lambda m: "expected a <Message> element, but the file has none",
    ),
    (
        re.compile(r"(not proper UTF-8|Char 0x[0-9A-F]+ out of allowed range|encoding)", re.I),
        lambda m: (
            "the text is not in the encoding the file declares (UTF-8 unless its XML "
            f"declaration says otherwise): {m.string}"
        ),
    ),
]


def explain_syntax_error(file_name: str, error: etree.XMLSyntaxError) -> str:
    """“<file>, line <n>: <what was expected>” for a file libxml2 could not parse."""
    entries = list(error.error_log)
    # lxml keeps one error log per thread, so only the newest entry is this file's last word;
    # its opening words are sometimes only in the exception itself.
    entry = entries[-1] if entries else None
    message = entry.message if entry is not None else _AT.sub("", error.msg or "")
    line = entry.line if entry is not None else error.lineno
    for pattern, explain in _EXPLANATIONS:
        match = pattern.search(message)
        if match:
            return f"{file_name}, line {line}: {explain(match)}"
    return f"{file_name}, line {line}: the XML is malformed: {message}"
