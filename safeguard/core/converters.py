"""URL converters.

Django's `int` converter takes any run of digits, and a number too big for the database makes
the query fail with a server error. Record numbers are 64-bit integers, so `<id:...>` takes at
most 18 digits and anything longer is simply a page that does not exist.
"""


class IdConverter:
    regex = "[0-9]{1,18}"

    def to_python(self, value: str) -> int:
        return int(value)

    def to_url(self, value: int) -> str:
        return str(value)


def parse_id(text: str | None) -> int | None:
    """A record number typed into a query string, or None when it is not one."""
    if text and text.isascii() and text.isdigit() and len(text) <= 18:
        return int(text)
    return None
