<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US" sourcelanguage="es_MX">
<context>
    <name>AgingPage</name>
    <message>
        <location filename="../../cobranza_desktop/ui/pages/aging_page.py" line="61" />
        <location filename="../../cobranza_desktop/ui/pages/aging_page.py" line="246" />
        <source>Antigüedad de saldos</source>
        <extracomment>Emitted when a report is shown (tests and the status line listen).</extracomment>
        <translation>Accounts receivable aging</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/pages/aging_page.py" line="65" />
        <source>Exportar CSV</source>
        <translation>Export CSV</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/pages/aging_page.py" line="66" />
        <source>Exportar Excel</source>
        <translation>Export Excel</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/pages/aging_page.py" line="78" />
        <source>Al día</source>
        <translation>As of</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/pages/aging_page.py" line="138" />
        <source>Calculando…</source>
        <translation>Calculating…</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/pages/aging_page.py" line="145" />
        <source>Calculando antigüedad</source>
        <translation>Calculating aging</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/pages/aging_page.py" line="156" />
        <location filename="../../cobranza_desktop/ui/pages/aging_page.py" line="244" />
        <source>Cliente</source>
        <translation>Customer</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/pages/aging_page.py" line="170" />
        <location filename="../../cobranza_desktop/ui/pages/aging_page.py" line="174" />
        <location filename="../../cobranza_desktop/ui/pages/aging_page.py" line="244" />
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/pages/aging_page.py" line="181" />
        <source>%1 clientes con saldo al %2 · Total por cobrar: %3</source>
        <translation>%1 customers with a balance on %2 · Total receivable: %3</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/pages/aging_page.py" line="203" />
        <source>Nadie debe nada a esta fecha</source>
        <translation>Nobody owes anything on this date</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/pages/aging_page.py" line="228" />
        <source>Los %1 saldos más grandes, por antigüedad</source>
        <translation>The %1 largest balances, by age</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/pages/aging_page.py" line="254" />
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/pages/aging_page.py" line="254" />
        <source>Excel (*.xlsx)</source>
        <translation>Excel (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/pages/aging_page.py" line="255" />
        <source>Exportar</source>
        <translation>Export</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/pages/aging_page.py" line="265" />
        <source>No se pudo guardar el archivo: %1</source>
        <translation>The file could not be saved: %1</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/pages/aging_page.py" line="268" />
        <source>Exportado a %1</source>
        <translation>Exported to %1</translation>
    </message>
</context>
<context>
    <name>Application</name>
    <message>
        <location filename="../../cobranza_desktop/ui/app.py" line="288" />
        <source>No se pudo abrir el libro.</source>
        <translation>The book could not be opened.</translation>
    </message>
</context>
<context>
    <name>ApplyPenaltiesDialog</name>
    <message>
        <location filename="../../cobranza_desktop/ui/dialogs/apply_penalties.py" line="175" />
        <source>Aplicar penalizaciones</source>
        <translation>Apply penalties</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/dialogs/apply_penalties.py" line="183" />
        <source>Revise los cargos antes de aplicarlos. Nada se escribe hasta que pulse «Aplicar». Los periodos ya cobrados no se vuelven a cobrar.</source>
        <translation>Review the charges before applying them. Nothing is written until you press “Apply”. Periods already charged are never charged again.</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/dialogs/apply_penalties.py" line="189" />
        <source>Calcular al:</source>
        <translation>Calculate as of:</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/dialogs/apply_penalties.py" line="192" />
        <source>Marcar todos</source>
        <translation>Select all</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/dialogs/apply_penalties.py" line="193" />
        <source>Desmarcar todos</source>
        <translation>Select none</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/dialogs/apply_penalties.py" line="206" />
        <source>No hay penalizaciones por aplicar a esta fecha.</source>
        <translation>There are no penalties to apply on this date.</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/dialogs/apply_penalties.py" line="217" />
        <source>Aplicar</source>
        <translation>Apply</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/dialogs/apply_penalties.py" line="219" />
        <source>Cerrar</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/dialogs/apply_penalties.py" line="274" />
        <source>{0} cargos de {1} clientes · total {2}</source>
        <translation>{0} charges for {1} customers · total {2}</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/dialogs/apply_penalties.py" line="304" />
        <source>Se aplicaron {0} cargos por {1}.</source>
        <translation>{0} charges were applied for {1}.</translation>
    </message>
</context>
<context>
    <name>ChargeTableModel</name>
    <message>
        <location filename="../../cobranza_desktop/ui/pages/customer_penalties.py" line="51" />
        <source>Documento</source>
        <translation>Document</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/pages/customer_penalties.py" line="52" />
        <source>Factura</source>
        <translation>Invoice</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/pages/customer_penalties.py" line="53" />
        <source>Concepto</source>
        <translation>Item</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/pages/customer_penalties.py" line="54" />
        <source>Periodo</source>
        <translation>Period</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/pages/customer_penalties.py" line="55" />
        <source>Importe</source>
        <translation>Amount</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/pages/customer_penalties.py" line="56" />
        <location filename="../../cobranza_desktop/ui/pages/customer_penalties.py" line="109" />
        <source>Pagado</source>
        <translation>Paid</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/pages/customer_penalties.py" line="57" />
        <source>Estado</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/pages/customer_penalties.py" line="95" />
        <source>Cargo por atraso</source>
        <translation>Late fee</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/pages/customer_penalties.py" line="97" />
        <source>Interés moratorio</source>
        <translation>Late interest</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/pages/customer_penalties.py" line="108" />
        <source>Condonado: {0}</source>
        <translation>Waived: {0}</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/pages/customer_penalties.py" line="109" />
        <source>Por cobrar</source>
        <translation>Receivable</translation>
    </message>
</context>
<context>
    <name>CustomerDialog</name>
    <message>
        <location filename="../../cobranza_desktop/ui/dialogs/customer_dialog.py" line="23" />
        <source>Nuevo cliente</source>
        <translation>New customer</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/dialogs/customer_dialog.py" line="50" />
        <source>Guardando cliente</source>
        <translation>Saving customer</translation>
    </message>
</context>
<context>
    <name>CustomerFile</name>
    <message>
        <location filename="../../cobranza_desktop/ui/pages/customer_file.py" line="82" />
        <source>← Clientes</source>
        <translation>← Customers</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/pages/customer_file.py" line="96" />
        <location filename="../../cobranza_desktop/ui/pages/customer_file.py" line="135" />
        <source>Saldo</source>
        <translation>Balance</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/pages/customer_file.py" line="97" />
        <source>Vencido</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/pages/customer_file.py" line="98" />
        <source>Días de atraso</source>
        <translation>Days late</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/pages/customer_file.py" line="99" />
        <source>Saldo a favor</source>
        <translation>Credit</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/pages/customer_file.py" line="104" />
        <source>Nueva factura</source>
        <translation>New invoice</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/pages/customer_file.py" line="105" />
        <source>Registrar pago</source>
        <translation>Record payment</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/pages/customer_file.py" line="106" />
        <source>Redactar recordatorio</source>
        <translation>Compose reminder</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/pages/customer_file.py" line="107" />
        <source>Ver estado de cuenta</source>
        <translation>View statement</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/pages/customer_file.py" line="110" />
        <source>El redactor de recordatorios llegará pronto.</source>
        <translation>The reminder composer is coming soon.</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/pages/customer_file.py" line="113" />
        <source>El estado de cuenta llegará pronto.</source>
        <translation>The statement of account is coming soon.</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/pages/customer_file.py" line="131" />
        <source>Número</source>
        <translation>Number</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/pages/customer_file.py" line="131" />
        <source>Borrador</source>
        <translation>Draft</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/pages/customer_file.py" line="132" />
        <source>Emisión</source>
        <translation>Issued</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/pages/customer_file.py" line="133" />
        <source>Vence</source>
        <translation>Due</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/pages/customer_file.py" line="134" />
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/pages/customer_file.py" line="136" />
        <source>Estado</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/pages/customer_file.py" line="146" />
        <source>Fecha</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/pages/customer_file.py" line="147" />
        <source>Monto</source>
        <translation>Amount</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/pages/customer_file.py" line="148" />
        <source>Forma</source>
        <translation>Method</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/pages/customer_file.py" line="149" />
        <source>Referencia</source>
        <translation>Reference</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/pages/customer_file.py" line="152" />
        <source>Aplicado a</source>
        <translation>Applied to</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/pages/customer_file.py" line="155" />
        <source> (revertido)</source>
        <translation> (reversed)</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/pages/customer_file.py" line="166" />
        <source>Guardar cambios</source>
        <translation>Save changes</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/pages/customer_file.py" line="183" />
        <source>Sin contactos registrados</source>
        <translation>No contacts recorded</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/pages/customer_file.py" line="185" />
        <source>Aquí aparecerán las llamadas, mensajes y promesas de pago de este cliente. Esta función llegará pronto.</source>
        <translation>Calls, messages and payment promises with this customer will appear here. This feature is coming soon.</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/pages/customer_file.py" line="190" />
        <source>Facturas</source>
        <translation>Invoices</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/pages/customer_file.py" line="191" />
        <source>Pagos</source>
        <translation>Payments</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/pages/customer_file.py" line="192" />
        <source>Historial de contacto</source>
        <translation>Contact history</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/pages/customer_file.py" line="193" />
        <source>Datos de contacto</source>
        <translation>Contact details</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/pages/customer_file.py" line="211" />
        <source>Cargando…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/pages/customer_file.py" line="269" />
        <source>Cambios guardados.</source>
        <translation>Changes saved.</translation>
    </message>
</context>
<context>
    <name>CustomerForm</name>
    <message>
        <location filename="../../cobranza_desktop/ui/widgets/customer_form.py" line="33" />
        <source>Nombre o razón social</source>
        <translation>Name or company name</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/widgets/customer_form.py" line="35" />
        <source>Opcional, 12 o 13 caracteres</source>
        <translation>Optional, 12 or 13 characters</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/widgets/customer_form.py" line="40" />
        <location filename="../../cobranza_desktop/ui/widgets/customer_form.py" line="42" />
        <source>10 dígitos</source>
        <translation>10 digits</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/widgets/customer_form.py" line="46" />
        <source>Los del negocio</source>
        <translation>The business default</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/widgets/customer_form.py" line="47" />
        <source> días</source>
        <translation> days</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/widgets/customer_form.py" line="50" />
        <source>Sin límite</source>
        <translation>No limit</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/widgets/customer_form.py" line="62" />
        <source>Nombre</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/widgets/customer_form.py" line="63" />
        <source>RFC</source>
        <translation>RFC (tax ID)</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/widgets/customer_form.py" line="64" />
        <source>Contacto</source>
        <translation>Contact</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/widgets/customer_form.py" line="65" />
        <source>Correo</source>
        <translation>Email</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/widgets/customer_form.py" line="66" />
        <source>Teléfono</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/widgets/customer_form.py" line="67" />
        <source>WhatsApp</source>
        <translation>WhatsApp</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/widgets/customer_form.py" line="68" />
        <source>Dirección</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/widgets/customer_form.py" line="69" />
        <source>Plazo de pago</source>
        <translation>Payment terms</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/widgets/customer_form.py" line="70" />
        <source>Límite de crédito</source>
        <translation>Credit limit</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/widgets/customer_form.py" line="71" />
        <source>Canal preferido</source>
        <translation>Preferred channel</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/widgets/customer_form.py" line="72" />
        <source>Notas</source>
        <translation>Notes</translation>
    </message>
</context>
<context>
    <name>CustomerList</name>
    <message>
        <location filename="../../cobranza_desktop/ui/pages/customer_list.py" line="116" />
        <source>Clientes</source>
        <translation>Customers</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/pages/customer_list.py" line="119" />
        <source>Buscar por nombre, RFC, teléfono o correo</source>
        <translation>Search by name, RFC, phone or email</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/pages/customer_list.py" line="122" />
        <source>Solo vencidos</source>
        <translation>Overdue only</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/pages/customer_list.py" line="124" />
        <source>Todos los estados</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/pages/customer_list.py" line="146" />
        <source>No hay clientes todavía</source>
        <translation>No customers yet</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/pages/customer_list.py" line="147" />
        <source>Crea uno o carga el ejemplo con «cobranza demo».</source>
        <translation>Create one, or load the example with “cobranza demo”.</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/pages/customer_list.py" line="149" />
        <source>Nuevo cliente</source>
        <translation>New customer</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/pages/customer_list.py" line="152" />
        <source>Ningún cliente coincide con la búsqueda o los filtros.</source>
        <translation>No customer matches the search or the filters.</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/pages/customer_list.py" line="182" />
        <source>Cualquier antigüedad</source>
        <translation>Any age</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/pages/customer_list.py" line="186" />
        <source>%1 a %2 días</source>
        <translation>%1 to %2 days</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/pages/customer_list.py" line="190" />
        <source>Más de %1 días</source>
        <translation>Over %1 days</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/pages/customer_list.py" line="237" />
        <source>1 cliente</source>
        <translation>1 customer</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/pages/customer_list.py" line="239" />
        <source>%1 clientes</source>
        <translation>%1 customers</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/pages/customer_list.py" line="245" />
        <source>Saldo: %1</source>
        <translation>Balance: %1</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/pages/customer_list.py" line="246" />
        <source>Vencido: %1</source>
        <translation>Overdue: %1</translation>
    </message>
</context>
<context>
    <name>CustomerListModel</name>
    <message>
        <location filename="../../cobranza_desktop/ui/pages/customer_list.py" line="78" />
        <source>Nombre</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/pages/customer_list.py" line="79" />
        <source>Teléfono</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/pages/customer_list.py" line="80" />
        <source>Saldo</source>
        <translation>Balance</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/pages/customer_list.py" line="83" />
        <source>Vencido</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/pages/customer_list.py" line="90" />
        <source>Días de atraso</source>
        <translation>Days late</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/pages/customer_list.py" line="95" />
        <source>Estado</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/pages/customer_list.py" line="96" />
        <source>Próxima acción</source>
        <translation>Next action</translation>
    </message>
</context>
<context>
    <name>CustomerPenaltiesPanel</name>
    <message>
        <location filename="../../cobranza_desktop/ui/pages/customer_penalties.py" line="145" />
        <source>No se han aplicado cargos a este cliente.</source>
        <translation>No charges have been applied to this customer.</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/pages/customer_penalties.py" line="148" />
        <source>Condonar…</source>
        <translation>Waive…</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/pages/customer_penalties.py" line="149" />
        <source>Aplicar penalizaciones…</source>
        <translation>Apply penalties…</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/pages/customer_penalties.py" line="174" />
        <source>condiciones propias del cliente</source>
        <translation>the customer’s own terms</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/pages/customer_penalties.py" line="176" />
        <source>política del negocio</source>
        <translation>business policy</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/pages/customer_penalties.py" line="179" />
        <source>Condiciones ({0}): {1}</source>
        <translation>Terms ({0}): {1}</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/pages/customer_penalties.py" line="183" />
        <source>Penalizaciones a la fecha: {0} · cargadas {1} (por cobrar {2}) · generadas sin cargar {3} · condonadas {4}</source>
        <translation>Penalties to date: {0} · charged {1} (receivable {2}) · accrued, not charged {3} · waived {4}</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/pages/customer_penalties.py" line="223" />
        <source>Se condonó {0} por {1}.</source>
        <translation>{0} was waived for {1}.</translation>
    </message>
</context>
<context>
    <name>CustomerPicker</name>
    <message>
        <location filename="../../cobranza_desktop/ui/widgets/customer_picker.py" line="24" />
        <source>Escriba parte del nombre del cliente</source>
        <translation>Type part of the customer’s name</translation>
    </message>
</context>
<context>
    <name>InvoiceEditor</name>
    <message>
        <location filename="../../cobranza_desktop/ui/dialogs/invoice_editor.py" line="99" />
        <source>Según el plazo del cliente</source>
        <translation>From the customer’s terms</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/dialogs/invoice_editor.py" line="107" />
        <source>Cliente</source>
        <translation>Customer</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/dialogs/invoice_editor.py" line="108" />
        <source>Fecha de emisión</source>
        <translation>Issue date</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/dialogs/invoice_editor.py" line="113" />
        <source>Vencimiento</source>
        <translation>Due date</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/dialogs/invoice_editor.py" line="114" />
        <source>Notas</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/dialogs/invoice_editor.py" line="119" />
        <source>Descripción</source>
        <translation>Description</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/dialogs/invoice_editor.py" line="120" />
        <source>Cantidad</source>
        <translation>Quantity</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/dialogs/invoice_editor.py" line="121" />
        <source>Precio unitario</source>
        <translation>Unit price</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/dialogs/invoice_editor.py" line="122" />
        <source>Descuento %</source>
        <translation>Discount %</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/dialogs/invoice_editor.py" line="123" />
        <source>IVA %</source>
        <translation>VAT %</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/dialogs/invoice_editor.py" line="124" />
        <source>Importe</source>
        <translation>Amount</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/dialogs/invoice_editor.py" line="140" />
        <source>Agregar renglón</source>
        <translation>Add line</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/dialogs/invoice_editor.py" line="142" />
        <source>Quitar renglón</source>
        <translation>Remove line</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/dialogs/invoice_editor.py" line="158" />
        <source>Subtotal</source>
        <translation>Subtotal</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/dialogs/invoice_editor.py" line="159" />
        <source>Descuento incluido</source>
        <translation>Discount included</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/dialogs/invoice_editor.py" line="160" />
        <source>IVA</source>
        <translation>VAT</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/dialogs/invoice_editor.py" line="161" />
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/dialogs/invoice_editor.py" line="183" />
        <source>Emitir factura</source>
        <translation>Issue invoice</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/dialogs/invoice_editor.py" line="200" />
        <source>Motivo de la cancelación</source>
        <translation>Reason for voiding</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/dialogs/invoice_editor.py" line="201" />
        <source>Cancelar factura</source>
        <translation>Void invoice</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/dialogs/invoice_editor.py" line="216" />
        <location filename="../../cobranza_desktop/ui/dialogs/invoice_editor.py" line="217" />
        <source>Nueva factura</source>
        <translation>New invoice</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/dialogs/invoice_editor.py" line="394" />
        <source>Emitiendo factura</source>
        <translation>Issuing invoice</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/dialogs/invoice_editor.py" line="402" />
        <source>Escriba el motivo de la cancelación.</source>
        <translation>Write the reason for voiding.</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/dialogs/invoice_editor.py" line="435" />
        <source>Factura %1</source>
        <translation>Invoice %1</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/dialogs/invoice_editor.py" line="435" />
        <source>(borrador)</source>
        <translation>(draft)</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/dialogs/invoice_editor.py" line="450" />
        <source>Cancelada el %1: %2</source>
        <translation>Voided on %1: %2</translation>
    </message>
</context>
<context>
    <name>InvoiceListModel</name>
    <message>
        <location filename="../../cobranza_desktop/ui/pages/invoices_page.py" line="69" />
        <source>Número</source>
        <translation>Number</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/pages/invoices_page.py" line="69" />
        <source>Borrador</source>
        <translation>Draft</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/pages/invoices_page.py" line="70" />
        <source>Cliente</source>
        <translation>Customer</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/pages/invoices_page.py" line="71" />
        <source>Emisión</source>
        <translation>Issued</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/pages/invoices_page.py" line="72" />
        <source>Vence</source>
        <translation>Due</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/pages/invoices_page.py" line="73" />
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/pages/invoices_page.py" line="74" />
        <source>Saldo</source>
        <translation>Balance</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/pages/invoices_page.py" line="75" />
        <source>Estado</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>InvoicesPage</name>
    <message>
        <location filename="../../cobranza_desktop/ui/pages/invoices_page.py" line="97" />
        <source>Facturas</source>
        <translation>Invoices</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/pages/invoices_page.py" line="100" />
        <source>Todas</source>
        <translation>All</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/pages/invoices_page.py" line="101" />
        <source>Abiertas</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/pages/invoices_page.py" line="102" />
        <source>Vencidas</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/pages/invoices_page.py" line="103" />
        <source>Pagadas</source>
        <translation>Paid</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/pages/invoices_page.py" line="104" />
        <source>Borradores</source>
        <translation>Drafts</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/pages/invoices_page.py" line="105" />
        <source>Canceladas</source>
        <translation>Voided</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/pages/invoices_page.py" line="109" />
        <source>Cliente</source>
        <translation>Customer</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/pages/invoices_page.py" line="112" />
        <source>Estado</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/pages/invoices_page.py" line="115" />
        <source>Emitidas del</source>
        <translation>Issued from</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/pages/invoices_page.py" line="117" />
        <source>al</source>
        <translation>to</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/pages/invoices_page.py" line="173" />
        <source>%1 facturas</source>
        <translation>%1 invoices</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/pages/invoices_page.py" line="174" />
        <source>Total: %1</source>
        <translation>Total: %1</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/pages/invoices_page.py" line="175" />
        <source>Por cobrar: %1</source>
        <translation>Receivable: %1</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../cobranza_desktop/ui/main_window.py" line="92" />
        <source>Cobranza Desktop</source>
        <translation>Cobranza Desktop</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/main_window.py" line="103" />
        <source>Abriendo el libro…</source>
        <translation>Opening the book…</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/main_window.py" line="136" />
        <source>Nuevo cliente</source>
        <translation>New customer</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/main_window.py" line="139" />
        <source>Nueva factura</source>
        <translation>New invoice</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/main_window.py" line="142" />
        <source>Registrar pago</source>
        <translation>Record payment</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/main_window.py" line="145" />
        <source>Buscar</source>
        <translation>Search</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/main_window.py" line="148" />
        <source>Salir</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/main_window.py" line="169" />
        <source>&amp;Archivo</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/main_window.py" line="177" />
        <source>&amp;Ir a</source>
        <translation>&amp;Go to</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/main_window.py" line="185" />
        <source>Acciones</source>
        <translation>Actions</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/main_window.py" line="258" />
        <source>Cancelar</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/main_window.py" line="289" />
        <source>No se pudo completar</source>
        <translation>Could not be completed</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/main_window.py" line="333" />
        <source>Esta función llegará pronto.</source>
        <translation>This feature is coming soon.</translation>
    </message>
</context>
<context>
    <name>OptionalDateEdit</name>
    <message>
        <location filename="../../cobranza_desktop/ui/widgets/date_filter.py" line="21" />
        <source>cualquiera</source>
        <translation>any</translation>
    </message>
</context>
<context>
    <name>Pages</name>
    <message>
        <location filename="../../cobranza_desktop/ui/wiring.py" line="78" />
        <source>Hoy</source>
        <translation>Today</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/wiring.py" line="81" />
        <source>Aquí verás las acciones de cobranza de hoy: a quién llamar, a quién escribir y qué promesas vencen. Esta función llegará pronto.</source>
        <translation>Here you will see today’s collection actions: whom to call, whom to write to and which promises fall due. This feature is coming soon.</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/wiring.py" line="88" />
        <source>Clientes</source>
        <translation>Customers</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/wiring.py" line="90" />
        <source>Facturas</source>
        <translation>Invoices</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/wiring.py" line="91" />
        <source>Pagos</source>
        <translation>Payments</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/wiring.py" line="92" />
        <source>Antigüedad</source>
        <translation>Aging</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/wiring.py" line="95" />
        <source>Planes de pago</source>
        <translation>Payment plans</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/wiring.py" line="98" />
        <source>Aquí verás los convenios y planes de pago con tus clientes. Esta función llegará pronto.</source>
        <translation>Here you will see the payment agreements and plans with your customers. This feature is coming soon.</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/wiring.py" line="106" />
        <source>Mensajes</source>
        <translation>Messages</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/wiring.py" line="109" />
        <source>Aquí verás los mensajes enviados y por enviar, y sus respuestas. Esta función llegará pronto.</source>
        <translation>Here you will see the messages sent and to be sent, and their replies. This feature is coming soon.</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/wiring.py" line="116" />
        <source>Configuración</source>
        <translation>Settings</translation>
    </message>
</context>
<context>
    <name>PaymentDialog</name>
    <message>
        <location filename="../../cobranza_desktop/ui/dialogs/payment_dialog.py" line="62" />
        <location filename="../../cobranza_desktop/ui/dialogs/payment_dialog.py" line="124" />
        <source>Registrar pago</source>
        <translation>Record payment</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/dialogs/payment_dialog.py" line="81" />
        <source>Folio de transferencia, número de cheque…</source>
        <translation>Transfer reference, check number…</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/dialogs/payment_dialog.py" line="85" />
        <source>Cliente</source>
        <translation>Customer</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/dialogs/payment_dialog.py" line="86" />
        <source>Monto recibido</source>
        <translation>Amount received</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/dialogs/payment_dialog.py" line="87" />
        <source>Fecha</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/dialogs/payment_dialog.py" line="88" />
        <source>Forma de pago</source>
        <translation>Payment method</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/dialogs/payment_dialog.py" line="89" />
        <source>Referencia</source>
        <translation>Reference</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/dialogs/payment_dialog.py" line="90" />
        <source>Notas</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/dialogs/payment_dialog.py" line="94" />
        <source>Factura</source>
        <translation>Invoice</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/dialogs/payment_dialog.py" line="94" />
        <source>Vence</source>
        <translation>Due</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/dialogs/payment_dialog.py" line="94" />
        <source>Saldo</source>
        <translation>Balance</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/dialogs/payment_dialog.py" line="94" />
        <source>Aplicar</source>
        <translation>Apply</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/dialogs/payment_dialog.py" line="99" />
        <source>Aplicar a las más antiguas primero</source>
        <translation>Apply to the oldest first</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/dialogs/payment_dialog.py" line="132" />
        <source>Aplicación a facturas abiertas</source>
        <translation>Applied to open invoices</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/dialogs/payment_dialog.py" line="285" />
        <source>Aplicado: %1</source>
        <translation>Applied: %1</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/dialogs/payment_dialog.py" line="288" />
        <source>Queda a favor del cliente: %1</source>
        <translation>Left as customer credit: %1</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/dialogs/payment_dialog.py" line="341" />
        <source>Registrando pago</source>
        <translation>Recording payment</translation>
    </message>
</context>
<context>
    <name>PaymentListModel</name>
    <message>
        <location filename="../../cobranza_desktop/ui/pages/payments_page.py" line="53" />
        <source>Fecha</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/pages/payments_page.py" line="54" />
        <source>Cliente</source>
        <translation>Customer</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/pages/payments_page.py" line="55" />
        <source>Monto</source>
        <translation>Amount</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/pages/payments_page.py" line="56" />
        <source>Forma</source>
        <translation>Method</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/pages/payments_page.py" line="57" />
        <source>Referencia</source>
        <translation>Reference</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/pages/payments_page.py" line="60" />
        <source>Sin aplicar</source>
        <translation>Unapplied</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/pages/payments_page.py" line="62" />
        <source>revertido</source>
        <translation>reversed</translation>
    </message>
</context>
<context>
    <name>PaymentsPage</name>
    <message>
        <location filename="../../cobranza_desktop/ui/pages/payments_page.py" line="84" />
        <source>Pagos</source>
        <translation>Payments</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/pages/payments_page.py" line="86" />
        <source>Registrar pago</source>
        <translation>Record payment</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/pages/payments_page.py" line="93" />
        <source>Buscar por cliente o referencia</source>
        <translation>Search by customer or reference</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/pages/payments_page.py" line="99" />
        <source>Del</source>
        <translation>From</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/pages/payments_page.py" line="101" />
        <source>al</source>
        <translation>to</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/pages/payments_page.py" line="151" />
        <source>%1 pagos</source>
        <translation>%1 payments</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/pages/payments_page.py" line="152" />
        <source>Recibido: %1</source>
        <translation>Received: %1</translation>
    </message>
</context>
<context>
    <name>PdfPreviewDialog</name>
    <message>
        <location filename="../../cobranza_desktop/ui/dialogs/pdf_preview.py" line="61" />
        <source>Imprimir…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/dialogs/pdf_preview.py" line="62" />
        <source>Guardar PDF…</source>
        <translation>Save PDF…</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/dialogs/pdf_preview.py" line="85" />
        <source>No se pudo abrir el documento.</source>
        <translation>The document could not be opened.</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/dialogs/pdf_preview.py" line="87" />
        <source>1 página</source>
        <translation>1 page</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/dialogs/pdf_preview.py" line="89" />
        <source>{0} páginas</source>
        <translation>{0} pages</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/dialogs/pdf_preview.py" line="108" />
        <source>No se pudo imprimir.</source>
        <translation>Printing failed.</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/dialogs/pdf_preview.py" line="128" />
        <location filename="../../cobranza_desktop/ui/dialogs/pdf_preview.py" line="140" />
        <source>Guardar PDF</source>
        <translation>Save PDF</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/dialogs/pdf_preview.py" line="128" />
        <source>Documentos PDF (*.pdf)</source>
        <translation>PDF documents (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/dialogs/pdf_preview.py" line="141" />
        <source>No se pudo guardar {0}: {1}</source>
        <translation>{0} could not be saved: {1}</translation>
    </message>
</context>
<context>
    <name>PenaltySettingsPage</name>
    <message>
        <location filename="../../cobranza_desktop/ui/pages/penalty_settings.py" line="74" />
        <source>Penalizaciones por pago tardío</source>
        <translation>Late payment penalties</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/pages/penalty_settings.py" line="76" />
        <source>Condiciones de este cliente</source>
        <translation>This customer’s terms</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/pages/penalty_settings.py" line="85" />
        <source>Los cargos y los intereses se aplican tal como se pactaron en el contrato. El interés es simple, diario, y solo sobre el saldo pendiente de la factura.</source>
        <translation>Fees and interest are applied exactly as agreed in the contract. Interest is simple, daily, and only on the invoice’s outstanding balance.</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/pages/penalty_settings.py" line="91" />
        <source>Usar la política del negocio</source>
        <translation>Use the business policy</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/pages/penalty_settings.py" line="95" />
        <source>Sin penalizaciones</source>
        <translation>No penalties</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/pages/penalty_settings.py" line="97" />
        <source>Tasa legal: 6 % anual (Código de Comercio, art. 362)</source>
        <translation>Legal rate: 6 % a year (Commercial Code, art. 362)</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/pages/penalty_settings.py" line="100" />
        <source>Personalizada</source>
        <translation>Custom</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/pages/penalty_settings.py" line="104" />
        <source> días</source>
        <translation> days</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/pages/penalty_settings.py" line="110" />
        <source>Una vez por factura</source>
        <translation>Once per invoice</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/pages/penalty_settings.py" line="111" />
        <source>Una vez por etapa de cobranza</source>
        <translation>Once per collection stage</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/pages/penalty_settings.py" line="113" />
        <source>Días de atraso de cada etapa, separados por comas.</source>
        <translation>Days late of each stage, separated by commas.</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/pages/penalty_settings.py" line="117" />
        <source>365 días</source>
        <translation>365 days</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/pages/penalty_settings.py" line="118" />
        <source>360 días (comercial)</source>
        <translation>360 days (commercial)</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/pages/penalty_settings.py" line="119" />
        <source>Limitar el interés a</source>
        <translation>Limit interest to</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/pages/penalty_settings.py" line="134" />
        <source>Condiciones:</source>
        <translation>Terms:</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/pages/penalty_settings.py" line="135" />
        <source>Días de gracia:</source>
        <translation>Grace days:</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/pages/penalty_settings.py" line="137" />
        <source>Cargo fijo por atraso:</source>
        <translation>Fixed late fee:</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/pages/penalty_settings.py" line="140" />
        <source>Cargo sobre el saldo vencido (%):</source>
        <translation>Fee on the overdue balance (%):</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/pages/penalty_settings.py" line="143" />
        <source>Se cobra:</source>
        <translation>Charged:</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/pages/penalty_settings.py" line="145" />
        <source>Etapas (días de atraso):</source>
        <translation>Stages (days late):</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/pages/penalty_settings.py" line="148" />
        <source>Interés moratorio anual (%):</source>
        <translation>Annual late interest (%):</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/pages/penalty_settings.py" line="151" />
        <source>Base de días:</source>
        <translation>Day count:</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/pages/penalty_settings.py" line="157" />
        <source>% del capital</source>
        <translation>% of principal</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/pages/penalty_settings.py" line="158" />
        <source>Tope:</source>
        <translation>Cap:</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/pages/penalty_settings.py" line="166" />
        <source>Guardar</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/pages/penalty_settings.py" line="168" />
        <source>Descartar cambios</source>
        <translation>Discard changes</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/pages/penalty_settings.py" line="319" />
        <source>Escriba los días de atraso así: 30, 60, 90</source>
        <translation>Write the days late like this: 30, 60, 90</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/pages/penalty_settings.py" line="324" />
        <source>Escriba el tope como % del capital.</source>
        <translation>Write the cap as a % of the principal.</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/pages/penalty_settings.py" line="350" />
        <source>No se cobran cargos ni intereses por atraso.</source>
        <translation>No late fees or interest are charged.</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/pages/penalty_settings.py" line="355" />
        <source>Ejemplo: una factura de {0} con {1} días de atraso genera {2} de cargos.</source>
        <translation>Example: an invoice of {0} that is {1} days late accrues {2} in charges.</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/pages/penalty_settings.py" line="377" />
        <source>Guardado.</source>
        <translation>Saved.</translation>
    </message>
</context>
<context>
    <name>ProposalTableModel</name>
    <message>
        <location filename="../../cobranza_desktop/ui/dialogs/apply_penalties.py" line="58" />
        <source>Cliente</source>
        <translation>Customer</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/dialogs/apply_penalties.py" line="59" />
        <source>Factura</source>
        <translation>Invoice</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/dialogs/apply_penalties.py" line="60" />
        <source>Concepto</source>
        <translation>Item</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/dialogs/apply_penalties.py" line="61" />
        <source>Periodo</source>
        <translation>Period</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/dialogs/apply_penalties.py" line="62" />
        <source>Días</source>
        <translation>Days</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/dialogs/apply_penalties.py" line="63" />
        <source>Base</source>
        <translation>Base</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/dialogs/apply_penalties.py" line="64" />
        <source>Tasa o cargo</source>
        <translation>Rate or fee</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/dialogs/apply_penalties.py" line="65" />
        <source>Importe</source>
        <translation>Amount</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/dialogs/apply_penalties.py" line="101" />
        <source>Cargo por atraso</source>
        <translation>Late fee</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/dialogs/apply_penalties.py" line="103" />
        <source>Interés moratorio</source>
        <translation>Late interest</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/dialogs/apply_penalties.py" line="115" />
        <source>{0} anual, base {1}</source>
        <translation>{0} a year, {1}-day basis</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../cobranza_desktop/ui/pages/settings_page.py" line="56" />
        <source>Configuración</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/pages/settings_page.py" line="62" />
        <source>Idioma</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/pages/settings_page.py" line="67" />
        <source>Aplicar</source>
        <translation>Apply</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/pages/settings_page.py" line="70" />
        <source>Idioma de la interfaz</source>
        <translation>Interface language</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/pages/settings_page.py" line="76" />
        <source>Datos del negocio</source>
        <translation>Business details</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/pages/settings_page.py" line="86" />
        <source> días</source>
        <translation> days</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/pages/settings_page.py" line="93" />
        <source>Nombre del negocio</source>
        <translation>Business name</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/pages/settings_page.py" line="94" />
        <source>RFC</source>
        <translation>RFC (tax ID)</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/pages/settings_page.py" line="95" />
        <source>Dirección</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/pages/settings_page.py" line="96" />
        <source>Teléfono</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/pages/settings_page.py" line="97" />
        <source>Correo</source>
        <translation>Email</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/pages/settings_page.py" line="98" />
        <source>Moneda</source>
        <translation>Currency</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/pages/settings_page.py" line="99" />
        <source>Plazo de pago</source>
        <translation>Payment terms</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/pages/settings_page.py" line="100" />
        <source>IVA %</source>
        <translation>VAT %</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/pages/settings_page.py" line="101" />
        <source>Banco</source>
        <translation>Bank</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/pages/settings_page.py" line="102" />
        <source>CLABE</source>
        <translation>CLABE</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/pages/settings_page.py" line="103" />
        <source>Serie de facturas</source>
        <translation>Invoice series</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/pages/settings_page.py" line="125" />
        <source>Guardar datos del negocio</source>
        <translation>Save business details</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/pages/settings_page.py" line="139" />
        <source>General</source>
        <translation>General</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/pages/settings_page.py" line="171" />
        <source>Escriba la tasa de IVA como un número, ej. 16.</source>
        <translation>Write the VAT rate as a number, e.g. 16.</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/pages/settings_page.py" line="208" />
        <source>Datos guardados.</source>
        <translation>Details saved.</translation>
    </message>
</context>
<context>
    <name>TaskRunner</name>
    <message>
        <location filename="../../cobranza_desktop/ui/tasks.py" line="131" />
        <source>Ocurrió un error inesperado y la operación no se realizó. Los detalles quedaron en el registro del programa.</source>
        <translation>An unexpected error occurred and nothing was done. The details are in the program log.</translation>
    </message>
</context>
<context>
    <name>parent</name>
    <message>
        <location filename="../../cobranza_desktop/ui/pages/customer_penalties.py" line="38" />
        <source>Condonar cargo</source>
        <translation>Waive charge</translation>
    </message>
    <message>
        <location filename="../../cobranza_desktop/ui/pages/customer_penalties.py" line="39" />
        <source>Motivo de la condonación de {0} ({1}):</source>
        <translation>Reason for waiving {0} ({1}):</translation>
    </message>
</context>
</TS>