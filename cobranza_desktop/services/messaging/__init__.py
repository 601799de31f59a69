"""Messaging: composing reminders and the outbox that sends them."""
