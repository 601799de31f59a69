"""SMTP settings: server, port, security, user, sender; password to the keyring; a test."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from cobranza_desktop.domain.errors import CobranzaError, ValidationError
from cobranza_desktop.messaging.email import SmtpSettings
from cobranza_desktop.services.messaging.outbox import OutboxService
from cobranza_desktop.ui.tasks import Kind, OpChanges, TaskContext, TaskRunner

DEFAULT_PORTS = {"none": 25, "ssl": 465, "starttls": 587}


class SmtpSettingsWidget(QWidget):
    """Edit and test the mail server settings. The password goes only to the keyring."""

    saved = Signal()

    def __init__(
        self,
        outbox: OutboxService,
        runner: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._outbox = outbox
        self._runner = runner

        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.host = QLineEdit()
        self.host.setPlaceholderText("smtp.gmail.com")
        self.port = QSpinBox()
        self.port.setRange(1, 65535)
        self.port.setValue(587)
        self.security = QComboBox()
        self.security.addItem(self.tr("STARTTLS (recomendado)"), "starttls")
        self.security.addItem(self.tr("SSL/TLS"), "ssl")
        self.security.addItem(self.tr("Ninguna (sin cifrar)"), "none")
        self.security.currentIndexChanged.connect(self._on_security)
        self.username = QLineEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("Guardada en el llavero del sistema"))
        self.password.setToolTip(
            self.tr(
                "La contraseña se guarda solo en el llavero del sistema, nunca en el libro."
                " Déjela vacía para no cambiarla."
            )
        )
        self.from_address = QLineEdit()
        self.from_address.setPlaceholderText("cobranza@minegocio.mx")
        self.from_name = QLineEdit()
        form.addRow(self.tr("Servidor SMTP:"), self.host)
        form.addRow(self.tr("Puerto:"), self.port)
        form.addRow(self.tr("Seguridad:"), self.security)
        form.addRow(self.tr("Usuario:"), self.username)
        form.addRow(self.tr("Contraseña:"), self.password)
        form.addRow(self.tr("Correo del remitente:"), self.from_address)
        form.addRow(self.tr("Nombre del remitente:"), self.from_name)
        layout.addLayout(form)

        self.message = QLabel()
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.test_button = QPushButton(self.tr("Probar conexión"))
        self.test_button.clicked.connect(self.test_connection)
        buttons.addWidget(self.test_button)
        self.save_button = QPushButton(self.tr("Guardar"))
        self.save_button.clicked.connect(self.save)
        buttons.addWidget(self.save_button)
        layout.addLayout(buttons)
        layout.addStretch(1)
        self.load()

    def load(self) -> None:
        outbox = self._outbox
        self._runner.query(lambda _ctx: outbox.smtp_settings()).success(self._loaded).key(
            f"smtp-settings-{id(self)}"
        ).run()

    def _loaded(self, settings: SmtpSettings | None) -> None:
        if settings is None:
            return
        self.host.setText(settings.host)
        index = self.security.findData(settings.security)
        self.security.setCurrentIndex(max(0, index))
        self.port.setValue(settings.port)
        self.username.setText(settings.username)
        self.from_address.setText(settings.from_address)
        self.from_name.setText(settings.from_name)

    def _on_security(self, *_args: object) -> None:
        if self.port.value() in DEFAULT_PORTS.values():
            self.port.setValue(DEFAULT_PORTS[str(self.security.currentData())])

    def settings(self) -> SmtpSettings:
        return SmtpSettings(
            host=self.host.text().strip(),
            port=self.port.value(),
            security=str(self.security.currentData()),
            username=self.username.text().strip(),
            from_address=self.from_address.text().strip(),
            from_name=self.from_name.text().strip(),
        )

    def _show(self, text: str, *, error: bool) -> None:
        self.message.setStyleSheet("color: #b00020;" if error else "color: #1b5e20;")
        self.message.setText(text)

    def save(self) -> None:
        """Save on the database worker; :attr:`saved` is emitted once it is stored."""
        settings, password, outbox = self.settings(), self.password.text() or None, self._outbox
        keyring_failed = self.tr("No se pudo guardar la contraseña en el llavero: %1")

        def work(_ctx: TaskContext) -> None:
            try:
                outbox.save_smtp_settings(settings, password)
            except CobranzaError:
                raise
            except Exception as exc:  # the keyring may be unavailable: say so, plainly
                raise CobranzaError(keyring_failed.replace("%1", str(exc))) from exc

        self._runner.write(work, OpChanges.of(Kind.SETTINGS, Kind.MESSAGES)).success(
            lambda _none: self._saved()
        ).error(lambda message: self._show(message, error=True)).run()

    def _saved(self) -> None:
        self.password.clear()
        self._show(self.tr("Configuración guardada."), error=False)
        self.saved.emit()

    def test_connection(self) -> None:
        settings = self.settings()
        try:
            settings.validate()
        except ValidationError as exc:
            self._show(exc.message, error=True)
            return
        self.test_button.setEnabled(False)
        self._show(self.tr("Probando la conexión…"), error=False)
        password = self.password.text() or None
        outbox = self._outbox
        self._runner.query(lambda _ctx: outbox.test_connection(settings, password)).success(
            self._test_done
        ).error(self._test_failed).describe(self.tr("Probando la conexión")).run()

    def _test_done(self, message: str) -> None:
        self.test_button.setEnabled(True)
        self._show(message, error=False)

    def _test_failed(self, message: str) -> None:
        self.test_button.setEnabled(True)
        self._show(message, error=True)
