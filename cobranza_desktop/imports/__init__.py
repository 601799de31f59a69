"""Parsers for what a business brings in: CFDI XML and spreadsheets.

Files in, validated plain records out. Nothing here opens the book: the use cases in
``services/imports`` decide and write, in one transaction.
"""
