"""Where an SSDA903 return's CSV files are: a folder, a zip file, or the files themselves.

Each file is opened as bytes, one at a time. A zip member that would grow far beyond its packed
size (a "zip bomb") is refused before it is read.
"""

import zipfile
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from safeguard.returns.cin_xml.errors import ReturnFileError

# A CSV file packs to a tenth of its size or so; a hundredfold, past a few megabytes, is a bomb.
MOST_UNPACKED = 100
UNPACKED_WITHOUT_QUESTION = 8 * 1024 * 1024


@dataclass(frozen=True)
class CsvFile:
    name: str  # as a message names it
    open: Callable[[], IO[bytes]]


@contextmanager
def csv_files(location: Path | Sequence[Path]) -> Iterator[tuple[str, list[CsvFile]]]:
    """The return's name and its CSV files, open to read while the context lasts."""
    if not isinstance(location, Path):
        paths = [Path(p) for p in location]
        yield ", ".join(p.name for p in paths), [_on_disk(p, p.name) for p in paths]
    elif location.is_dir():
        paths = sorted(p for p in location.iterdir() if p.suffix.lower() == ".csv")
        if not paths:
            raise ReturnFileError(
                f"{location.name} has no CSV files: expected an SSDA903 return, one CSV file "
                "per table (header.csv, episodes.csv, …)"
            )
        yield location.name, [_on_disk(p, p.name) for p in paths]
    else:
        with _zip(location) as archive:
            yield location.name, _members(location, archive)


def _on_disk(path: Path, name: str) -> CsvFile:
    def open_file() -> IO[bytes]:
        try:
            return path.open("rb")
        except OSError as error:
            raise ReturnFileError(f"{name} cannot be opened: {error.strerror}") from None

    return CsvFile(name, open_file)


@contextmanager
def _zip(path: Path) -> Iterator[zipfile.ZipFile]:
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as error:
        raise ReturnFileError(
            f"{path.name} cannot be read as a zip file ({error}): expected a zip of the return's "
            "CSV files, or a folder of them"
        ) from None
    with archive:
        yield archive


def _members(path: Path, archive: zipfile.ZipFile) -> list[CsvFile]:
    members = [
        info
        for info in archive.infolist()
        if not info.is_dir()
        and info.filename.lower().endswith(".csv")
        and not info.filename.startswith("__MACOSX/")
    ]
    if not members:
        raise ReturnFileError(
            f"{path.name} holds no CSV files: expected an SSDA903 return, one CSV file per table"
        )
    found = []
    for info in members:
        name = f"{Path(info.filename).name} (in {path.name})"
        packed = max(info.compress_size, 1)
        if info.file_size > UNPACKED_WITHOUT_QUESTION and info.file_size > MOST_UNPACKED * packed:
            raise ReturnFileError(
                f"{name} would unpack to {info.file_size:,} bytes from {info.compress_size:,}: "
                "refused unread, as no CSV file packs that tightly (is it a zip bomb?)"
            )
        if info.flag_bits & 0x1:
            raise ReturnFileError(f"{name} is encrypted: expected the CSV files unencrypted")
        found.append(CsvFile(name, lambda info=info: archive.open(info)))
    return found
