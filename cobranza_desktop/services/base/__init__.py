"""Low-level pieces every capability shares: the settings store, the business profile
and the agenda's facts (plans, promises, histories) that collections and penalties read.

It imports no sibling package, so every capability may import it.
"""
