"""Low-level pieces every capability shares: the settings store and the business profile.

It imports no sibling package, so every capability may import it.
"""
