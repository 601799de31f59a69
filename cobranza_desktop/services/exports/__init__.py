"""Exports: the lists (customers, invoices, payments, contacts) and the whole book."""
