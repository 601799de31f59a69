"""The bundle's entry point: ``cobranza-desktop [BOOK]`` or ``cobranza-desktop VERB ...``."""

from cobranza_desktop.cli import main_gui

raise SystemExit(main_gui())
