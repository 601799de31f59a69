"""The book as a whole: opening it and composing the services, backups, checks, demo.

Also the read models that span capabilities (the customer file): this package may
import every other service package, and none imports it back.
"""
