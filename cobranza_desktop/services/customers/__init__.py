"""Customers: their records and the searchable customer list."""
