"""Reading the CFDI files of an import, and choosing the RFC that decides which are ours."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence

from cobranza_desktop.domain.i18n import _
from cobranza_desktop.imports.cfdi import CfdiRecord, read_cfdi
from cobranza_desktop.imports.problems import FileRefused, Problem
from cobranza_desktop.imports.sources import SourceFile

Progress = Callable[[float], None]


def read_all(
    sources: Sequence[SourceFile], progress: Progress | None
) -> tuple[list[CfdiRecord], list[Problem]]:
    records: list[CfdiRecord] = []
    problems: list[Problem] = []
    for i, source in enumerate(sources):
        if source.data is None:
            problems.append(Problem(source.name, source.error))
            continue
        try:
            records.append(read_cfdi(source.data, source.name))
        except FileRefused as exc:
            problems.append(Problem(source.name, exc.message))
        if progress is not None and i % 200 == 0:
            progress(0.5 * i / max(len(sources), 1))
    return records, problems


def business_rfc(
    profile_rfc: str, explicit: str | None, records: list[CfdiRecord]
) -> tuple[str, str]:
    """The RFC that decides which documents are ours, and a note when it was chosen now."""
    if explicit:
        return explicit.strip().upper(), _("RFC del negocio: {explicit}.").format(
            explicit=explicit.strip().upper()
        )
    if profile_rfc:
        return profile_rfc.strip().upper(), ""
    issuers = Counter(r.issuer.rfc for r in records if r.issuer.rfc)
    if not issuers:
        return "", ""
    rfc = issuers.most_common(1)[0][0]
    return rfc, _(
        "El perfil no tenía RFC: se toma {rfc}, el emisor de la mayoría de los archivos."
    ).format(rfc=rfc)
