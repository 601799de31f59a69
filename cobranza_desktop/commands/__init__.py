"""Headless verbs of the ``cobranza`` command, one module each."""
