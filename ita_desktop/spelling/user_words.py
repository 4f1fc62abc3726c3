"""The clerk's own dictionary: words added with "Add to dictionary", one a line, in the user's data folder."""

from __future__ import annotations

import unicodedata
from pathlib import Path

from ita_desktop.atomic_file import write_atomically
from ita_desktop.paths import user_data_dir


def user_words_path() -> Path:
    return user_data_dir() / "spelling" / "user-words.txt"


class UserWords:
    """Words this user taught the spell check; kept across runs and reports."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or user_words_path()
        self.words: set[str] = set()
        try:
            text = self.path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            return  # none yet, or unreadable: the check simply knows fewer words
        self.words = {line.strip() for line in text.splitlines() if line.strip()}

    def add(self, word: str) -> bool:
        """Remember ``word``; False (and the word known for this run only) if the file cannot be written."""
        word = unicodedata.normalize("NFC", word.strip())
        if not word:
            return True
        self.words.add(word)
        data = "".join(f"{w}\n" for w in sorted(self.words)).encode("utf-8")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            write_atomically(data, self.path)
        except OSError:
            return False
        except Exception as error:  # ReportFileError: the atomic writer's own wording of a disk error
            if type(error).__name__ != "ReportFileError":
                raise
            return False
        return True
