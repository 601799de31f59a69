"""Billing: drafts, issuing invoices with gapless folios, voiding, and the incentives
granted when an invoice is issued or paid."""
