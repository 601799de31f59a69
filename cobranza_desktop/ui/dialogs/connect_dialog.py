"""Archivo → Conectar a un servidor…: a book on a PostgreSQL server, for an office.

Server, port, database, user and password. The password goes to the system keyring
(never to the settings file); the recent books remember the address without it.
"Probar conexión" connects once on the database worker and says who the server took
us for, or why it refused.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from cobranza_desktop.services.book.servers import (
    ServerAddress,
    remember_password,
    test_connection,
)
from cobranza_desktop.ui.tasks import TaskFailure, TaskRunner
from cobranza_desktop.ui.widgets.forms import FieldErrors, grid_row

DEFAULT_PORT = 5432


class ConnectDialog(QDialog):
    def __init__(
        self,
        runner: TaskRunner,
        on_connect: Callable[[str], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._runner = runner
        self._on_connect = on_connect
        self.setWindowTitle(self.tr("Conectar a un servidor"))
        self.host = QLineEdit()
        self.host.setPlaceholderText(self.tr("p. ej. servidor.local o 192.168.1.10"))
        self.port = QSpinBox()
        self.port.setRange(1, 65535)
        self.port.setValue(DEFAULT_PORT)
        self.database = QLineEdit()
        self.database.setPlaceholderText(self.tr("p. ej. cobranza"))
        self.user = QLineEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.save_password = QCheckBox(self.tr("Guardar la contraseña en el llavero del sistema"))
        self.save_password.setChecked(True)
        intro = QLabel(
            self.tr(
                "Un libro en un servidor PostgreSQL lo comparten varias personas a la vez. "
                "Cada quien entra con su propio usuario de la base de datos; su rol (dueño, "
                "cobrador o solo lectura) lo da el dueño en Configuración → Usuarios."
            )
        )
        intro.setWordWrap(True)
        self.result_label = QLabel()
        self.result_label.setObjectName("connectResult")
        self.result_label.setWordWrap(True)
        self.error_label = QLabel()
        self.errors = FieldErrors(
            self.error_label,
            {"host": self.host, "port": self.port, "database": self.database, "user": self.user},
        )
        grid = QGridLayout()
        grid_row(grid, 0, self.tr("Servidor"), self.host)
        grid_row(grid, 1, self.tr("Puerto"), self.port)
        grid_row(grid, 2, self.tr("Base de datos"), self.database)
        grid_row(grid, 3, self.tr("Usuario"), self.user)
        grid_row(grid, 4, self.tr("Contraseña"), self.password)
        grid.addWidget(self.save_password, 5, 1)
        self.test_button = QPushButton(self.tr("Probar conexión"))
        self.test_button.clicked.connect(self.test)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.connect_button = self.buttons.addButton(
            self.tr("Conectar"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.addButton(self.test_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.accepted.connect(self.connect_to_server)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(grid)
        layout.addWidget(self.error_label)
        layout.addWidget(self.result_label)
        layout.addWidget(self.buttons)
        self.resize(520, self.sizeHint().height())

    def address(self) -> ServerAddress:
        return ServerAddress(
            self.host.text(), self.port.value(), self.database.text(), self.user.text()
        )

    def test(self) -> None:
        self.errors.clear()
        self.result_label.clear()
        address, password = self.address(), self.password.text()
        self.test_button.setEnabled(False)
        self._runner.query(lambda _ctx: test_connection(address, password)).success(
            self._tested
        ).failure(self._failed).run()

    def _tested(self, login: str) -> None:
        self.test_button.setEnabled(True)
        self.result_label.setText(
            self.tr("Conexión correcta: el servidor le reconoce como %1.").replace("%1", login)
        )

    def _failed(self, failure: TaskFailure) -> None:
        self.test_button.setEnabled(True)
        self.connect_button.setEnabled(True)
        self.errors.show(failure.message, failure.field)

    def connect_to_server(self) -> None:
        """Keep the password in the keyring (if asked), then open the book at the URL."""
        self.errors.clear()
        address, password = self.address(), self.password.text()
        keep = self.save_password.isChecked() and bool(password)
        self.connect_button.setEnabled(False)

        def work(_ctx: object) -> str:
            if keep:
                remember_password(address, password)
            return address.validated().url()

        self._runner.query(work).success(self._ready).failure(self._failed).run()

    def _ready(self, url: str) -> None:
        self.accept()
        self._on_connect(url)
