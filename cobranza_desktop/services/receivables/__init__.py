"""Receivables: recording payments, allocating them, what is owed and aging."""
