"""Penalties and incentives: late charges, waivers, discounts and rewards."""
