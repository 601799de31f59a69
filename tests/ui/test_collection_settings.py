"""The settings tabs: aging edges, contact policy, ladder, incentives; a bad value is
refused in its field, defaults are restored, and what is saved is what the services use."""

from __future__ import annotations

import os
from datetime import time
from decimal import Decimal
from pathlib import Path

from PySide6.QtWidgets import QComboBox, QLineEdit, QSpinBox, QTabWidget
from pytestqt.qtbot import QtBot

from cobranza_desktop.domain.contact_policy import Channel, ContactPolicy
from cobranza_desktop.domain.incentives import EarlyPaymentTerms, PrepaymentKind
from cobranza_desktop.domain.ladder import DEFAULT_LADDER, Track
from cobranza_desktop.ui.pages.collection_settings import AgingSettingsTab, ContactPolicySettingsTab
from cobranza_desktop.ui.pages.incentive_settings import IncentiveSettingsTab
from cobranza_desktop.ui.pages.ladder_settings import LadderSettingsTab, preview_lines
from tests.ui.ui_support import TODAY, OpenApp


def _tab(app: OpenApp, kind: type) -> object:
    page = app.window.show_page("settings")
    app.settle()
    tabs = page.findChild(QTabWidget)
    assert tabs is not None
    for index in range(tabs.count()):
        if isinstance(tabs.widget(index), kind):
            tabs.setCurrentIndex(index)
            app.settle()
            return tabs.widget(index)
    raise AssertionError(f"no {kind.__name__} tab")


def test_aging_edges(qtbot: QtBot, open_app: OpenApp) -> None:
    tab = _tab(open_app, AgingSettingsTab)
    assert isinstance(tab, AgingSettingsTab)
    assert tab.edges.text() == "30, 60, 90"
    tab.edges.setText("60, 30")
    assert not tab.save_button.isEnabled() and tab.errors["aging_edges"].isVisible()
    tab.edges.setText("15, 30, 60, 120")
    assert tab.save_button.isEnabled() and "Más de 120" in tab.buckets.text()
    tab.save()
    open_app.settle()
    assert open_app.services.settings.aging_buckets().edges == (15, 30, 60, 120)
    tab.restore_defaults()
    assert tab.edges.text() == "30, 60, 90"
    assert open_app.services.settings.aging_buckets().edges == (15, 30, 60, 120)  # not yet
    tab.save()
    open_app.settle()
    assert open_app.services.settings.aging_buckets().edges == (30, 60, 90)


def test_contact_policy(qtbot: QtBot, open_app: OpenApp) -> None:
    tab = _tab(open_app, ContactPolicySettingsTab)
    assert isinstance(tab, ContactPolicySettingsTab)
    assert (tab.per_day.value(), tab.per_week.value()) == (1, 3)
    tab.per_day.setValue(0)
    assert not tab.save_button.isEnabled() and tab.errors["max_per_day"].isVisible()
    tab.per_day.setValue(4)  # more a day than a week: refused under the weekly cap
    assert tab.errors["max_per_week"].isVisible()
    tab.per_day.setValue(2)
    tab.per_week.setValue(5)
    tab.no_sundays.setChecked(False)
    assert tab.save_button.isEnabled()
    tab.save()
    open_app.settle()
    saved = open_app.services.agenda.policy()
    assert (saved.max_per_day, saved.max_per_week, saved.no_sundays) == (2, 5, False)
    assert saved.quiet_start == time(20, 0)
    tab.restore_defaults()
    tab.save()
    open_app.settle()
    assert open_app.services.agenda.policy() == ContactPolicy()


def test_ladder_edits_and_previews_60_days(qtbot: QtBot, open_app: OpenApp) -> None:
    tab = _tab(open_app, LadderSettingsTab)
    assert isinstance(tab, LadderSettingsTab)
    assert tab.table.rowCount() == len(DEFAULT_LADDER.stages)
    # The sample: due a week from today; the friendly reminder today, the firm one at +7.
    assert preview_lines(DEFAULT_LADDER, TODAY, insistent=False)[0][0] == TODAY
    assert "Recordatorio firme" in tab.sample.text()
    day = tab.cell(1, 0)
    assert isinstance(day, QSpinBox)
    day.setValue(2)  # the same day as the call asking the reason: refused
    assert not tab.save_button.isEnabled() and tab.general_error.isVisible()
    day.setValue(3)
    channel = tab.cell(1, 1)
    assert isinstance(channel, QComboBox)
    channel.setCurrentIndex(channel.findData(Channel.WHATSAPP.value))
    assert tab.save_button.isEnabled()
    tab.save()
    open_app.settle()
    saved = open_app.services.agenda.ladder().stages
    stage = next(s for s in saved if s.code == "phone_reminder")
    assert (stage.offset_days, stage.channel) == (3, Channel.WHATSAPP)
    tab.insistent.setChecked(True)
    assert "insistente" in tab.sample.text().lower()
    assert len(preview_lines(DEFAULT_LADDER, TODAY, insistent=True)) > len(
        preview_lines(DEFAULT_LADDER, TODAY, insistent=False)
    )
    assert DEFAULT_LADDER.track_stages(Track.INSISTENT)
    tab.restore_defaults()
    tab.save()
    open_app.settle()
    assert open_app.services.agenda.ladder() == DEFAULT_LADDER


def test_incentives(qtbot: QtBot, open_app: OpenApp) -> None:
    tab = _tab(open_app, IncentiveSettingsTab)
    assert isinstance(tab, IncentiveSettingsTab)
    tab.early_on.setChecked(True)
    tab.early_terms.setText("dos por ciento")
    assert not tab.save_button.isEnabled() and tab.errors["terms"].isVisible()
    tab.early_terms.setText("2/10 neto 30")
    assert "$200.00" in tab.summary.text()
    tab.punctual_on.setChecked(True)
    tab.punctual_after.setValue(0)
    assert tab.errors["after_on_time"].isVisible()
    tab.punctual_after.setValue(3)
    tab.punctual_percent.setText("5")
    twelve = tab.offer_rows[1]
    twelve.value.setText("12")  # 12 free months of 12: refused
    assert tab.errors["offer_12"].isVisible()
    twelve.value.setText("2")
    assert tab.save_button.isEnabled()
    tab.save()
    open_app.settle()
    s = open_app.services
    assert s.incentives.early_payment_terms() == EarlyPaymentTerms(Decimal(2), 10, 30)
    rule = s.incentives.punctuality_rule()
    assert rule is not None and (rule.after_on_time, rule.discount_percent) == (3, Decimal(5))
    offers = {o.months: o for o in s.prepayments.offers()}
    assert offers[12].kind is PrepaymentKind.FREE_MONTHS and offers[12].free_months == 2
    tab.restore_defaults()
    tab.save()
    open_app.settle()
    assert s.incentives.early_payment_terms() is None and s.incentives.punctuality_rule() is None


def _shoot(app: OpenApp, name: str) -> None:
    """With COBRANZA_SCREENSHOTS=/some/dir, the window at 1366×768, to look at."""
    folder = os.environ.get("COBRANZA_SCREENSHOTS")
    if folder:
        app.window.resize(1366, 768)
        app.settle()
        assert app.window.grab().save(str(Path(folder) / f"{name}.png"))


def test_ladder_stages_are_added_and_removed(qtbot: QtBot, open_app: OpenApp) -> None:
    tab = _tab(open_app, LadderSettingsTab)
    assert isinstance(tab, LadderSettingsTab)
    count = len(DEFAULT_LADDER.stages)
    tab.add_button.click()
    assert tab.table.rowCount() == count + 1 and tab.save_button.isEnabled()
    new_day, new_action = tab.cell(count, 0), tab.cell(count, 2)
    assert isinstance(new_day, QSpinBox) and isinstance(new_action, QLineEdit)
    assert new_day.value() == 97  # a week after the last stage (90)
    # Within the 60 days of the sample, the new stage shows in the preview.
    new_day.setValue(20)
    new_action.setText("Visita al cliente")
    assert "Visita al cliente" in tab.sample.text()
    # The same action twice, or two stages on one day: refused, with a message.
    _shoot(open_app, "settings-ladder-added-es")
    new_action.setText("recordatorio  FIRME")
    assert not tab.save_button.isEnabled()
    assert "ya es la de la etapa" in tab.general_error.text()
    _shoot(open_app, "settings-ladder-duplicate-es")
    new_action.setText("Visita al cliente")
    new_day.setValue(15)
    assert not tab.save_button.isEnabled() and "día 15" in tab.general_error.text()
    new_day.setValue(20)
    assert tab.save_button.isEnabled()
    # Remove the firm reminder (row 3), then save: what the agenda uses is the edited ladder.
    tab.table.selectRow(3)
    tab.remove_button.click()
    assert "Recordatorio firme" not in tab.sample.text()
    tab.save()
    open_app.settle()
    saved = open_app.services.agenda.ladder().stages
    assert "firm_reminder" not in {s.code for s in saved}
    added = next(s for s in saved if s.code == "custom_1")
    assert (added.offset_days, added.label_es) == (20, "Visita al cliente")
    assert [s.offset_days for s in saved] == sorted(s.offset_days for s in saved)
    # Down to one stage: the last one cannot be removed.
    while tab.table.rowCount() > 1:
        tab.remove_button.click()
    assert not tab.remove_button.isEnabled() and tab.save_button.isEnabled()
    tab.remove_stage()
    assert tab.table.rowCount() == 1
    tab.restore_defaults()
    assert tab.table.rowCount() == count
    tab.save()
    open_app.settle()
    assert open_app.services.agenda.ladder() == DEFAULT_LADDER
