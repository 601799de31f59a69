from cobranza_desktop.domain.text import search_key


def test_search_key_folds_case_and_accents_but_keeps_enye() -> None:
    assert search_key("  Botica  ÁVILA ") == "botica avila"
    assert search_key("Núñez") == "núñez".replace("ú", "u")
    assert search_key("PEÑA") != search_key("PENA")
