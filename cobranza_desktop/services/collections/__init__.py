"""Collections: today's agenda, contacts, promises, plans, the agency, and receiving a
payment with the discounts it earns (``receiving``)."""
