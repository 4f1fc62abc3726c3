"""The .ita file: one SQLite database behind one narrow interface, :class:`ReportStore`."""
