"""«Enviar comunicado»: one message to a filtered set of customers, previewed first.

The preview shows how many customers get it, three rendered samples, and who is left
out (contact cap, quiet hours, no address) and why. Sending goes through the outbox
(email) or gives the WhatsApp links to open one by one.
"""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from cobranza_desktop.domain.contact_policy import Channel
from cobranza_desktop.domain.customer_status import CustomerStatus
from cobranza_desktop.domain.risk import Rating
from cobranza_desktop.services.messaging.announcements import (
    Announcement,
    AnnouncementPreview,
    AnnouncementResult,
    AnnouncementService,
    Audience,
    RenderedAnnouncement,
)
from cobranza_desktop.ui.accessibility import named
from cobranza_desktop.ui.tasks import Kind, OpChanges, TaskFailure, TaskRunner


class AnnouncementDialog(QDialog):
    def __init__(
        self,
        announcements: AnnouncementService,
        runner: TaskRunner,
        *,
        open_links: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Enviar comunicado"))
        self._service = announcements
        self._runner = runner
        self._open_links = open_links
        self.preview_view: AnnouncementPreview | None = None
        self.result_view: AnnouncementResult | None = None
        self._links: list[RenderedAnnouncement] = []

        self.title = QLineEdit()
        self.title.setPlaceholderText(self.tr("Para su registro, p. ej. «Cierre navideño»"))
        self.channel = QComboBox()
        self.channel.addItem(self.tr("Correo"), Channel.EMAIL.value)
        self.channel.addItem(self.tr("WhatsApp"), Channel.WHATSAPP.value)
        self.audience = QComboBox()
        for audience in Audience:
            self.audience.addItem(audience.label(), audience.value)
        self.status = QComboBox()
        for status in CustomerStatus:
            self.status.addItem(status.label(), status.value)
        self.rating = QComboBox()
        for rating in Rating:
            self.rating.addItem(f"{rating.value} — {rating.label()}", rating.value)
        audience_row = QHBoxLayout()
        audience_row.addWidget(self.audience, 1)
        audience_row.addWidget(self.status)
        audience_row.addWidget(self.rating)
        self.subject = QLineEdit()
        self.body = QPlainTextEdit()
        self.body.setMinimumHeight(110)
        form = QFormLayout()
        form.addRow(self.tr("Título"), self.title)
        form.addRow(self.tr("Canal"), self.channel)
        form.addRow(self.tr("Para"), audience_row)
        form.addRow(self.tr("Asunto"), self.subject)
        form.addRow(self.tr("Mensaje"), self.body)
        hint = QLabel(
            self.tr(
                "Puede usar los campos de las plantillas: {{ contact_name }}, "
                "{{ business_name }}, {{ due_date }} (su próximo vencimiento)…"
            )
        )
        hint.setWordWrap(True)
        hint.setObjectName("statusLine")

        self.count = QLabel(self.tr("Pulse «Vista previa» para ver a quién le llega."))
        self.count.setObjectName("sectionTitle")
        self.count.setWordWrap(True)
        self.samples = QTabWidget()
        self.left_out = QPlainTextEdit()
        self.left_out.setReadOnly(True)
        self.samples.setMinimumHeight(150)
        named(self.samples.tabBar(), self.tr("Muestras del mensaje"))
        self.error_label = QLabel()
        self.error_label.setObjectName("errorLabel")
        self.error_label.setWordWrap(True)

        self.preview_button = QPushButton(self.tr("Vista previa"))
        self.send_button = QPushButton(self.tr("Enviar"))
        self.send_button.setEnabled(False)
        self.next_link_button = QPushButton(self.tr("Abrir siguiente WhatsApp"))
        self.next_link_button.setVisible(False)
        close = QPushButton(self.tr("Cerrar"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.error_label, 1)
        buttons.addWidget(self.next_link_button)
        buttons.addWidget(self.preview_button)
        buttons.addWidget(self.send_button)
        buttons.addWidget(close)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(self.count)
        layout.addWidget(self.samples, 1)
        layout.addLayout(buttons)
        self.resize(760, 640)

        self.preview_button.clicked.connect(self.preview)
        self.send_button.clicked.connect(self.send)
        self.next_link_button.clicked.connect(self.open_next_link)
        close.clicked.connect(self.reject)
        self.channel.currentIndexChanged.connect(lambda _i: self._channel_changed())
        self.audience.currentIndexChanged.connect(lambda _i: self._audience_changed())
        for edit in (self.title, self.subject):
            edit.textEdited.connect(lambda _t: self._invalidate())
        self.body.textChanged.connect(self._invalidate)
        self._audience_changed()
        self._channel_changed()

    # -- the form ----------------------------------------------------------------------

    def _channel(self) -> Channel:
        return Channel(str(self.channel.currentData()))

    def _channel_changed(self) -> None:
        email = self._channel() is Channel.EMAIL
        self.subject.setEnabled(email)
        service, channel = self._service, self._channel()
        self._runner.query(lambda ctx: service.default_texts(channel)).success(
            self._set_texts
        ).run()

    def _set_texts(self, texts: tuple[str, str]) -> None:
        subject, body = texts
        self.subject.setText(subject)
        self.body.setPlainText(body)
        self._invalidate()

    def _audience_changed(self) -> None:
        audience = Audience(str(self.audience.currentData()))
        self.status.setVisible(audience is Audience.STATUS)
        self.rating.setVisible(audience is Audience.RISK)
        self._invalidate()

    def announcement(self) -> Announcement:
        audience = Audience(str(self.audience.currentData()))
        return Announcement(
            title=self.title.text().strip(),
            channel=self._channel(),
            subject=self.subject.text() if self._channel() is Channel.EMAIL else "",
            body=self.body.toPlainText(),
            audience=audience,
            status=CustomerStatus(str(self.status.currentData()))
            if audience is Audience.STATUS
            else None,
            rating=Rating(str(self.rating.currentData())) if audience is Audience.RISK else None,
        )

    def _invalidate(self) -> None:
        """Any edit asks for a fresh preview before sending."""
        self.preview_view = None
        self.send_button.setEnabled(False)

    # -- preview and send ----------------------------------------------------------------

    def preview(self) -> None:
        service, message = self._service, self.announcement()
        self.error_label.clear()
        self._runner.query(lambda ctx: service.preview(message)).success(self._previewed).failure(
            self._failed
        ).run()

    def _previewed(self, preview: AnnouncementPreview) -> None:
        self.preview_view = preview
        self.count.setText(
            self.tr("Le llega a %Ln clientes", None, preview.count)
            + "; "
            + self.tr("%Ln quedan fuera (vea la lista).", None, len(preview.left_out))
        )
        self.samples.clear()
        for sample in preview.samples:
            text = QPlainTextEdit()
            text.setReadOnly(True)
            head = f"{sample.address}\n{sample.subject}\n\n" if sample.subject else ""
            text.setPlainText(head + sample.body)
            self.samples.addTab(text, sample.customer_name)
        self.left_out.setPlainText(
            "\n".join(f"{lo.customer_name}: {'; '.join(lo.reasons)}" for lo in preview.left_out)
            or self.tr("Nadie queda fuera.")
        )
        self.samples.addTab(
            self.left_out, self.tr("Quedan fuera (%1)").replace("%1", str(len(preview.left_out)))
        )
        self.send_button.setEnabled(preview.count > 0)

    def send(self) -> None:
        if self.preview_view is None:
            return
        service, message = self._service, self.announcement()
        self.send_button.setEnabled(False)
        self._runner.write(
            lambda ctx: service.send(message),
            OpChanges.of(Kind.CONTACTS, Kind.MESSAGES),
        ).success(self._sent).failure(self._failed).describe(
            self.tr("Enviando comunicado"), show_progress=False
        ).run()

    def _sent(self, result: AnnouncementResult) -> None:
        self.result_view = result
        if result.links:
            self._links = list(result.links)
            self.count.setText(
                self.tr(
                    "%Ln mensajes de WhatsApp listos: ábralos uno por uno.", None, len(result.links)
                )
            )
            self.next_link_button.setVisible(True)
        else:
            self.count.setText(
                self.tr("Enviados: %1 · no enviados (quedan en la bandeja): %2 · fuera: %3")
                .replace("%1", str(len(result.sent)))
                .replace("%2", str(len(result.failed)))
                .replace("%3", str(len(result.left_out)))
            )

    def open_next_link(self) -> None:
        if not self._links:
            self.next_link_button.setVisible(False)
            return
        link = self._links.pop(0)
        if self._open_links:
            QDesktopServices.openUrl(QUrl(link.link))
        self.next_link_button.setText(
            self.tr("Abrir siguiente WhatsApp (%1 más)").replace("%1", str(len(self._links)))
        )
        self.next_link_button.setEnabled(bool(self._links))

    def _failed(self, failure: TaskFailure) -> None:
        self.error_label.setText(failure.message)
