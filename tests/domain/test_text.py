from cobranza_desktop.domain.text import search_key


def test_search_key_folds_case_and_accents() -> None:
    assert search_key("  Botica  ÁVILA ") == "botica avila"
    assert search_key("Núñez") == "nunez"


def test_search_key_folds_enye_so_n_finds_it() -> None:
    assert search_key("PEÑA") == search_key("pena")
    assert "castaneda" in search_key("Ferretería Castañeda S.A.")
    assert search_key("Muñoz") == "munoz"
