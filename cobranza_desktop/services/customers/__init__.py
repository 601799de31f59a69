"""Customers: their records, the searchable customer list, and their standing (status
changes, restrictions and the credit check)."""
