"""ReportLab renderers: plain data in, PDF bytes out. No database access."""
