"""Realistic Mexican names, RFCs, phones and addresses for the demo book."""

from __future__ import annotations

import random
from datetime import date

from cobranza_desktop.domain.contact_data import clabe_check_digit

FIRST_NAMES = [
    "José",
    "María",
    "Juan",
    "Guadalupe",
    "Francisco",
    "Ana",
    "Luis",
    "Verónica",
    "Carlos",
    "Rosa",
    "Miguel",
    "Patricia",
    "Jorge",
    "Alejandra",
    "Pedro",
    "Leticia",
    "Ricardo",
    "Sofía",
    "Fernando",
    "Gabriela",
    "Ramón",
    "Mónica",
    "Héctor",
    "Adriana",
    "Raúl",
    "Claudia",
    "Arturo",
    "Yolanda",
    "Eduardo",
    "Lucía",
    "Sergio",
    "Elena",
    "Ángel",
    "Beatriz",
    "Jesús",
    "Begoña",
]
SURNAMES = [
    "Hernández",
    "García",
    "Martínez",
    "López",
    "González",
    "Pérez",
    "Rodríguez",
    "Sánchez",
    "Ramírez",
    "Cruz",
    "Flores",
    "Gómez",
    "Morales",
    "Vázquez",
    "Jiménez",
    "Reyes",
    "Díaz",
    "Torres",
    "Gutiérrez",
    "Ruiz",
    "Mendoza",
    "Aguilar",
    "Ortiz",
    "Castillo",
    "Núñez",
    "Peña",
    "Muñoz",
    "Ibáñez",
    "Domínguez",
    "Vargas",
    "Ramos",
    "Castañeda",
    "Salazar",
    "Zúñiga",
]
BUSINESS_KINDS = [
    "Abarrotes",
    "Ferretería",
    "Papelería",
    "Taller Mecánico",
    "Farmacia",
    "Panadería",
    "Restaurante",
    "Tortillería",
    "Estética",
    "Gimnasio",
    "Colegio",
    "Consultorio Dental",
    "Refaccionaria",
    "Carnicería",
    "Lavandería",
    "Cafetería",
    "Imprenta",
    "Mueblería",
]
BUSINESS_SUFFIXES = ["", "", " S.A. de C.V.", " S. de R.L. de C.V.", " y Asociados"]
STREETS = [
    "Av. Insurgentes Sur",
    "Calle Morelos",
    "Av. Juárez",
    "Calle Hidalgo",
    "Av. Revolución",
    "Calle 5 de Mayo",
    "Av. Vallarta",
    "Calle Independencia",
    "Av. Constitución",
    "Calle Allende",
    "Calzada de Tlalpan",
    "Av. Chapultepec",
    "Calle Zaragoza",
    "Av. López Mateos",
]
CITIES = [
    ("Ciudad de México", "CDMX", "55"),
    ("Guadalajara", "Jal.", "33"),
    ("Monterrey", "N.L.", "81"),
    ("Puebla", "Pue.", "222"),
    ("Querétaro", "Qro.", "442"),
    ("Mérida", "Yuc.", "999"),
    ("León", "Gto.", "477"),
    ("Toluca", "Edo. Méx.", "722"),
]
NEIGHBOURHOODS = [
    "Centro",
    "Del Valle",
    "Roma Norte",
    "Americana",
    "Obrera",
    "Las Águilas",
    "Jardines",
]
PRODUCTS = [
    ("Servicio mensual de mantenimiento", "1450.00"),
    ("Consultoría contable", "3200.00"),
    ('Caja de tornillos 1/4"', "185.50"),
    ("Pintura vinílica 19 L", "1289.00"),
    ("Cemento gris 50 kg", "245.00"),
    ("Mensualidad de internet 50 Mbps", "449.00"),
    ("Colegiatura mensual", "3850.00"),
    ("Instalación eléctrica", "2750.00"),
    ("Papel bond carta (caja)", "899.90"),
    ("Renta de equipo", "1800.00"),
    ("Refacción: balatas delanteras", "1120.00"),
    ("Limpieza dental", "650.00"),
    ("Membresía de gimnasio", "599.00"),
    ("Impresión de volantes (millar)", "780.00"),
]


def _letters(text: str, count: int) -> str:
    plain = text.upper().translate(str.maketrans("ÁÉÍÓÚÜ", "AEIOUU"))
    letters = [c for c in plain if c.isalpha() and c != " "]
    return ("".join(letters) + "XXXX")[:count]


def person_name(rng: random.Random) -> tuple[str, str, str]:
    return rng.choice(FIRST_NAMES), rng.choice(SURNAMES), rng.choice(SURNAMES)


def rfc_for_person(first: str, last1: str, last2: str, birth: date, rng: random.Random) -> str:
    vowels = [c for c in _letters(last1, 10)[1:] if c in "AEIOU"] or ["X"]
    initials = _letters(last1, 1) + vowels[0] + _letters(last2, 1) + _letters(first, 1)
    return f"{initials}{birth:%y%m%d}{homoclave(rng)}"


def rfc_for_company(name: str, founded: date, rng: random.Random) -> str:
    words = [w for w in name.replace(".", " ").split() if len(w) > 2][:3]
    initials = "".join(_letters(w, 1) for w in words)
    return f"{(initials + 'XXX')[:3]}{founded:%y%m%d}{homoclave(rng)}"


def homoclave(rng: random.Random) -> str:
    alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ123456789"
    return "".join(rng.choice(alphabet) for _ in range(2)) + rng.choice("0123456789A")


def phone(rng: random.Random, area: str) -> str:
    digits = "".join(rng.choice("123456789") for _ in range(10 - len(area)))
    return f"+52{area}{digits}"


def address(rng: random.Random) -> tuple[str, str]:
    city, state, area = rng.choice(CITIES)
    line = (
        f"{rng.choice(STREETS)} {rng.randint(10, 2999)}, Col. {rng.choice(NEIGHBOURHOODS)}, "
        f"C.P. {rng.randint(10000, 99999)}, {city}, {state}"
    )
    return line, area


def clabe(rng: random.Random) -> str:
    first17 = "012" + "180" + "".join(rng.choice("0123456789") for _ in range(11))
    return first17 + str(clabe_check_digit(first17))
