from datetime import date

from cobranza_desktop.domain.formatting import format_period


def test_a_single_day_period_is_one_date() -> None:
    assert format_period(date(2026, 11, 22), date(2026, 11, 22), "es_MX") == "22/11/2026"


def test_a_longer_period_shows_both_ends() -> None:
    text = format_period(date(2026, 11, 1), date(2026, 11, 22), "es_MX")
    assert text == "01/11/2026 – 22/11/2026"
    english = format_period(date(2026, 11, 1), date(2026, 11, 22), "en_US")
    assert english == "11/01/2026 – 11/22/2026"
