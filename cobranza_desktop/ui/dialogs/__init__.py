"""Dialogs: each in its own module, constructed with the data or services it needs."""
