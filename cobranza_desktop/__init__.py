"""Cobranza Desktop: receivables and collections for small businesses that sell on credit."""

__version__ = "0.1.0"
