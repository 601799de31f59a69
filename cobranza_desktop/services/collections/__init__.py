"""Collections: today's agenda, contacts, promises, plans, restrictions, the agency."""
