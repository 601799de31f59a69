"""Aggregate SQL: balances, aging and checks run in the database, never over all rows in Python."""
