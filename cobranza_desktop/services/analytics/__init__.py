"""Analytics: how collection is going (indicators) and what will come in (forecast)."""
