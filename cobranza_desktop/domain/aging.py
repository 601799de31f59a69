"""Aging buckets by days past due. The edges are configurable."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from cobranza_desktop.domain.errors import ValidationError
from cobranza_desktop.domain.i18n import _

DEFAULT_EDGES: tuple[int, ...] = (30, 60, 90)


@dataclass(frozen=True)
class AgingBuckets:
    """``edges=(30, 60, 90)`` gives: current, 1-30, 31-60, 61-90, over 90."""

    edges: tuple[int, ...] = DEFAULT_EDGES

    def __post_init__(self) -> None:
        validate_edges(self.edges)

    @property
    def count(self) -> int:
        return len(self.edges) + 2

    def labels(self) -> list[str]:
        labels = [_("Al corriente")]
        lower = 1
        for edge in self.edges:
            labels.append(f"{lower}-{edge}")
            lower = edge + 1
        labels.append(_("Más de {edges}").format(edges=self.edges[-1]))
        return labels

    def index_for(self, days_past_due: int) -> int:
        """Bucket of an invoice ``days_past_due`` days late (0 or less: current)."""
        if days_past_due <= 0:
            return 0
        for i, edge in enumerate(self.edges):
            if days_past_due <= edge:
                return i + 1
        return len(self.edges) + 1

    def due_date_bounds(self, as_of: date) -> list[date]:
        """Due-date thresholds for SQL: bucket i holds due dates >= bounds[i] (and < bounds[i-1]).

        Comparing stored due dates to precomputed dates keeps the query index-friendly.
        """
        bounds = [as_of]  # current: due_date >= as_of
        bounds += [as_of - timedelta(days=edge) for edge in self.edges]
        return bounds


def validate_edges(edges: tuple[int, ...]) -> None:
    if not edges or any(e <= 0 for e in edges) or list(edges) != sorted(set(edges)):
        raise ValidationError(
            "aging_edges",
            _("Los cortes de antigüedad deben ser días positivos y crecientes (ej. 30, 60, 90)."),
        )


def parse_edges(text: str) -> tuple[int, ...]:
    try:
        edges = tuple(int(part) for part in text.replace(" ", "").split(",") if part)
    except ValueError:
        raise ValidationError(
            "aging_edges",
            _("Escriba los cortes como 30, 60, 90."),
        ) from None
    validate_edges(edges)
    return edges
