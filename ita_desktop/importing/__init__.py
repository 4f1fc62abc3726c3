"""Bring reports in: plain text (and Word) through one structure recogniser."""
