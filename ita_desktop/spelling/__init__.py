"""Thai spell check without network: unknown words by the segmenter's dictionary, suggestions by edit distance."""

from ita_desktop.spelling.checker import Misspelling, SpellChecker
from ita_desktop.spelling.suggestions import Suggestion, suggestions
from ita_desktop.spelling.user_words import UserWords

__all__ = ["Misspelling", "SpellChecker", "Suggestion", "UserWords", "suggestions"]
