"""Imports: preview and commit of CFDI XML and spreadsheets, one transaction each."""
