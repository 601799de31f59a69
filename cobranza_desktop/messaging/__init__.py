"""Delivery channels: message templates, SMTP email, WhatsApp links, the outbox."""
