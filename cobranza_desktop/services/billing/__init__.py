"""Billing: drafts, issuing invoices with gapless folios, voiding."""
