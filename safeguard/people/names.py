"""Name keys for search-before-create: spelling variants of a name share a phonetic key."""

import jellyfish


def phonetic_key(name: str) -> str:
    cleaned = "".join(ch for ch in name.lower() if ch.isalpha())
    return jellyfish.metaphone(cleaned)[:20] if cleaned else ""
