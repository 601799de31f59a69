"""Penalties: late charges and waivers. The incentives (early-payment discount,
punctuality reward) are granted at billing and payment time: ``billing.incentives``."""
