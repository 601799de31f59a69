"""Delivery channels: SMTP email, WhatsApp links, the outbox."""
