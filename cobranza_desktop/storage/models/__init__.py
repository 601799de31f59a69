"""The ORM models, one module per area. Importing this package registers every table."""

from cobranza_desktop.storage.models import (
    allocation_facts,  # noqa: F401  (keeps the allocations' copied facts in step)
    corrections,  # noqa: F401  (registers its table)
    penalties,  # noqa: F401  (registers its tables)
    subscriptions,  # noqa: F401  (registers its tables)
    summaries,  # noqa: F401  (registers its tables)
)
from cobranza_desktop.storage.models.base import Base
from cobranza_desktop.storage.models.collections import ContactLog as ContactLog  # collections
from cobranza_desktop.storage.models.core import (
    Allocation,
    BusinessProfile,
    Customer,
    FolioSequence,
    Invoice,
    InvoiceLine,
    Payment,
    Setting,
)
from cobranza_desktop.storage.models.imports import (  # noqa: F401
    CfdiDocument,
    ImportBatch,
    PendingCfdiAllocation,
)
from cobranza_desktop.storage.models.messaging import OutboxAttachment, OutboxMessage  # noqa: F401
from cobranza_desktop.storage.models.office import AuditEntry, ChangeCounter, User  # noqa: F401

__all__ = [
    "Allocation",
    "Base",
    "BusinessProfile",
    "Customer",
    "FolioSequence",
    "Invoice",
    "InvoiceLine",
    "Payment",
    "Setting",
]
