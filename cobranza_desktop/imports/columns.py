"""Guess which column holds what, from Spanish and English headings."""

from __future__ import annotations

from cobranza_desktop.domain.text import search_key

# field -> headings that name it (compared without accents or case).
HEADINGS: dict[str, tuple[str, ...]] = {
    "name": ("nombre", "cliente", "razon social", "name", "customer", "client"),
    "rfc": ("rfc", "tax id"),
    "phone": ("telefono", "tel", "celular", "movil", "phone", "mobile"),
    "whatsapp": ("whatsapp", "wa"),
    "email": ("correo", "email", "e-mail", "correo electronico", "mail"),
    "contact": ("contacto", "contact"),
    "terms": ("dias de credito", "plazo", "terms", "credito"),
    "folio": ("folio", "factura", "numero", "no. factura", "invoice", "number", "documento"),
    "issue_date": ("fecha", "fecha de emision", "emision", "date", "issue date"),
    "due_date": ("vencimiento", "fecha de vencimiento", "vence", "due", "due date"),
    "total": ("importe", "total", "monto", "amount"),
    "balance": ("saldo", "balance", "pendiente", "adeudo", "por cobrar"),
    "paid": ("pagado", "abonado", "paid"),
    "uuid": ("uuid", "folio fiscal"),
    "method": ("metodo", "metodo de pago", "payment method"),
    "disputed": ("disputa", "en disputa", "disputed"),
    "currency": ("moneda", "divisa", "currency"),
    "exchange_rate": ("tipo de cambio", "tipo cambio", "exchange rate", "fx rate"),
    "reference": ("referencia", "reference", "operacion"),
    "payment_date": ("fecha de pago", "payment date"),
    "description": ("descripcion", "description", "servicio", "service", "plan", "concepto"),
    "price": ("precio", "price", "cuota", "tarifa", "fee"),
    "tax_rate": ("iva", "tasa de iva", "tax rate", "tax", "vat", "impuesto"),
    "period": ("periodo", "period", "periodicidad", "frecuencia", "frequency"),
    "billing_day": ("dia de cobro", "billing day", "dia", "day"),
    "start": ("inicio", "fecha de inicio", "start", "start date", "alta"),
    "end": ("fin", "fecha de fin", "end", "end date", "baja"),
}

FIELDS: dict[str, tuple[str, ...]] = {
    "customers": ("name", "rfc", "phone", "whatsapp", "email", "contact", "terms"),
    "invoices": (
        "name",
        "rfc",
        "folio",
        "issue_date",
        "due_date",
        "total",
        "balance",
        "paid",
        "uuid",
        "method",
        "disputed",
        "currency",
        "exchange_rate",
    ),
    "payments": ("name", "rfc", "folio", "payment_date", "total", "reference"),
    "subscriptions": (
        "name",
        "rfc",
        "description",
        "price",
        "tax_rate",
        "period",
        "billing_day",
        "start",
        "end",
    ),
}
REQUIRED: dict[str, tuple[str, ...]] = {
    "customers": ("name",),
    "invoices": ("name", "issue_date"),
    "payments": ("name", "payment_date", "total"),
    "subscriptions": ("name", "description", "price", "period", "billing_day", "start"),
}


def guess_mapping(headers: tuple[str, ...], entity: str) -> dict[str, int]:
    """field -> column index. Exact headings first, then headings that start alike."""
    keys = [search_key(h).strip() for h in headers]
    wanted = FIELDS[entity]
    mapping: dict[str, int] = {}
    used: set[int] = set()
    # Payments files name their date "Fecha": that is the payment date there.
    headings = dict(HEADINGS)
    if entity == "payments":
        headings["payment_date"] = (*HEADINGS["payment_date"], *HEADINGS["issue_date"])
    for exact in (True, False):
        for field in wanted:
            if field in mapping:
                continue
            for i, key in enumerate(keys):
                if i in used or not key:
                    continue
                names = headings[field]
                if (key in names) if exact else any(key.startswith(n) for n in names):
                    mapping[field] = i
                    used.add(i)
                    break
    return mapping
