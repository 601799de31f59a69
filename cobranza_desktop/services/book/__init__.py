"""The book itself: opening it, business profile, settings, backups, checks, demo."""
