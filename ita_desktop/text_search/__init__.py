"""Find and replace over every text of a report (no Qt): where text lives, and where a query matches."""

from ita_desktop.text_search.matching import Hit, SearchOptions, find_hits, replace_in_text
from ita_desktop.text_search.places import TextPlace, read_place, replaced_values, text_places

__all__ = ["Hit", "SearchOptions", "TextPlace", "find_hits", "read_place", "replace_in_text", "replaced_values",
           "text_places"]
