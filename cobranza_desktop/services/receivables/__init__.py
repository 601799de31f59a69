"""Receivables: recording payments, allocating them, what is owed and aging.

Receiving a payment with the discounts it earns crosses capabilities and sits above
them, in :mod:`cobranza_desktop.services.collections.receiving`.
"""
