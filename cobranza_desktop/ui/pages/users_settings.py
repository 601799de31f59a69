"""Configuración → Usuarios: who works on this book, with which role, and what they did.

The owner adds users (the login is the database user on a server, the computer's
user name on a file), changes their role and deactivates them. Anyone else sees the
list and the reason they cannot change it: the services refuse the change anyway,
the page only says so first. Below, the latest entries of the audit trail.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from cobranza_desktop.domain.access import Actor, Role
from cobranza_desktop.domain.formatting import format_datetime
from cobranza_desktop.services.base.audit import AuditService, AuditView
from cobranza_desktop.services.base.users import UserService, UserView
from cobranza_desktop.ui.models.list_model import ListTableModel
from cobranza_desktop.ui.models.paged import Column
from cobranza_desktop.ui.tasks import Kind, OpChanges, TaskFailure, TaskRunner
from cobranza_desktop.ui.widgets.forms import FieldErrors, grid_row
from cobranza_desktop.ui.widgets.table import make_table, set_widths

ACTIVITY_ROWS = 200


class UsersSettingsPage(QWidget):
    def __init__(
        self,
        users: UserService,
        audit: AuditService,
        runner: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._users = users
        self._audit = audit
        self._runner = runner
        self.me: Actor | None = None

        self.me_label = QLabel()
        self.me_label.setObjectName("usersMe")
        self.me_label.setWordWrap(True)

        self.user_model: ListTableModel[UserView] = ListTableModel(
            [
                Column("login", self.tr("Usuario"), lambda u: u.login),
                Column("name", self.tr("Nombre"), lambda u: u.display_name),
                Column("role", self.tr("Rol"), lambda u: self.role_label(u.role)),
                Column(
                    "active",
                    self.tr("Estado"),
                    lambda u: self.tr("Activo") if u.active else self.tr("Dado de baja"),
                ),
            ]
        )
        self.user_table = make_table(sortable=False)
        self.user_table.setModel(self.user_model)
        set_widths(self.user_table, [160, 220, 130, 110])
        self.user_table.selectionModel().currentRowChanged.connect(self._selected)

        self.role_box = self._role_combo()
        self.set_role_button = QPushButton(self.tr("Cambiar rol"))
        self.set_role_button.clicked.connect(self.change_role)
        self.toggle_button = QPushButton(self.tr("Dar de baja"))
        self.toggle_button.clicked.connect(self.toggle_active)
        selected_row = QHBoxLayout()
        selected_row.addWidget(QLabel(self.tr("Usuario seleccionado:")))
        selected_row.addWidget(self.role_box)
        selected_row.addWidget(self.set_role_button)
        selected_row.addWidget(self.toggle_button)
        selected_row.addStretch(1)

        self.new_login = QLineEdit()
        self.new_login.setPlaceholderText(self.tr("nombre de acceso, p. ej. maria"))
        self.new_name = QLineEdit()
        self.new_role = self._role_combo(Role.COLLECTOR)
        self.add_button = QPushButton(self.tr("Dar de alta"))
        self.add_button.clicked.connect(self.add_user)
        self.error_label = QLabel()
        self.error_label.setObjectName("errorLabel")
        self.error_label.setWordWrap(True)
        self.errors = FieldErrors(self.error_label, {"login": self.new_login})
        add_box = QGroupBox(self.tr("Nuevo usuario"))
        grid = QGridLayout(add_box)
        grid_row(grid, 0, self.tr("Usuario"), self.new_login)
        grid_row(grid, 1, self.tr("Nombre"), self.new_name)
        grid_row(grid, 2, self.tr("Rol"), self.new_role)
        grid.addWidget(self.add_button, 3, 1)
        hint = QLabel(
            self.tr(
                "En un servidor, el usuario es el de la base de datos (quien se conecta). "
                "En un libro en este equipo, es el nombre de usuario de la computadora. "
                "Dueño: todo, incluida la configuración. Cobrador: contactos, promesas, "
                "mensajes y pagos. Solo lectura: consulta sin cambiar nada."
            )
        )
        hint.setWordWrap(True)

        self.activity_model: ListTableModel[AuditView] = ListTableModel(
            [
                Column("at", self.tr("Fecha y hora"), lambda e: format_datetime(e.at)),
                Column("who", self.tr("Quién"), lambda e: e.author),
                Column("what", self.tr("Qué"), lambda e: e.action_label),
                Column("detail", self.tr("Detalle"), lambda e: e.summary),
            ]
        )
        self.activity_table = make_table(sortable=False)
        self.activity_table.setModel(self.activity_model)
        set_widths(self.activity_table, [160, 150, 210, 360])

        top = QHBoxLayout()
        left = QVBoxLayout()
        left.addWidget(self.me_label)
        left.addWidget(self.user_table, 1)
        left.addLayout(selected_row)
        top.addLayout(left, 3)
        right = QVBoxLayout()
        right.addWidget(add_box)
        right.addWidget(hint)
        right.addWidget(self.error_label)
        right.addStretch(1)
        top.addLayout(right, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(top, 2)
        layout.addWidget(QLabel(self.tr("Actividad reciente")))
        layout.addWidget(self.activity_table, 3)

        runner.data_changed.connect(self._data_changed)
        self.reload()

    def role_label(self, role: Role) -> str:
        return {
            Role.OWNER: self.tr("Dueño"),
            Role.COLLECTOR: self.tr("Cobrador"),
            Role.READ_ONLY: self.tr("Solo lectura"),
        }[role]

    def _role_combo(self, current: Role = Role.COLLECTOR) -> QComboBox:
        box = QComboBox()
        for role in Role:
            box.addItem(self.role_label(role), role.value)
        box.setCurrentIndex(box.findData(current.value))
        return box

    # -- loading ---------------------------------------------------------------------------

    def reload(self) -> None:
        users, audit = self._users, self._audit
        self._runner.query(
            lambda _ctx: (users.me(), users.list(), audit.entries(limit=ACTIVITY_ROWS))
        ).success(self._show).key(f"users-{id(self)}").run()

    def _data_changed(self, changes: OpChanges) -> None:
        if changes.kinds:  # any write is activity; settings may be a role change
            self.reload()

    def _show(self, loaded: tuple[Actor, tuple[UserView, ...], tuple[AuditView, ...]]) -> None:
        me, users, activity = loaded
        self.me = me
        who = me.shown_name
        if not users:
            text = self.tr(
                "Este libro no tiene usuarios: quien lo abre (%1) es su dueño. Dé de alta "
                "a las personas que trabajarán en él; usted quedará registrado como dueño."
            ).replace("%1", who)
        else:
            text = (
                self.tr("Usted trabaja como %1 (%2).")
                .replace("%1", who)
                .replace("%2", self.role_label(me.role))
            )
        owner = me.role is Role.OWNER
        if not owner:
            text += " " + self.tr("Solo el dueño puede dar de alta usuarios y cambiar sus roles.")
        self.me_label.setText(text)
        for widget in (
            self.add_button,
            self.new_login,
            self.new_name,
            self.new_role,
            self.role_box,
            self.set_role_button,
            self.toggle_button,
        ):
            widget.setEnabled(owner)
        self.user_model.set_rows(list(users))
        self.activity_model.set_rows(list(activity))
        self._selected(self.user_table.currentIndex(), QModelIndex())

    def selected_user(self) -> UserView | None:
        index = self.user_table.currentIndex()
        return self.user_model.row_at(index.row()) if index.isValid() else None

    def _selected(self, current: QModelIndex, _previous: QModelIndex) -> None:
        user = self.selected_user()
        if user is None:
            self.set_role_button.setEnabled(False)
            self.toggle_button.setEnabled(False)
            return
        owner = self.me is not None and self.me.role is Role.OWNER
        self.set_role_button.setEnabled(owner)
        self.toggle_button.setEnabled(owner)
        self.role_box.setCurrentIndex(self.role_box.findData(user.role.value))
        self.toggle_button.setText(self.tr("Dar de baja") if user.active else self.tr("Reactivar"))

    # -- writing ---------------------------------------------------------------------------

    def add_user(self) -> None:
        self.errors.clear()
        users = self._users
        login, name = self.new_login.text(), self.new_name.text()
        role = Role(self.new_role.currentData())
        self._runner.write(
            lambda _ctx: users.add(login, role, name), OpChanges.of(Kind.SETTINGS)
        ).success(self._added).failure(self._failed).run()

    def _added(self, _user: UserView) -> None:
        self.new_login.clear()
        self.new_name.clear()

    def change_role(self) -> None:
        user = self.selected_user()
        if user is None:
            return
        self.errors.clear()
        users, role = self._users, Role(self.role_box.currentData())
        self._runner.write(
            lambda _ctx: users.set_role(user.login, role), OpChanges.of(Kind.SETTINGS)
        ).failure(self._failed).run()

    def toggle_active(self) -> None:
        user = self.selected_user()
        if user is None:
            return
        self.errors.clear()
        users = self._users
        self._runner.write(
            lambda _ctx: users.set_active(user.login, not user.active),
            OpChanges.of(Kind.SETTINGS),
        ).failure(self._failed).run()

    def _failed(self, failure: TaskFailure) -> None:
        self.errors.show(failure.message, failure.field)
