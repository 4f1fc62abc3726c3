"""The printed report: official Thai layout on top of the typesetting engine, written by fpdf2."""
