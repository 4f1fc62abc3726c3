"""ITA Desktop: draft, print and publish the ITA measures report, offline."""

__version__ = "0.1.0"
