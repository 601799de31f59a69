<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US" sourcelanguage="es_MX">
    <context>
        <name>AboutDialog</name>
        <message>
            <source>Acerca de Cobranza Desktop</source>
            <translation>About Cobranza Desktop</translation>
        </message>
        <message>
            <source>Cobranza Desktop</source>
            <translation>Cobranza Desktop</translation>
        </message>
        <message>
            <source>Cuentas por cobrar y cobranza, sin conexión.</source>
            <translation>Receivables and collections, offline.</translation>
        </message>
        <message>
            <source>(ningún libro abierto)</source>
            <translation>(no book open)</translation>
        </message>
        <message>
            <source>Versión</source>
            <translation>Version</translation>
        </message>
        <message>
            <source>Libro</source>
            <translation>Book</translation>
        </message>
        <message>
            <source>Registro</source>
            <translation>Log</translation>
        </message>
        <message>
            <source>Versión:</source>
            <translation>Version:</translation>
        </message>
        <message>
            <source>Libro:</source>
            <translation>Book:</translation>
        </message>
        <message>
            <source>Registro:</source>
            <translation>Log:</translation>
        </message>
        <message>
            <source>Abrir la carpeta del &amp;registro</source>
            <translation>Open the &amp;log folder</translation>
        </message>
    </context>
    <context>
        <name>AgendaTableModel</name>
        <message>
            <source>Cliente</source>
            <translation>Customer</translation>
        </message>
        <message>
            <source>Acción</source>
            <translation>Action</translation>
        </message>
        <message>
            <source>Canal</source>
            <translation>Channel</translation>
        </message>
        <message>
            <source>Adeudo</source>
            <translation>Owed</translation>
        </message>
        <message>
            <source>Días</source>
            <translation>Days</translation>
        </message>
        <message>
            <source>Motivo</source>
            <translation>Reason</translation>
        </message>
        <message>
            <source>Espera: {0}</source>
            <translation>Waiting: {0}</translation>
        </message>
    </context>
    <context>
        <name>AgingPage</name>
        <message>
            <source>Saldo a favor de clientes sin adeudo</source>
            <translation>Credit of customers who owe nothing</translation>
        </message>
        <message numerus="yes">
            <source>Los %n saldos más grandes, por antigüedad</source>
            <translation>
                <numerusform>The largest balance, by age</numerusform>
                <numerusform>The %n largest balances, by age</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln clientes con saldo al %1 · Total por cobrar: %2</source>
            <translation>
                <numerusform>%Ln customer with a balance on %1 · Total receivable: %2</numerusform>
                <numerusform>%Ln customers with a balance on %1 · Total receivable: %2</numerusform>
            </translation>
        </message>
        <message>
            <source>Prórroga, disputa</source>
            <translation>Extended, disputed</translation>
        </message>
        <message>
            <source>Prórroga</source>
            <translation>Extended</translation>
        </message>
        <message>
            <source>En disputa</source>
            <translation>Disputed</translation>
        </message>
        <message>
            <source>Antigüedad de saldos</source>
            <extracomment>Emitted when a report is shown (tests and the status line listen).</extracomment>
            <translation>Accounts receivable aging</translation>
        </message>
        <message>
            <source>Al día</source>
            <translation>As of</translation>
        </message>
        <message>
            <source>Calculando…</source>
            <translation>Calculating…</translation>
        </message>
        <message>
            <source>Calculando antigüedad</source>
            <translation>Calculating aging</translation>
        </message>
        <message>
            <source>Cliente</source>
            <translation>Customer</translation>
        </message>
        <message>
            <source>Total</source>
            <translation>Total</translation>
        </message>
        <message>
            <source>%1 clientes con saldo al %2 · Total por cobrar: %3 · Importes en %4</source>
            <translation>%1 customers with a balance on %2 · Total receivable: %3 · Amounts in %4</translation>
        </message>
        <message>
            <source>Nadie debe nada a esta fecha</source>
            <translation>Nobody owes anything on this date</translation>
        </message>
        <message>
            <source>Abrir cliente</source>
            <translation>Open customer</translation>
        </message>
        <message>
            <source>Redactar recordatorio…</source>
            <translation>Draft reminder…</translation>
        </message>
        <message>
            <source>CSV (*.csv)</source>
            <translation>CSV (*.csv)</translation>
        </message>
        <message>
            <source>Excel (*.xlsx)</source>
            <translation>Excel (*.xlsx)</translation>
        </message>
        <message>
            <source>Exportar</source>
            <translation>Export</translation>
        </message>
        <message>
            <source>No se pudo guardar el archivo: %1</source>
            <translation>The file could not be saved: %1</translation>
        </message>
        <message>
            <source>Exportado a %1</source>
            <translation>Exported to %1</translation>
        </message>
        <message>
            <source>Crédito a favor</source>
            <translation>Credit</translation>
        </message>
        <message>
            <source>Neto</source>
            <translation>Net</translation>
        </message>
        <message>
            <source>Notas</source>
            <translation>Notes</translation>
        </message>
        <message>
            <source>Fecha de corte</source>
            <translation>As of</translation>
        </message>
        <message>
            <source>%1 clientes con saldo al %2 · Total por cobrar: %3</source>
            <translation>%1 customers with a balance on %2 · Total receivable: %3</translation>
        </message>
        <message>
            <source>Los %1 saldos más grandes, por antigüedad</source>
            <translation>The %1 largest balances, by age</translation>
        </message>
    </context>
    <context>
        <name>AgingSettingsTab</name>
        <message>
            <source>Restaurar valores predeterminados</source>
            <translation>Restore defaults</translation>
        </message>
        <message>
            <source>Descartar cambios</source>
            <translation>Discard changes</translation>
        </message>
        <message>
            <source>Guardar</source>
            <translation>Save</translation>
        </message>
        <message>
            <source>Valores predeterminados: pulse Guardar para conservarlos.</source>
            <translation>Default values: press Save to keep them.</translation>
        </message>
        <message>
            <source>Guardado.</source>
            <translation>Saved.</translation>
        </message>
        <message>
            <source>Antigüedad de saldos</source>
            <translation>Aging of receivables</translation>
        </message>
        <message>
            <source>Los cortes, en días de atraso, que separan las columnas del reporte de antigüedad, la lista de clientes y las exportaciones.</source>
            <translation>The edges, in days late, that separate the columns of the aging report, the customer list and the exports.</translation>
        </message>
        <message>
            <source>Cortes (días):</source>
            <translation>Edges (days):</translation>
        </message>
        <message>
            <source>Escriba los días separados por comas, así: 30, 60, 90</source>
            <translation>Type the days separated by commas, like this: 30, 60, 90</translation>
        </message>
        <message>
            <source>Columnas: %1</source>
            <translation>Columns: %1</translation>
        </message>
    </context>
    <context>
        <name>AnnouncementDialog</name>
        <message numerus="yes">
            <source>%Ln mensajes de WhatsApp listos: ábralos uno por uno.</source>
            <translation>
                <numerusform>%Ln WhatsApp message ready: open it.</numerusform>
                <numerusform>%Ln WhatsApp messages ready: open them one by one.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln quedan fuera (vea la lista).</source>
            <translation>
                <numerusform>%Ln is left out (see the list).</numerusform>
                <numerusform>%Ln are left out (see the list).</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Le llega a %Ln clientes</source>
            <translation>
                <numerusform>It goes to %Ln customer</numerusform>
                <numerusform>It goes to %Ln customers</numerusform>
            </translation>
        </message>
        <message>
            <source>Enviar comunicado</source>
            <translation>Send announcement</translation>
        </message>
        <message>
            <source>Para su registro, p. ej. «Cierre navideño»</source>
            <translation>For your records, e.g. “Christmas closing”</translation>
        </message>
        <message>
            <source>Correo</source>
            <translation>Email</translation>
        </message>
        <message>
            <source>WhatsApp</source>
            <translation>WhatsApp</translation>
        </message>
        <message>
            <source>Título</source>
            <translation>Title</translation>
        </message>
        <message>
            <source>Canal</source>
            <translation>Channel</translation>
        </message>
        <message>
            <source>Para</source>
            <translation>To</translation>
        </message>
        <message>
            <source>Asunto</source>
            <translation>Subject</translation>
        </message>
        <message>
            <source>Mensaje</source>
            <translation>Message</translation>
        </message>
        <message>
            <source>Puede usar los campos de las plantillas: {{ contact_name }}, {{ business_name }}, {{ due_date }} (su próximo vencimiento)…</source>
            <translation>You can use the template fields: {{ contact_name }}, {{ business_name }}, {{ due_date }} (their next due date)…</translation>
        </message>
        <message>
            <source>Pulse «Vista previa» para ver a quién le llega.</source>
            <translation>Press “Preview” to see who gets it.</translation>
        </message>
        <message>
            <source>Vista previa</source>
            <translation>Preview</translation>
        </message>
        <message>
            <source>Enviar</source>
            <translation>Send</translation>
        </message>
        <message>
            <source>Abrir siguiente WhatsApp</source>
            <translation>Open next WhatsApp</translation>
        </message>
        <message>
            <source>Cerrar</source>
            <translation>Close</translation>
        </message>
        <message>
            <source>Nadie queda fuera.</source>
            <translation>Nobody is left out.</translation>
        </message>
        <message>
            <source>Quedan fuera (%1)</source>
            <translation>Left out (%1)</translation>
        </message>
        <message>
            <source>Enviando comunicado</source>
            <translation>Sending announcement</translation>
        </message>
        <message>
            <source>Enviados: %1 · no enviados (quedan en la bandeja): %2 · fuera: %3</source>
            <translation>Sent: %1 · not sent (kept in the outbox): %2 · left out: %3</translation>
        </message>
        <message>
            <source>Abrir siguiente WhatsApp (%1 más)</source>
            <translation>Open next WhatsApp (%1 more)</translation>
        </message>
        <message>
            <source>Le llega a %1 clientes; %2 quedan fuera (vea la lista).</source>
            <translation>It goes to %1 customers; %2 are left out (see the list).</translation>
        </message>
        <message>
            <source>%1 mensajes de WhatsApp listos: ábralos uno por uno.</source>
            <translation>%1 WhatsApp messages ready: open them one by one.</translation>
        </message>
        <message>
            <source>Muestras del mensaje</source>
            <translation>Message samples</translation>
        </message>
    </context>
    <context>
        <name>AppCommands</name>
        <message>
            <source>Pago registrado</source>
            <translation>Payment recorded</translation>
        </message>
        <message>
            <source>Pago de %1 registrado. ¿Enviar un agradecimiento a %2?</source>
            <translation>Payment of %1 recorded. Send a thank-you to %2?</translation>
        </message>
        <message>
            <source>Redactar agradecimiento</source>
            <translation>Draft thank-you</translation>
        </message>
        <message>
            <source>Ahora no</source>
            <translation>Not now</translation>
        </message>
        <message>
            <source>Cliente creado</source>
            <translation>Customer created</translation>
        </message>
        <message>
            <source>¿Imprimir las condiciones de crédito y cobranza para que %1 las lea y firme antes de venderle a crédito?</source>
            <translation>Print the credit and collection terms for %1 to read and sign before selling on credit?</translation>
        </message>
        <message>
            <source>Imprimir condiciones</source>
            <translation>Print terms</translation>
        </message>
        <message>
            <source>Condiciones de crédito y cobranza</source>
            <translation>Credit and collection terms</translation>
        </message>
        <message>
            <source>Se creó el cliente %1.</source>
            <translation>Customer %1 created.</translation>
        </message>
    </context>
    <context>
        <name>Application</name>
        <message>
            <source>No se pudo abrir el libro.</source>
            <translation>The book could not be opened.</translation>
        </message>
        <message>
            <source>Abriendo el libro</source>
            <translation>Opening the book</translation>
        </message>
        <message>
            <source>Preparando el libro de ejemplo</source>
            <translation>Preparing the demo book</translation>
        </message>
        <message>
            <source>Abrir libro</source>
            <translation>Open book</translation>
        </message>
        <message>
            <source>Libros (*.sqlite);;Todos los archivos (*)</source>
            <translation>Books (*.sqlite);;All files (*)</translation>
        </message>
        <message>
            <source>Copia de seguridad</source>
            <translation>Backup</translation>
        </message>
        <message>
            <source>Copia guardada en {0}</source>
            <translation>Backup saved to {0}</translation>
        </message>
    </context>
    <context>
        <name>ApplyPenaltiesDialog</name>
        <message>
            <source>⚠ Sin condiciones de crédito firmadas: {0}. No pactaron una tasa: solo se les cobra el interés legal (6 % anual, sin comisiones).</source>
            <translation>⚠ No signed credit terms: {0}. They agreed no rate: they are charged only the legal interest (6 % a year, no fees).</translation>
        </message>
        <message>
            <source>⚠ Sin condiciones de crédito firmadas: {0}. Los cargos del contrato quedan sin marcar; para cobrarlos, márquelos y escriba el motivo.</source>
            <translation>⚠ No signed credit terms: {0}. The contract's charges are left unticked; to charge them, tick them and write the reason.</translation>
        </message>
        <message>
            <source>Cobrarles las condiciones del contrato</source>
            <translation>Charge them the contract's terms</translation>
        </message>
        <message numerus="yes">
            <source>Se aplicaron %Ln cargos por {0}.</source>
            <translation>
                <numerusform>%Ln charge was applied for {0}.</numerusform>
                <numerusform>%Ln charges were applied for {0}.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln clientes</source>
            <translation>
                <numerusform>%Ln customer</numerusform>
                <numerusform>%Ln customers</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln cargos de {0} · total {1}</source>
            <translation>
                <numerusform>%Ln charge for {0} · total {1}</numerusform>
                <numerusform>%Ln charges for {0} · total {1}</numerusform>
            </translation>
        </message>
        <message>
            <source>Aplicar penalizaciones</source>
            <translation>Apply penalties</translation>
        </message>
        <message>
            <source>Revise los cargos antes de aplicarlos. Nada se escribe hasta que pulse «Aplicar». Los periodos ya cobrados no se vuelven a cobrar.</source>
            <translation>Review the charges before applying them. Nothing is written until you press “Apply”. Periods already charged are never charged again.</translation>
        </message>
        <message>
            <source>&amp;Calcular al:</source>
            <translation>&amp;Calculate as of:</translation>
        </message>
        <message>
            <source>Marcar todos</source>
            <translation>Select all</translation>
        </message>
        <message>
            <source>Desmarcar todos</source>
            <translation>Select none</translation>
        </message>
        <message>
            <source>No hay penalizaciones por aplicar a esta fecha.</source>
            <translation>There are no penalties to apply on this date.</translation>
        </message>
        <message>
            <source>Cancelar</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>Aplicar</source>
            <translation>Apply</translation>
        </message>
        <message>
            <source>Cerrar</source>
            <translation>Close</translation>
        </message>
        <message>
            <source>Calculando…</source>
            <translation>Calculating…</translation>
        </message>
        <message>
            <source>Calculando penalizaciones</source>
            <translation>Calculating penalties</translation>
        </message>
        <message>
            <source>Aplicando penalizaciones</source>
            <translation>Applying penalties</translation>
        </message>
        <message>
            <source>Se pidió cancelar. La lista muestra lo que queda por aplicar.</source>
            <translation>Cancelling was requested. The list shows what is left to apply.</translation>
        </message>
        <message>
            <source>Motivo para cobrar a clientes sin condiciones firmadas</source>
            <translation>Reason to charge customers without signed terms</translation>
        </message>
        <message>
            <source>Escriba el motivo para cobrar a clientes sin condiciones firmadas.</source>
            <translation>Write the reason to charge customers without signed terms.</translation>
        </message>
        <message>
            <source>{0} cargos de {1} clientes · total {2}</source>
            <translation>{0} charges for {1} customers · total {2}</translation>
        </message>
        <message>
            <source>Se aplicaron {0} cargos por {1}.</source>
            <translation>{0} charges were applied for {1}.</translation>
        </message>
        <message>
            <source>A quienes no firmaron, solo la tasa legal (6 % anual, sin comisiones)</source>
            <translation>For those who did not sign, only the legal rate (6 % a year, no fees)</translation>
        </message>
        <message>
            <source>⚠ Sin condiciones de crédito firmadas: {0}. Sus cargos quedan sin marcar; para cobrarlos, márquelos y escriba el motivo.</source>
            <translation>⚠ No signed credit terms: {0}. Their charges are left unticked; to charge them, tick them and write the reason.</translation>
        </message>
        <message>
            <source>Cargos propuestos</source>
            <translation>Proposed charges</translation>
        </message>
    </context>
    <context>
        <name>BarterDialog</name>
        <message>
            <source>Pago en especie (intercambio)</source>
            <translation>Payment in kind (barter)</translation>
        </message>
        <message>
            <source>Registrar intercambio</source>
            <translation>Record barter</translation>
        </message>
        <message>
            <source>Qué bienes o servicios se reciben</source>
            <translation>What goods or services are received</translation>
        </message>
        <message>
            <source>&amp;Descripción</source>
            <translation>&amp;Description</translation>
        </message>
        <message>
            <source>&amp;Valor acordado</source>
            <translation>Agreed &amp;value</translation>
        </message>
        <message>
            <source>&amp;Fecha</source>
            <translation>Da&amp;te</translation>
        </message>
        <message>
            <source>Saldo del cliente: %1 → %2</source>
            <translation>Customer's balance: %1 → %2</translation>
        </message>
        <message>
            <source>Describa qué bienes o servicios se reciben en intercambio.</source>
            <translation>Describe the goods or services received in exchange.</translation>
        </message>
    </context>
    <context>
        <name>BillingRunDialog</name>
        <message numerus="yes">
            <source>%Ln omitidas</source>
            <translation>
                <numerusform>%Ln skipped</numerusform>
                <numerusform>%Ln skipped</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln en pausa</source>
            <translation>
                <numerusform>%Ln paused</numerusform>
                <numerusform>%Ln paused</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Listo: %Ln facturas emitidas por %1</source>
            <translation>
                <numerusform>Done: %Ln invoice issued for %1</numerusform>
                <numerusform>Done: %Ln invoices issued for %1</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Se emitirán %Ln facturas por %1.</source>
            <translation>
                <numerusform>%Ln invoice will be issued for %1.</numerusform>
                <numerusform>%Ln invoices will be issued for %1.</numerusform>
            </translation>
        </message>
        <message>
            <source>Facturar periodos</source>
            <translation>Bill periods</translation>
        </message>
        <message>
            <source>Emitir</source>
            <translation>Issue</translation>
        </message>
        <message>
            <source>Cancelar</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>Calculando…</source>
            <translation>Calculating…</translation>
        </message>
        <message>
            <source>Emitiendo facturas…</source>
            <translation>Issuing invoices…</translation>
        </message>
        <message>
            <source>Cerrar</source>
            <translation>Close</translation>
        </message>
        <message>
            <source>Cliente</source>
            <translation>Customer</translation>
        </message>
        <message>
            <source>Facturas</source>
            <translation>Invoices</translation>
        </message>
        <message>
            <source>Total</source>
            <translation>Total</translation>
        </message>
        <message>
            <source>&amp;Facturar los periodos que vencen hasta el</source>
            <translation>&amp;Bill the periods due up to</translation>
        </message>
        <message>
            <source>No hay periodos por facturar hasta esta fecha.</source>
            <translation>There are no periods to bill up to this date.</translation>
        </message>
        <message>
            <source>Cancelado: no se emitió ninguna factura.</source>
            <translation>Cancelled: no invoice was issued.</translation>
        </message>
        <message>
            <source>Se emitirán %1 facturas por %2.</source>
            <translation>%1 invoices will be issued for %2.</translation>
        </message>
        <message>
            <source>Listo: %1 facturas emitidas por %2 (%3 en pausa, %4 omitidas).</source>
            <translation>Done: %1 invoices issued for %2 (%3 paused, %4 skipped).</translation>
        </message>
        <message>
            <source>Enviar cada factura por correo, con su PDF</source>
            <translation>Email each invoice to the customer, with its PDF</translation>
        </message>
        <message>
            <source>Después de emitir, por la bandeja de salida. En el horario de descanso no se envía nada: se envían después desde Facturas.</source>
            <translation>After issuing, through the outbox. Nothing is sent during quiet hours: send them later from Invoices.</translation>
        </message>
        <message>
            <source>Por correo: %1 enviadas, %2 en la bandeja de salida, %3 sin correo, %4 retenidas por el horario de contacto.</source>
            <translation>By email: %1 sent, %2 in the outbox, %3 without an email address, %4 held by the contact hours.</translation>
        </message>
        <message>
            <source>Enviando facturas por correo…</source>
            <translation>Emailing the invoices…</translation>
        </message>
        <message>
            <source>Envío detenido: las facturas restantes se envían desde Facturas.</source>
            <translation>Sending stopped: send the remaining invoices from Invoices.</translation>
        </message>
        <message>
            <source>Facturas por emitir</source>
            <translation>Invoices to issue</translation>
        </message>
    </context>
    <context>
        <name>BookMenu</name>
        <message>
            <source>Este libro está en un servidor: lo restaura quien administra el servidor (pg_restore), y no tiene carpeta en esta computadora.</source>
            <translation>This book is on a server: whoever runs the server restores it (pg_restore), and it has no folder on this computer.</translation>
        </message>
        <message>
            <source>&amp;Nuevo libro…</source>
            <translation>&amp;New book…</translation>
        </message>
        <message>
            <source>A&amp;brir libro…</source>
            <translation>&amp;Open book…</translation>
        </message>
        <message>
            <source>Libros &amp;recientes</source>
            <translation>&amp;Recent books</translation>
        </message>
        <message>
            <source>&amp;Copia de seguridad ahora</source>
            <translation>&amp;Back up now</translation>
        </message>
        <message>
            <source>Res&amp;taurar copia…</source>
            <translation>Res&amp;tore backup…</translation>
        </message>
        <message>
            <source>&amp;Mostrar la carpeta del libro</source>
            <translation>Show the book's &amp;folder</translation>
        </message>
        <message>
            <source>El archivo ya no está en ese lugar.</source>
            <translation>The file is no longer there.</translation>
        </message>
        <message>
            <source>(ninguno todavía)</source>
            <translation>(none yet)</translation>
        </message>
        <message>
            <source>Conectar a un ser&amp;vidor…</source>
            <translation>Connect to a ser&amp;ver…</translation>
        </message>
    </context>
    <context>
        <name>CancelSubscriptionDialog</name>
        <message>
            <source>Cancelar suscripción</source>
            <translation>Cancel subscription</translation>
        </message>
        <message>
            <source>Se deja de facturar después del último día de servicio. Las facturas emitidas se conservan.</source>
            <translation>Billing stops after the last day of service. Issued invoices are kept.</translation>
        </message>
        <message>
            <source>Obligatorio</source>
            <translation>Required</translation>
        </message>
        <message>
            <source>Último día de servicio</source>
            <translation>Last day of service</translation>
        </message>
        <message>
            <source>Motivo</source>
            <translation>Reason</translation>
        </message>
        <message>
            <source>Aceptar</source>
            <translation>OK</translation>
        </message>
        <message>
            <source>Cancelar</source>
            <translation>Cancel</translation>
        </message>
    </context>
    <context>
        <name>ChangePriceDialog</name>
        <message>
            <source>Cambiar precio</source>
            <translation>Change price</translation>
        </message>
        <message>
            <source>Los periodos que empiecen desde esa fecha llevan el precio nuevo; las facturas emitidas conservan el suyo.</source>
            <translation>Periods starting from that date take the new price; issued invoices keep theirs.</translation>
        </message>
        <message>
            <source>Precio nuevo (sin IVA)</source>
            <translation>New price (before VAT)</translation>
        </message>
        <message>
            <source>A partir del</source>
            <translation>Starting on</translation>
        </message>
        <message>
            <source>Aceptar</source>
            <translation>OK</translation>
        </message>
        <message>
            <source>Cancelar</source>
            <translation>Cancel</translation>
        </message>
    </context>
    <context>
        <name>ChargeTableModel</name>
        <message>
            <source>Documento</source>
            <translation>Document</translation>
        </message>
        <message>
            <source>Factura</source>
            <translation>Invoice</translation>
        </message>
        <message>
            <source>Concepto</source>
            <translation>Item</translation>
        </message>
        <message>
            <source>Periodo</source>
            <translation>Period</translation>
        </message>
        <message>
            <source>Importe</source>
            <translation>Amount</translation>
        </message>
        <message>
            <source>Pagado</source>
            <translation>Paid</translation>
        </message>
        <message>
            <source>Estado</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Cargo por atraso</source>
            <translation>Late fee</translation>
        </message>
        <message>
            <source>Interés moratorio</source>
            <translation>Late interest</translation>
        </message>
        <message>
            <source>Condonado: {0}</source>
            <translation>Waived: {0}</translation>
        </message>
        <message>
            <source>Por cobrar</source>
            <translation>Receivable</translation>
        </message>
    </context>
    <context>
        <name>Chart</name>
        <message>
            <source>Gráfica</source>
            <translation>Chart</translation>
        </message>
    </context>
    <context>
        <name>ConnectDialog</name>
        <message>
            <source>Conectar a un servidor</source>
            <translation>Connect to a server</translation>
        </message>
        <message>
            <source>p. ej. servidor.local o 192.168.1.10</source>
            <translation>e.g. server.local or 192.168.1.10</translation>
        </message>
        <message>
            <source>p. ej. cobranza</source>
            <translation>e.g. cobranza</translation>
        </message>
        <message>
            <source>Guardar la contraseña en el llavero del sistema</source>
            <translation>Save the password in the system keyring</translation>
        </message>
        <message>
            <source>Un libro en un servidor PostgreSQL lo comparten varias personas a la vez. Cada quien entra con su propio usuario de la base de datos; su rol (dueño, cobrador o solo lectura) lo da el dueño en Configuración → Usuarios.</source>
            <translation>A book on a PostgreSQL server is shared by several people at once. Each one signs in with their own database user; the owner gives their role (owner, collector or read-only) in Settings → Users.</translation>
        </message>
        <message>
            <source>Servidor</source>
            <translation>Server</translation>
        </message>
        <message>
            <source>Puerto</source>
            <translation>Port</translation>
        </message>
        <message>
            <source>Base de datos</source>
            <translation>Database</translation>
        </message>
        <message>
            <source>Usuario</source>
            <translation>User</translation>
        </message>
        <message>
            <source>Contraseña</source>
            <translation>Password</translation>
        </message>
        <message>
            <source>Probar conexión</source>
            <translation>Test connection</translation>
        </message>
        <message>
            <source>Conectar</source>
            <translation>Connect</translation>
        </message>
        <message>
            <source>Conexión correcta: el servidor le reconoce como %1.</source>
            <translation>Connected: the server knows you as %1.</translation>
        </message>
    </context>
    <context>
        <name>ContactLogDialog</name>
        <message>
            <source>Registrar contacto — {0}</source>
            <translation>Log contact — {0}</translation>
        </message>
        <message>
            <source>— sin motivo —</source>
            <translation>— no reason —</translation>
        </message>
        <message>
            <source>Qué se habló, con quién, acuerdos…</source>
            <translation>What was discussed, with whom, agreements…</translation>
        </message>
        <message>
            <source>&amp;Siguiente acción el</source>
            <translation>Ne&amp;xt action on</translation>
        </message>
        <message>
            <source>Por qué se contacta de todos modos</source>
            <translation>Why contact anyway</translation>
        </message>
        <message>
            <source>Acción:</source>
            <translation>Action:</translation>
        </message>
        <message>
            <source>&amp;Canal:</source>
            <translation>&amp;Channel:</translation>
        </message>
        <message>
            <source>&amp;Resultado:</source>
            <translation>&amp;Outcome:</translation>
        </message>
        <message>
            <source>&amp;Motivo de impago:</source>
            <translation>&amp;Reason for non-payment:</translation>
        </message>
        <message>
            <source>N&amp;otas:</source>
            <translation>&amp;Notes:</translation>
        </message>
        <message>
            <source>Monto &amp;prometido:</source>
            <translation>Promised &amp;amount:</translation>
        </message>
        <message>
            <source>&amp;Fecha prometida:</source>
            <translation>Promised &amp;date:</translation>
        </message>
        <message>
            <source>Atención: {0}.</source>
            <translation>Attention: {0}.</translation>
        </message>
        <message>
            <source>Motivo para e&amp;xcederlo:</source>
            <translation>Reason to &amp;exceed it:</translation>
        </message>
    </context>
    <context>
        <name>ContactPolicySettingsTab</name>
        <message>
            <source>Restaurar valores predeterminados</source>
            <translation>Restore defaults</translation>
        </message>
        <message>
            <source>Descartar cambios</source>
            <translation>Discard changes</translation>
        </message>
        <message>
            <source>Guardar</source>
            <translation>Save</translation>
        </message>
        <message>
            <source>Valores predeterminados: pulse Guardar para conservarlos.</source>
            <translation>Default values: press Save to keep them.</translation>
        </message>
        <message>
            <source>Guardado.</source>
            <translation>Saved.</translation>
        </message>
        <message>
            <source>Política de contacto</source>
            <translation>Contact policy</translation>
        </message>
        <message>
            <source>Cuántas veces y a qué horas se puede contactar a un cliente. Las acciones que pasen del límite esperan; registrar un contacto fuera de la política pide un motivo.</source>
            <translation>How often and at what hours a customer may be contacted. Actions beyond the limit wait; logging a contact outside the policy asks for a reason.</translation>
        </message>
        <message>
            <source>No contactar en domingo</source>
            <translation>No contact on Sundays</translation>
        </message>
        <message>
            <source>Máximo de contactos al día:</source>
            <translation>Most contacts a day:</translation>
        </message>
        <message>
            <source>Máximo en 7 días seguidos:</source>
            <translation>Most in any 7 days:</translation>
        </message>
        <message>
            <source>Sin contactos desde las:</source>
            <translation>No contacts from:</translation>
        </message>
        <message>
            <source>Hasta las:</source>
            <translation>Until:</translation>
        </message>
        <message>
            <source>Días sin contacto:</source>
            <translation>Days without contact:</translation>
        </message>
        <message>
            <source>sin horario de descanso</source>
            <translation>no quiet hours</translation>
        </message>
        <message>
            <source>nada de %1 a %2</source>
            <translation>nothing from %1 to %2</translation>
        </message>
        <message>
            <source>Cada cliente: a lo más %1 al día y %2 en 7 días; %3%4.</source>
            <translation>Each customer: at most %1 a day and %2 in 7 days; %3%4.</translation>
        </message>
        <message>
            <source>, ni en domingo</source>
            <translation>, nor on Sundays</translation>
        </message>
    </context>
    <context>
        <name>CorrectionDialog</name>
        <message>
            <source>Factura</source>
            <translation>Invoice</translation>
        </message>
        <message>
            <source>Saldo antes</source>
            <translation>Balance before</translation>
        </message>
        <message>
            <source>Saldo después</source>
            <translation>Balance after</translation>
        </message>
        <message>
            <source>Saldo del cliente: %1 → %2 · Saldo a favor: %3 → %4</source>
            <translation>Customer's balance: %1 → %2 · Credit: %3 → %4</translation>
        </message>
        <message>
            <source>Calculando lo que cambiará…</source>
            <translation>Working out what will change…</translation>
        </message>
        <message>
            <source>Por qué se corrige (obligatorio)</source>
            <translation>Why it is corrected (required)</translation>
        </message>
        <message>
            <source>Por qué se corrige (opcional)</source>
            <translation>Why it is corrected (optional)</translation>
        </message>
        <message>
            <source>&amp;Motivo</source>
            <translation>&amp;Reason</translation>
        </message>
        <message>
            <source>Lo que cambiará:</source>
            <translation>What will change:</translation>
        </message>
        <message>
            <source>Última aplicación: %1 a la factura %2 (pago %3, %4).</source>
            <translation>Last allocation: %1 to invoice %2 (payment %3, %4).</translation>
        </message>
        <message>
            <source>Escriba el motivo de la corrección.</source>
            <translation>Write the reason for the correction.</translation>
        </message>
        <message>
            <source>Lo que cambiará</source>
            <translation>What will change</translation>
        </message>
    </context>
    <context>
        <name>CrashHandler</name>
        <message>
            <source>Algo salió mal</source>
            <translation>Something went wrong</translation>
        </message>
        <message>
            <source>Ocurrió un error inesperado. Lo que ya estaba guardado en el libro no se pierde; la última acción pudo no completarse.

Los detalles están en el registro:
{path}

Si vuelve a pasar, envíe ese archivo a soporte.</source>
            <translation>An unexpected error occurred. What was already saved in the book is not lost; the last action may not have completed.

The details are in the log:
{path}

If it happens again, send that file to support.</translation>
        </message>
    </context>
    <context>
        <name>CustomerDialog</name>
        <message>
            <source>Nuevo cliente</source>
            <translation>New customer</translation>
        </message>
        <message>
            <source>Guardando cliente</source>
            <translation>Saving customer</translation>
        </message>
    </context>
    <context>
        <name>CustomerFile</name>
        <message>
            <source>← Clientes</source>
            <extracomment>The read model arrived and is on screen.</extracomment>
            <translation>← Customers</translation>
        </message>
        <message>
            <source>Cambiar es&amp;tado…</source>
            <translation>Change s&amp;tatus…</translation>
        </message>
        <message>
            <source>Saldo</source>
            <translation>Balance</translation>
        </message>
        <message>
            <source>Vencido</source>
            <translation>Overdue</translation>
        </message>
        <message>
            <source>Días de atraso</source>
            <translation>Days late</translation>
        </message>
        <message>
            <source>Saldo a favor</source>
            <translation>Credit</translation>
        </message>
        <message>
            <source>Nueva &amp;factura</source>
            <translation>New &amp;invoice</translation>
        </message>
        <message>
            <source>Registrar &amp;pago</source>
            <translation>Record &amp;payment</translation>
        </message>
        <message>
            <source>&amp;Redactar recordatorio</source>
            <translation>Compose &amp;reminder</translation>
        </message>
        <message>
            <source>Ver &amp;estado de cuenta</source>
            <translation>View &amp;statement</translation>
        </message>
        <message>
            <source>Ver aviso de pe&amp;nalización</source>
            <translation>View pe&amp;nalty notice</translation>
        </message>
        <message>
            <source>El redactor de recordatorios llegará pronto.</source>
            <translation>The reminder composer is coming soon.</translation>
        </message>
        <message>
            <source>El estado de cuenta llegará pronto.</source>
            <translation>The statement of account is coming soon.</translation>
        </message>
        <message>
            <source>Número</source>
            <translation>Number</translation>
        </message>
        <message>
            <source>Borrador</source>
            <translation>Draft</translation>
        </message>
        <message>
            <source>Emisión</source>
            <translation>Issued</translation>
        </message>
        <message>
            <source>Vence</source>
            <translation>Due</translation>
        </message>
        <message>
            <source>Total</source>
            <translation>Total</translation>
        </message>
        <message>
            <source>Estado</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Fecha</source>
            <translation>Date</translation>
        </message>
        <message>
            <source>Monto</source>
            <translation>Amount</translation>
        </message>
        <message>
            <source>Forma</source>
            <translation>Method</translation>
        </message>
        <message>
            <source>Referencia</source>
            <translation>Reference</translation>
        </message>
        <message>
            <source>Aplicado a</source>
            <translation>Applied to</translation>
        </message>
        <message>
            <source> (revertido)</source>
            <translation> (reversed)</translation>
        </message>
        <message>
            <source>Guardar cambios</source>
            <translation>Save changes</translation>
        </message>
        <message>
            <source>Sin contactos registrados</source>
            <translation>No contacts recorded</translation>
        </message>
        <message>
            <source>Aquí aparecerán las llamadas, mensajes y promesas de pago de este cliente en cuanto registres el primero.</source>
            <translation>This customer's calls, messages and payment promises will appear here as soon as you log the first one.</translation>
        </message>
        <message>
            <source>Fecha y hora</source>
            <translation>Date and time</translation>
        </message>
        <message>
            <source>Canal</source>
            <translation>Channel</translation>
        </message>
        <message>
            <source>Resultado</source>
            <translation>Outcome</translation>
        </message>
        <message>
            <source>Motivo</source>
            <translation>Reason</translation>
        </message>
        <message>
            <source>Notas</source>
            <translation>Notes</translation>
        </message>
        <message>
            <source>Próxima acción</source>
            <translation>Next action</translation>
        </message>
        <message>
            <source>Facturas</source>
            <translation>Invoices</translation>
        </message>
        <message>
            <source>Pagos</source>
            <translation>Payments</translation>
        </message>
        <message>
            <source>Historial de contacto</source>
            <translation>Contact history</translation>
        </message>
        <message>
            <source>Datos de contacto</source>
            <translation>Contact details</translation>
        </message>
        <message>
            <source>Penalizaciones</source>
            <translation>Penalties</translation>
        </message>
        <message>
            <source>Cargando…</source>
            <translation>Loading…</translation>
        </message>
        <message>
            <source>Riesgo %1 (%2) · límite sugerido %3</source>
            <translation>Risk %1 (%2) · suggested limit %3</translation>
        </message>
        <message>
            <source>Límite de crédito actual: %1</source>
            <translation>Current credit limit: %1</translation>
        </message>
        <message>
            <source>sin límite</source>
            <translation>no limit</translation>
        </message>
        <message>
            <source>Cambios guardados.</source>
            <translation>Changes saved.</translation>
        </message>
        <message>
            <source>Condiciones de crédito</source>
            <translation>Credit terms</translation>
        </message>
        <message>
            <source>Corrección</source>
            <translation>Correction</translation>
        </message>
        <message>
            <source>Sobre</source>
            <translation>About</translation>
        </message>
        <message>
            <source>Quién</source>
            <translation>Who</translation>
        </message>
        <message>
            <source>Cambios</source>
            <translation>Changes</translation>
        </message>
        <message>
            <source>Correcciones</source>
            <translation>Corrections</translation>
        </message>
        <message>
            <source>Registró</source>
            <translation>Logged by</translation>
        </message>
        <message>
            <source>Suscripciones</source>
            <translation>Subscriptions</translation>
        </message>
        <message>
            <source>%1 → prorrogada al %2</source>
            <translation>%1 → extended to %2</translation>
        </message>
        <message>
            <source> · en disputa</source>
            <translation> · disputed</translation>
        </message>
        <message>
            <source>Resolver la disputa…</source>
            <translation>Settle the dispute…</translation>
        </message>
        <message>
            <source>Poner en disputa…</source>
            <translation>Mark as disputed…</translation>
        </message>
        <message>
            <source>Historial de contactos</source>
            <translation>Contact history</translation>
        </message>
    </context>
    <context>
        <name>CustomerFileTools</name>
        <message>
            <source>&amp;Más acciones</source>
            <translation>&amp;More actions</translation>
        </message>
        <message>
            <source>&amp;Aplicar saldo a favor…</source>
            <translation>&amp;Apply credit…</translation>
        </message>
        <message>
            <source>&amp;Deshacer la última aplicación…</source>
            <translation>&amp;Undo the last allocation…</translation>
        </message>
        <message>
            <source>&amp;Prorrogar vencimiento…</source>
            <translation>&amp;Extend due date…</translation>
        </message>
        <message>
            <source>Des&amp;cuento en el próximo pago…</source>
            <translation>&amp;Discount on the next payment…</translation>
        </message>
        <message>
            <source>Pago en &amp;especie (intercambio)…</source>
            <translation>Payment in &amp;kind (barter)…</translation>
        </message>
        <message>
            <source>E&amp;xpediente para la agencia…</source>
            <translation>D&amp;ossier for the agency…</translation>
        </message>
        <message>
            <source>Editar borrador…</source>
            <translation>Edit draft…</translation>
        </message>
        <message>
            <source>Eliminar borrador…</source>
            <translation>Delete draft…</translation>
        </message>
        <message>
            <source>Cancelar factura…</source>
            <translation>Void invoice…</translation>
        </message>
        <message>
            <source>Ver factura</source>
            <translation>View invoice</translation>
        </message>
        <message>
            <source>Revertir pago…</source>
            <translation>Reverse payment…</translation>
        </message>
        <message>
            <source>Reasignar pago…</source>
            <translation>Re-allocate payment…</translation>
        </message>
        <message>
            <source>Revertir pago</source>
            <translation>Reverse payment</translation>
        </message>
        <message>
            <source>El pago queda registrado como revertido (cheque sin fondos, error de captura) y sus facturas vuelven a deber. Los descuentos que ganó se anulan.</source>
            <translation>The payment stays on record as reversed (a bounced check, a typing mistake) and its invoices owe again. The discounts it earned are voided.</translation>
        </message>
        <message>
            <source>Aplicar saldo a favor</source>
            <translation>Apply credit</translation>
        </message>
        <message>
            <source>El dinero recibido y aún no aplicado se aplica a las facturas abiertas, primero a la que venció antes.</source>
            <translation>Money received and not yet applied goes to the open invoices, the one due first first.</translation>
        </message>
        <message>
            <source>Aplicar</source>
            <translation>Apply</translation>
        </message>
        <message>
            <source>Deshacer la última aplicación</source>
            <translation>Undo the last allocation</translation>
        </message>
        <message>
            <source>La última aplicación de un pago a una factura se deshace: la factura vuelve a deber y el dinero queda como saldo a favor.</source>
            <translation>The last allocation of a payment to an invoice is undone: the invoice owes again and the money stays as credit.</translation>
        </message>
        <message>
            <source>Deshacer</source>
            <translation>Undo</translation>
        </message>
        <message>
            <source>Prorrogar vencimiento…</source>
            <translation>Extend due date…</translation>
        </message>
    </context>
    <context>
        <name>CustomerForm</name>
        <message>
            <source>Nombre o razón social</source>
            <translation>Name or company name</translation>
        </message>
        <message>
            <source>Opcional, 12 o 13 caracteres</source>
            <translation>Optional, 12 or 13 characters</translation>
        </message>
        <message>
            <source>10 dígitos</source>
            <translation>10 digits</translation>
        </message>
        <message>
            <source>Los del negocio</source>
            <translation>The business default</translation>
        </message>
        <message>
            <source> días</source>
            <translation> days</translation>
        </message>
        <message>
            <source>Sin límite</source>
            <translation>No limit</translation>
        </message>
        <message>
            <source>Nombre</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>RFC</source>
            <translation>RFC (tax ID)</translation>
        </message>
        <message>
            <source>Contacto</source>
            <translation>Contact</translation>
        </message>
        <message>
            <source>Correo</source>
            <translation>Email</translation>
        </message>
        <message>
            <source>Teléfono</source>
            <translation>Phone</translation>
        </message>
        <message>
            <source>WhatsApp</source>
            <translation>WhatsApp</translation>
        </message>
        <message>
            <source>Dirección</source>
            <translation>Address</translation>
        </message>
        <message>
            <source>Plazo de pago</source>
            <translation>Payment terms</translation>
        </message>
        <message>
            <source>Límite de crédito</source>
            <translation>Credit limit</translation>
        </message>
        <message>
            <source>Canal preferido</source>
            <translation>Preferred channel</translation>
        </message>
        <message>
            <source>Notas</source>
            <translation>Notes</translation>
        </message>
    </context>
    <context>
        <name>CustomerList</name>
        <message numerus="yes">
            <source>%Ln clientes</source>
            <translation>
                <numerusform>%Ln customer</numerusform>
                <numerusform>%Ln customers</numerusform>
            </translation>
        </message>
        <message>
            <source>Clientes</source>
            <translation>Customers</translation>
        </message>
        <message>
            <source>Buscar por nombre, RFC, teléfono o correo</source>
            <translation>Search by name, RFC, phone or email</translation>
        </message>
        <message>
            <source>Solo vencidos</source>
            <translation>Overdue only</translation>
        </message>
        <message>
            <source>Todos los estados</source>
            <translation>All statuses</translation>
        </message>
        <message>
            <source>No hay clientes todavía</source>
            <translation>No customers yet</translation>
        </message>
        <message>
            <source>Crea uno o carga el ejemplo con «cobranza demo».</source>
            <translation>Create one, or load the example with “cobranza demo”.</translation>
        </message>
        <message>
            <source>Nuevo cliente</source>
            <translation>New customer</translation>
        </message>
        <message>
            <source>Ningún cliente coincide con la búsqueda o los filtros.</source>
            <translation>No customer matches the search or the filters.</translation>
        </message>
        <message>
            <source>Cualquier antigüedad</source>
            <translation>Any age</translation>
        </message>
        <message>
            <source>%1 a %2 días</source>
            <translation>%1 to %2 days</translation>
        </message>
        <message>
            <source>Más de %1 días</source>
            <translation>Over %1 days</translation>
        </message>
        <message>
            <source>Saldo: %1</source>
            <translation>Balance: %1</translation>
        </message>
        <message>
            <source>Vencido: %1</source>
            <translation>Overdue: %1</translation>
        </message>
        <message>
            <source>1 cliente</source>
            <translation>1 customer</translation>
        </message>
        <message>
            <source>%1 clientes</source>
            <translation>%1 customers</translation>
        </message>
    </context>
    <context>
        <name>CustomerListModel</name>
        <message>
            <source>Nombre</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>Teléfono</source>
            <translation>Phone</translation>
        </message>
        <message>
            <source>Saldo</source>
            <translation>Balance</translation>
        </message>
        <message>
            <source>Vencido</source>
            <translation>Overdue</translation>
        </message>
        <message>
            <source>Días de atraso</source>
            <translation>Days late</translation>
        </message>
        <message>
            <source>Estado</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Riesgo</source>
            <translation>Risk</translation>
        </message>
        <message>
            <source>Próxima acción</source>
            <translation>Next action</translation>
        </message>
        <message>
            <source>Límite de crédito sugerido: {0}</source>
            <translation>Suggested credit limit: {0}</translation>
        </message>
        <message>
            <source>Seguimiento {0}</source>
            <translation>Follow up {0}</translation>
        </message>
        <message>
            <source>Hoy: {0}</source>
            <translation>Today: {0}</translation>
        </message>
        <message>
            <source>{0} (en espera)</source>
            <translation>{0} (waiting)</translation>
        </message>
    </context>
    <context>
        <name>CustomerPenaltiesPanel</name>
        <message>
            <source>sin condiciones firmadas: solo la tasa legal</source>
            <translation>no signed terms: the legal rate only</translation>
        </message>
        <message>
            <source>No se han aplicado cargos a este cliente.</source>
            <translation>No charges have been applied to this customer.</translation>
        </message>
        <message>
            <source>Condonar…</source>
            <translation>Waive…</translation>
        </message>
        <message>
            <source>Aplicar penalizaciones…</source>
            <translation>Apply penalties…</translation>
        </message>
        <message>
            <source>condiciones propias del cliente</source>
            <translation>the customer’s own terms</translation>
        </message>
        <message>
            <source>política del negocio</source>
            <translation>business policy</translation>
        </message>
        <message>
            <source>Condiciones ({0}): {1}</source>
            <translation>Terms ({0}): {1}</translation>
        </message>
        <message>
            <source>Penalizaciones a la fecha: {0} · cargadas {1} (por cobrar {2}) · generadas sin cargar {3} · condonadas {4}</source>
            <translation>Penalties to date: {0} · charged {1} (receivable {2}) · accrued, not charged {3} · waived {4}</translation>
        </message>
        <message>
            <source>Condonando el cargo</source>
            <translation>Waiving the charge</translation>
        </message>
        <message>
            <source>Se condonó {0} por {1}.</source>
            <translation>{0} was waived for {1}.</translation>
        </message>
        <message>
            <source>Corregir…</source>
            <translation>Correct…</translation>
        </message>
        <message>
            <source>El cargo estaba mal (por ejemplo, un pago registrado tarde): se anula y su periodo se vuelve a calcular al aplicar las penalizaciones.</source>
            <translation>The charge was wrong (say, a payment typed late): it is voided and its period is computed again when penalties are applied.</translation>
        </message>
    </context>
    <context>
        <name>CustomerPicker</name>
        <message>
            <source>Escriba parte del nombre del cliente</source>
            <translation>Type part of the customer’s name</translation>
        </message>
    </context>
    <context>
        <name>CustomerSubscriptionsTab</name>
        <message numerus="yes">
            <source>%Ln suscripciones activas · %1 al mes</source>
            <translation>
                <numerusform>%Ln active subscription · %1 a month</numerusform>
                <numerusform>%Ln active subscriptions · %1 a month</numerusform>
            </translation>
        </message>
        <message>
            <source>Servicio</source>
            <translation>Service</translation>
        </message>
        <message>
            <source>Periodo</source>
            <translation>Period</translation>
        </message>
        <message>
            <source>Precio</source>
            <translation>Price</translation>
        </message>
        <message>
            <source>Día de cobro</source>
            <translation>Billing day</translation>
        </message>
        <message>
            <source>Inicio</source>
            <translation>Start</translation>
        </message>
        <message>
            <source>Último periodo</source>
            <translation>Last period</translation>
        </message>
        <message>
            <source>Estado</source>
            <translation>State</translation>
        </message>
        <message>
            <source>Devolver saldo a favor…</source>
            <translation>Refund credit…</translation>
        </message>
        <message>
            <source>Este cliente no tiene suscripciones.</source>
            <translation>This customer has no subscriptions.</translation>
        </message>
        <message>
            <source>Activa</source>
            <translation>Active</translation>
        </message>
        <message>
            <source>Cancelada el %1</source>
            <translation>Cancelled on %1</translation>
        </message>
        <message>
            <source>Suscripciones</source>
            <translation>Subscriptions</translation>
        </message>
        <message>
            <source>%1 suscripciones activas · %2 al mes</source>
            <translation>%1 active subscriptions · %2 a month</translation>
        </message>
    </context>
    <context>
        <name>CustomerTermsPanel</name>
        <message>
            <source>Los recargos y premios deben estar por escrito y firmados por el cliente. Imprima las condiciones, déselas a leer y registre la fecha de firma.</source>
            <translation>Late charges and rewards must be in writing and signed by the customer. Print the terms, give them to read, and record the signing date.</translation>
        </message>
        <message>
            <source>Imprimir condiciones</source>
            <translation>Print terms</translation>
        </message>
        <message>
            <source>Marcar como firmadas</source>
            <translation>Mark as signed</translation>
        </message>
        <message>
            <source>Firmadas el</source>
            <translation>Signed on</translation>
        </message>
        <message>
            <source>Sin condiciones firmadas: antes de cobrar recargos hay que justificarlo.</source>
            <translation>No signed terms: charging late fees needs a reason.</translation>
        </message>
        <message>
            <source>Firmó la versión %1 el %2; la versión vigente es %3.</source>
            <translation>Signed version %1 on %2; the current version is %3.</translation>
        </message>
        <message>
            <source>Firmadas el %1 (versión %2).</source>
            <translation>Signed on %1 (version %2).</translation>
        </message>
        <message>
            <source>Cambió desde entonces: %1</source>
            <translation>Changed since then: %1</translation>
        </message>
        <message>
            <source>Fecha de firma</source>
            <translation>Signed on</translation>
        </message>
    </context>
    <context>
        <name>DeleteDraftDialog</name>
        <message>
            <source>Eliminar borrador</source>
            <translation>Delete draft</translation>
        </message>
        <message>
            <source>Por qué se elimina (opcional)</source>
            <translation>Why it is deleted (optional)</translation>
        </message>
        <message>
            <source>&amp;Motivo</source>
            <translation>&amp;Reason</translation>
        </message>
        <message>
            <source>Se elimina el borrador del %1 por %2. No tiene folio y no cambia ningún saldo.</source>
            <translation>The draft of %1 for %2 is deleted. It has no folio and changes no balance.</translation>
        </message>
    </context>
    <context>
        <name>DiscountDialog</name>
        <message>
            <source>Descuento en el próximo pago</source>
            <translation>Discount on the next payment</translation>
        </message>
        <message>
            <source>Conceder descuento</source>
            <translation>Grant discount</translation>
        </message>
        <message>
            <source>Por qué se concede (obligatorio)</source>
            <translation>Why it is granted (required)</translation>
        </message>
        <message>
            <source>Monto del &amp;descuento</source>
            <translation>Discount &amp;amount</translation>
        </message>
        <message>
            <source>&amp;Motivo</source>
            <translation>&amp;Reason</translation>
        </message>
        <message>
            <source>Ya concedidos y pendientes: %1</source>
            <translation>Already granted and pending: %1</translation>
        </message>
        <message>
            <source>No hay otros descuentos pendientes.</source>
            <translation>No other discounts are pending.</translation>
        </message>
        <message>
            <source>Saldo actual: %1.</source>
            <translation>Current balance: %1.</translation>
        </message>
        <message>
            <source>Cuando se registre el próximo pago se aplicará además un descuento de %1: el saldo de %2 bajará a %3 más lo que se pague.</source>
            <translation>When the next payment is recorded, a discount of %1 is applied too: the balance of %2 goes down to %3 less what is paid.</translation>
        </message>
        <message>
            <source>Escriba el motivo.</source>
            <translation>Write the reason.</translation>
        </message>
    </context>
    <context>
        <name>DisputeDialog</name>
        <message>
            <source>Desde el %1: %2</source>
            <translation>Since %1: %2</translation>
        </message>
        <message>
            <source> — resuelta el %1: %2</source>
            <translation> — settled on %1: %2</translation>
        </message>
        <message>
            <source>Resolver la disputa</source>
            <translation>Settle the dispute</translation>
        </message>
        <message>
            <source>La factura %1 (%2, saldo %3) está en disputa. Al resolverla, su cobranza y sus recargos continúan.</source>
            <translation>Invoice %1 (%2, balance %3) is disputed. Once it is settled, its collection and its penalties resume.</translation>
        </message>
        <message>
            <source>Cómo se resolvió (obligatorio)</source>
            <translation>How it was settled (required)</translation>
        </message>
        <message>
            <source>Poner en disputa</source>
            <translation>Mark as disputed</translation>
        </message>
        <message>
            <source>Mientras la factura %1 (%2, saldo %3) esté en disputa, la agenda no propone acciones sobre ella y no genera recargos. La antigüedad la sigue mostrando.</source>
            <translation>While invoice %1 (%2, balance %3) is disputed, the agenda proposes nothing about it and it accrues no penalties. Aging still shows it.</translation>
        </message>
        <message>
            <source>Qué dice el cliente (obligatorio)</source>
            <translation>What the customer says (required)</translation>
        </message>
        <message>
            <source>Motivo</source>
            <translation>Reason</translation>
        </message>
        <message>
            <source>Escriba el motivo.</source>
            <translation>Write the reason.</translation>
        </message>
    </context>
    <context>
        <name>DocumentActions</name>
        <message>
            <source>Factura</source>
            <translation>Invoice</translation>
        </message>
        <message>
            <source>Estado de cuenta</source>
            <translation>Statement of account</translation>
        </message>
        <message>
            <source>Aviso de penalización</source>
            <translation>Penalty notice</translation>
        </message>
        <message>
            <source>Recibo de pago</source>
            <translation>Payment receipt</translation>
        </message>
        <message>
            <source>Cartas de cobranza</source>
            <translation>Collection letters</translation>
        </message>
    </context>
    <context>
        <name>DossierDialog</name>
        <message>
            <source>Expediente para la agencia</source>
            <translation>Dossier for the agency</translation>
        </message>
        <message>
            <source>Exportar expediente</source>
            <translation>Export dossier</translation>
        </message>
        <message>
            <source>&amp;Elegir…</source>
            <translation>&amp;Choose…</translation>
        </message>
        <message>
            <source>Una &amp;carpeta con expediente.pdf y facturas.csv</source>
            <translation>A &amp;folder with expediente.pdf and facturas.csv</translation>
        </message>
        <message>
            <source>Un archivo .&amp;zip</source>
            <translation>A .&amp;zip file</translation>
        </message>
        <message>
            <source>Marcar al cliente «con &amp;agencia» (la cobranza se detiene)</source>
            <translation>Mark the customer “with &amp;agency” (collection stops)</translation>
        </message>
        <message>
            <source>Agencia o abogado, y por qué (opcional)</source>
            <translation>Agency or lawyer, and why (optional)</translation>
        </message>
        <message>
            <source>&amp;Guardar en</source>
            <translation>&amp;Save in</translation>
        </message>
        <message>
            <source>&amp;Motivo</source>
            <translation>&amp;Reason</translation>
        </message>
        <message>
            <source>Se exportan el estado de cuenta, las facturas abiertas, los contactos, las promesas y los planes de %1.</source>
            <translation>The statement, open invoices, contacts, promises and plans of %1 are exported.</translation>
        </message>
        <message>
            <source>Elija dónde guardar el expediente.</source>
            <translation>Choose where to save the dossier.</translation>
        </message>
    </context>
    <context>
        <name>ExtendDueDateDialog</name>
        <message>
            <source>Prorrogar vencimiento</source>
            <translation>Extend due date</translation>
        </message>
        <message>
            <source>Prorrogar</source>
            <translation>Extend</translation>
        </message>
        <message>
            <source>%1 · vence %2 · saldo %3</source>
            <translation>%1 · due %2 · balance %3</translation>
        </message>
        <message>
            <source>Lo acordado con el cliente (obligatorio)</source>
            <translation>What was agreed with the customer (required)</translation>
        </message>
        <message>
            <source>&amp;Factura</source>
            <translation>&amp;Invoice</translation>
        </message>
        <message>
            <source>&amp;Nueva fecha acordada</source>
            <translation>&amp;New agreed date</translation>
        </message>
        <message>
            <source>&amp;Motivo</source>
            <translation>&amp;Reason</translation>
        </message>
        <message>
            <source>No hay facturas con saldo que prorrogar.</source>
            <translation>There are no invoices with a balance to extend.</translation>
        </message>
        <message>
            <source>La factura %1 vencerá el %2 (vencía el %3). La cobranza vuelve a empezar desde la nueva fecha; la antigüedad la sigue mostrando por su vencimiento original.</source>
            <translation>Invoice %1 will be due on %2 (it was due on %3). Collection starts again from the new date; aging still shows it by its original due date.</translation>
        </message>
        <message>
            <source>Escriba el motivo.</source>
            <translation>Write the reason.</translation>
        </message>
    </context>
    <context>
        <name>Features</name>
        <message>
            <source>Penalizaciones</source>
            <translation>Penalties</translation>
        </message>
        <message>
            <source>Correo (SMTP)</source>
            <translation>Email (SMTP)</translation>
        </message>
        <message>
            <source>Plantillas de mensajes</source>
            <translation>Message templates</translation>
        </message>
        <message>
            <source>&amp;Cobranza</source>
            <translation>&amp;Collections</translation>
        </message>
        <message>
            <source>Aplicar penalizaciones…</source>
            <translation>Apply penalties…</translation>
        </message>
        <message>
            <source>Imprimir cartas del día…</source>
            <translation>Print today's letters…</translation>
        </message>
        <message>
            <source>Motivos de no pago…</source>
            <translation>Reasons for non-payment…</translation>
        </message>
        <message>
            <source>Enviar comunicado…</source>
            <translation>Send announcement…</translation>
        </message>
        <message>
            <source>Condiciones por actualizar…</source>
            <translation>Terms to update…</translation>
        </message>
        <message>
            <source>Antigüedad</source>
            <translation>Aging</translation>
        </message>
        <message>
            <source>Política de contacto</source>
            <translation>Contact policy</translation>
        </message>
        <message>
            <source>Escalera de cobranza</source>
            <translation>Escalation ladder</translation>
        </message>
        <message>
            <source>Incentivos</source>
            <translation>Incentives</translation>
        </message>
        <message>
            <source>Cómo pagar</source>
            <translation>How to pay</translation>
        </message>
        <message>
            <source>Usuarios</source>
            <translation>Users</translation>
        </message>
        <message>
            <source>&amp;Importar…</source>
            <translation>&amp;Import…</translation>
        </message>
        <message>
            <source>Importaciones &amp;anteriores…</source>
            <translation>Previous &amp;imports…</translation>
        </message>
        <message>
            <source>E&amp;xportar</source>
            <translation>E&amp;xport</translation>
        </message>
        <message>
            <source>&amp;Clientes…</source>
            <translation>&amp;Customers…</translation>
        </message>
        <message>
            <source>&amp;Facturas…</source>
            <translation>&amp;Invoices…</translation>
        </message>
        <message>
            <source>&amp;Pagos…</source>
            <translation>&amp;Payments…</translation>
        </message>
        <message>
            <source>C&amp;ontactos…</source>
            <translation>C&amp;ontacts…</translation>
        </message>
        <message>
            <source>&amp;Agenda de hoy…</source>
            <translation>Today's &amp;agenda…</translation>
        </message>
        <message>
            <source>&amp;Libro completo para el contador…</source>
            <translation>&amp;Whole book for the accountant…</translation>
        </message>
        <message>
            <source>Exportar</source>
            <translation>Export</translation>
        </message>
        <message>
            <source>Excel (*.xlsx)</source>
            <translation>Excel (*.xlsx)</translation>
        </message>
        <message>
            <source>CSV (*.csv)</source>
            <translation>CSV (*.csv)</translation>
        </message>
        <message>
            <source>Zip (*.zip)</source>
            <translation>Zip (*.zip)</translation>
        </message>
        <message>
            <source>%1 filas exportadas a %2.</source>
            <translation>%1 rows exported to %2.</translation>
        </message>
        <message>
            <source>Libro exportado a %1 (%2 tablas).</source>
            <translation>Book exported to %1 (%2 tables).</translation>
        </message>
        <message>
            <source>Exportando…</source>
            <translation>Exporting…</translation>
        </message>
    </context>
    <context>
        <name>FirstStart</name>
        <message>
            <source>Bienvenido a Cobranza Desktop</source>
            <translation>Welcome to Cobranza Desktop</translation>
        </message>
        <message>
            <source>Todavía no hay un libro. ¿Cómo quiere empezar?</source>
            <translation>There is no book yet. How would you like to start?</translation>
        </message>
        <message>
            <source>&amp;Empezar un libro nuevo…</source>
            <translation>&amp;Start a new book…</translation>
        </message>
        <message>
            <source>&amp;Abrir un libro que ya tengo…</source>
            <translation>&amp;Open a book I already have…</translation>
        </message>
        <message>
            <source>E&amp;xplorar el ejemplo</source>
            <translation>E&amp;xplore the demo</translation>
        </message>
        <message>
            <source>Con los datos de su negocio</source>
            <translation>With your business's details</translation>
        </message>
        <message>
            <source>Un archivo .sqlite</source>
            <translation>A .sqlite file</translation>
        </message>
        <message>
            <source>Un negocio inventado</source>
            <translation>A made-up business</translation>
        </message>
        <message>
            <source>Preparando el ejemplo</source>
            <translation>Preparing the demo</translation>
        </message>
    </context>
    <context>
        <name>HowToPaySettingsTab</name>
        <message>
            <source>Restaurar valores predeterminados</source>
            <translation>Restore defaults</translation>
        </message>
        <message>
            <source>Descartar cambios</source>
            <translation>Discard changes</translation>
        </message>
        <message>
            <source>Guardar</source>
            <translation>Save</translation>
        </message>
        <message>
            <source>Valores predeterminados: pulse Guardar para conservarlos.</source>
            <translation>Default values: press Save to keep them.</translation>
        </message>
        <message>
            <source>Guardado.</source>
            <translation>Saved.</translation>
        </message>
        <message>
            <source>Cómo pagar</source>
            <translation>How to pay</translation>
        </message>
        <message>
            <source>El texto que se imprime en los estados de cuenta, avisos y cartas: cuenta CLABE, dónde pagar, a quién enviar el comprobante.</source>
            <translation>The text printed on statements, notices and letters: the CLABE account, where to pay, whom to send the receipt to.</translation>
        </message>
        <message>
            <source>Transferencia a la CLABE 012 180 00000000000 0, a nombre de …</source>
            <translation>Transfer to CLABE 012 180 00000000000 0, in the name of …</translation>
        </message>
        <message>
            <source>Texto:</source>
            <translation>Text:</translation>
        </message>
        <message>
            <source>El texto es demasiado largo (máximo %1 caracteres).</source>
            <translation>The text is too long (at most %1 characters).</translation>
        </message>
    </context>
    <context>
        <name>ImportBatchesDialog</name>
        <message>
            <source>Importaciones anteriores</source>
            <translation>Previous imports</translation>
        </message>
        <message>
            <source>Lote</source>
            <translation>Batch</translation>
        </message>
        <message>
            <source>Fecha</source>
            <translation>Date</translation>
        </message>
        <message>
            <source>Tipo</source>
            <translation>Kind</translation>
        </message>
        <message>
            <source>Contenido</source>
            <translation>Contents</translation>
        </message>
        <message>
            <source>Estado</source>
            <translation>State</translation>
        </message>
        <message>
            <source>Deshacer el lote…</source>
            <translation>Undo the batch…</translation>
        </message>
        <message>
            <source>CFDI</source>
            <translation>CFDI</translation>
        </message>
        <message>
            <source>Clientes</source>
            <translation>Customers</translation>
        </message>
        <message>
            <source>Facturas</source>
            <translation>Invoices</translation>
        </message>
        <message>
            <source>Pagos</source>
            <translation>Payments</translation>
        </message>
        <message>
            <source>Suscripciones</source>
            <translation>Subscriptions</translation>
        </message>
        <message>
            <source>Deshecho el %1</source>
            <translation>Undone on %1</translation>
        </message>
        <message>
            <source>Vigente</source>
            <translation>In force</translation>
        </message>
        <message>
            <source>Todavía no hay importaciones.</source>
            <translation>No imports yet.</translation>
        </message>
        <message>
            <source>Lote %1 deshecho: sus documentos quedaron anulados.</source>
            <translation>Batch %1 undone: its documents were voided.</translation>
        </message>
        <message>
            <source>clientes nuevos</source>
            <translation>new customers</translation>
        </message>
        <message>
            <source>facturas</source>
            <translation>invoices</translation>
        </message>
        <message>
            <source>notas de crédito</source>
            <translation>credit notes</translation>
        </message>
        <message>
            <source>pagos</source>
            <translation>payments</translation>
        </message>
        <message>
            <source>omitidos</source>
            <translation>skipped</translation>
        </message>
        <message>
            <source>suscripciones</source>
            <translation>subscriptions</translation>
        </message>
    </context>
    <context>
        <name>ImportFields</name>
        <message>
            <source>Cliente (nombre)</source>
            <translation>Customer (name)</translation>
        </message>
        <message>
            <source>RFC</source>
            <translation>RFC (tax id)</translation>
        </message>
        <message>
            <source>Teléfono</source>
            <translation>Phone</translation>
        </message>
        <message>
            <source>WhatsApp</source>
            <translation>WhatsApp</translation>
        </message>
        <message>
            <source>Correo</source>
            <translation>Email</translation>
        </message>
        <message>
            <source>Contacto</source>
            <translation>Contact</translation>
        </message>
        <message>
            <source>Días de crédito</source>
            <translation>Credit days</translation>
        </message>
        <message>
            <source>Folio o factura</source>
            <translation>Folio or invoice</translation>
        </message>
        <message>
            <source>Fecha de emisión</source>
            <translation>Issue date</translation>
        </message>
        <message>
            <source>Vencimiento</source>
            <translation>Due date</translation>
        </message>
        <message>
            <source>Importe total</source>
            <translation>Total amount</translation>
        </message>
        <message>
            <source>Saldo</source>
            <translation>Balance</translation>
        </message>
        <message>
            <source>Pagado</source>
            <translation>Paid</translation>
        </message>
        <message>
            <source>UUID (folio fiscal)</source>
            <translation>UUID (fiscal folio)</translation>
        </message>
        <message>
            <source>Método de pago (PUE/PPD)</source>
            <translation>Payment method (PUE/PPD)</translation>
        </message>
        <message>
            <source>En disputa</source>
            <translation>Disputed</translation>
        </message>
        <message>
            <source>Referencia</source>
            <translation>Reference</translation>
        </message>
        <message>
            <source>Fecha de pago</source>
            <translation>Payment date</translation>
        </message>
        <message>
            <source>Descripción</source>
            <translation>Description</translation>
        </message>
        <message>
            <source>Precio</source>
            <translation>Price</translation>
        </message>
        <message>
            <source>IVA (%)</source>
            <translation>VAT (%)</translation>
        </message>
        <message>
            <source>Periodo</source>
            <translation>Period</translation>
        </message>
        <message>
            <source>Día de cobro</source>
            <translation>Billing day</translation>
        </message>
        <message>
            <source>Inicio</source>
            <translation>Start</translation>
        </message>
        <message>
            <source>Fin</source>
            <translation>End</translation>
        </message>
        <message>
            <source>Moneda (MXN si no hay)</source>
            <translation>Currency (MXN if none)</translation>
        </message>
        <message>
            <source>Tipo de cambio</source>
            <translation>Exchange rate</translation>
        </message>
    </context>
    <context>
        <name>ImportWizard</name>
        <message>
            <source>Importación guardada (lote %1): %2. Por cobrar importado: %3.</source>
            <translation>Import saved (batch %1): %2. Receivable imported: %3.</translation>
        </message>
        <message numerus="yes">
            <source>%Ln pagos</source>
            <translation>
                <numerusform>%Ln payment</numerusform>
                <numerusform>%Ln payments</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln notas de crédito</source>
            <translation>
                <numerusform>%Ln credit note</numerusform>
                <numerusform>%Ln credit notes</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln facturas</source>
            <translation>
                <numerusform>%Ln invoice</numerusform>
                <numerusform>%Ln invoices</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln clientes nuevos</source>
            <translation>
                <numerusform>%Ln new customer</numerusform>
                <numerusform>%Ln new customers</numerusform>
            </translation>
        </message>
        <message>
            <source>Importar</source>
            <translation>Import</translation>
        </message>
        <message>
            <source>Indique qué columna tiene cada dato. Lo marcado con * es obligatorio; la elección se recuerda para la próxima vez.</source>
            <translation>Say which column holds each item. Items marked * are required; your choice is remembered for next time.</translation>
        </message>
        <message>
            <source>Omitir los duplicados</source>
            <translation>Skip duplicates</translation>
        </message>
        <message>
            <source>Actualizar los duplicados</source>
            <translation>Update duplicates</translation>
        </message>
        <message>
            <source>Vista previa: todavía no se guardó nada.</source>
            <translation>Preview: nothing has been saved yet.</translation>
        </message>
        <message>
            <source>Deshacer esta importación</source>
            <translation>Undo this import</translation>
        </message>
        <message>
            <source>&lt; Atrás</source>
            <translation>&lt; Back</translation>
        </message>
        <message>
            <source>Siguiente &gt;</source>
            <translation>Next &gt;</translation>
        </message>
        <message>
            <source>Cancelar</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>Facturas, notas de crédito y pagos CFDI (XML, carpeta o zip del SAT)</source>
            <translation>CFDI invoices, credit notes and payments (XML, a folder or the SAT's zip)</translation>
        </message>
        <message>
            <source>Lista de clientes (CSV o XLSX)</source>
            <translation>Customer list (CSV or XLSX)</translation>
        </message>
        <message>
            <source>Facturas pendientes con su saldo (CSV o XLSX)</source>
            <translation>Open invoices with their balance (CSV or XLSX)</translation>
        </message>
        <message>
            <source>Pagos recibidos (CSV o XLSX)</source>
            <translation>Payments received (CSV or XLSX)</translation>
        </message>
        <message>
            <source>Suscripciones (CSV o XLSX)</source>
            <translation>Subscriptions (CSV or XLSX)</translation>
        </message>
        <message>
            <source>¿Qué quiere importar?</source>
            <translation>What do you want to import?</translation>
        </message>
        <message>
            <source>Elegir archivos…</source>
            <translation>Choose files…</translation>
        </message>
        <message>
            <source>Elegir carpeta…</source>
            <translation>Choose folder…</translation>
        </message>
        <message>
            <source>RFC del negocio (si el perfil no lo tiene):</source>
            <translation>Business RFC (if the profile has none):</translation>
        </message>
        <message>
            <source>se toma el emisor de la mayoría de los archivos</source>
            <translation>the issuer of most files is taken</translation>
        </message>
        <message>
            <source>Archivos CFDI</source>
            <translation>CFDI files</translation>
        </message>
        <message>
            <source>CFDI (*.xml *.zip);;Todos (*)</source>
            <translation>CFDI (*.xml *.zip);;All (*)</translation>
        </message>
        <message>
            <source>Hoja de cálculo</source>
            <translation>Spreadsheet</translation>
        </message>
        <message>
            <source>Hojas (*.csv *.xlsx *.txt);;Todos (*)</source>
            <translation>Spreadsheets (*.csv *.xlsx *.txt);;All (*)</translation>
        </message>
        <message>
            <source>Carpeta con CFDI</source>
            <translation>Folder with CFDI</translation>
        </message>
        <message>
            <source>1. Origen</source>
            <translation>1. Source</translation>
        </message>
        <message>
            <source>2. Columnas</source>
            <translation>2. Columns</translation>
        </message>
        <message>
            <source>3. Vista previa</source>
            <translation>3. Preview</translation>
        </message>
        <message>
            <source>4. Resultado</source>
            <translation>4. Result</translation>
        </message>
        <message>
            <source>Cerrar</source>
            <translation>Close</translation>
        </message>
        <message>
            <source>Cancelado: no se guardó nada.</source>
            <translation>Cancelled: nothing was saved.</translation>
        </message>
        <message>
            <source>Leyendo el archivo…</source>
            <translation>Reading the file…</translation>
        </message>
        <message>
            <source>Leyendo los CFDI…</source>
            <translation>Reading the CFDI…</translation>
        </message>
        <message>
            <source>Revisando las filas…</source>
            <translation>Checking the rows…</translation>
        </message>
        <message>
            <source>Importando…</source>
            <translation>Importing…</translation>
        </message>
        <message>
            <source>No se guardó nada: revise los problemas.</source>
            <translation>Nothing was saved: look at the problems.</translation>
        </message>
        <message>
            <source>Lote %1 deshecho: sus documentos quedaron anulados («importación deshecha»).</source>
            <translation>Batch %1 undone: its documents were voided ("import undone").</translation>
        </message>
        <message>
            <source>Deshaciendo…</source>
            <translation>Undoing…</translation>
        </message>
        <message>
            <source>Importación guardada (lote %1): %2 clientes nuevos, %3 facturas, %4 notas de crédito y %5 pagos. Por cobrar importado: %6.</source>
            <translation>Import saved (batch %1): %2 new customers, %3 invoices, %4 credit notes and %5 payments. Receivable imported: %6.</translation>
        </message>
        <message>
            <source>Archivos elegidos</source>
            <translation>Chosen files</translation>
        </message>
    </context>
    <context>
        <name>IncentiveSettingsTab</name>
        <message>
            <source>Restaurar valores predeterminados</source>
            <translation>Restore defaults</translation>
        </message>
        <message>
            <source>Descartar cambios</source>
            <translation>Discard changes</translation>
        </message>
        <message>
            <source>Guardar</source>
            <translation>Save</translation>
        </message>
        <message>
            <source>Valores predeterminados: pulse Guardar para conservarlos.</source>
            <translation>Default values: press Save to keep them.</translation>
        </message>
        <message>
            <source>Guardado.</source>
            <translation>Saved.</translation>
        </message>
        <message>
            <source>Sin oferta</source>
            <translation>No offer</translation>
        </message>
        <message>
            <source>Descuento (%)</source>
            <translation>Discount (%)</translation>
        </message>
        <message>
            <source>Meses gratis</source>
            <translation>Free months</translation>
        </message>
        <message>
            <source>Incentivos</source>
            <translation>Incentives</translation>
        </message>
        <message>
            <source>Los descuentos pactados: por pronto pago, el premio a la puntualidad y las ofertas por pagar meses por adelantado. Se registran como bonificaciones.</source>
            <translation>The agreed discounts: for early payment, the punctuality reward and the offers for paying months in advance. They are booked as allowances.</translation>
        </message>
        <message>
            <source>Descuento por pronto pago</source>
            <translation>Early-payment discount</translation>
        </message>
        <message>
            <source>2/10 neto 30</source>
            <translation>2/10 net 30</translation>
        </message>
        <message>
            <source>2/10 neto 30: 2 % de descuento si paga en 10 días; vence a los 30.</source>
            <translation>2/10 net 30: 2 % off if paid within 10 days; due at 30.</translation>
        </message>
        <message>
            <source>Premio por puntualidad</source>
            <translation>Punctuality reward</translation>
        </message>
        <message>
            <source> pagos puntuales seguidos</source>
            <translation> on-time payments in a row</translation>
        </message>
        <message>
            <source>Términos:</source>
            <translation>Terms:</translation>
        </message>
        <message>
            <source>Después de:</source>
            <translation>After:</translation>
        </message>
        <message>
            <source>Descuento en la siguiente factura (%):</source>
            <translation>Discount on the next invoice (%):</translation>
        </message>
        <message>
            <source>Pago adelantado de %1 meses:</source>
            <translation>Prepaying %1 months:</translation>
        </message>
        <message>
            <source>%1/%2 neto %3</source>
            <translation>%1/%2 net %3</translation>
        </message>
        <message>
            <source>Escriba cuántos meses gratis (ej. 1).</source>
            <translation>Type how many free months (e.g. 1).</translation>
        </message>
        <message>
            <source>Ejemplo: una factura de %1 pagada a tiempo para el pronto pago recibe %2 de bonificación.</source>
            <translation>Example: an invoice of %1 paid in time for the early-payment discount gets %2 off.</translation>
        </message>
        <message>
            <source>Valor del pago adelantado de %1 meses</source>
            <translation>Value of the %1-month prepayment</translation>
        </message>
    </context>
    <context>
        <name>IndicatorsPage</name>
        <message>
            <source>sin pagos</source>
            <translation>no payments</translation>
        </message>
        <message>
            <source>Promedio de días de atraso de sus pagos de los últimos 90 días.</source>
            <translation>Average days late of their payments over the last 90 days.</translation>
        </message>
        <message>
            <source>Atraso al pagar</source>
            <translation>Days late paying</translation>
        </message>
        <message>
            <source>%1 días</source>
            <translation>%1 days</translation>
        </message>
        <message>
            <source>%1 pts.</source>
            <translation>%1 pts</translation>
        </message>
        <message>
            <source>%1 vs. anterior</source>
            <translation>%1 vs. previous</translation>
        </message>
        <message>
            <source>Al día</source>
            <translation>As of</translation>
        </message>
        <message>
            <source>Calculando indicadores</source>
            <translation>Computing indicators</translation>
        </message>
        <message>
            <source>Calculando…</source>
            <translation>Computing…</translation>
        </message>
        <message>
            <source>Cliente</source>
            <translation>Customer</translation>
        </message>
        <message>
            <source>Cobrado</source>
            <translation>Collected</translation>
        </message>
        <message>
            <source>Cobrado y vendido por mes</source>
            <translation>Collected and sold per month</translation>
        </message>
        <message>
            <source>DSO al cierre de cada mes (días)</source>
            <translation>DSO at each month's end (days)</translation>
        </message>
        <message>
            <source>Días de atraso</source>
            <translation>Days late</translation>
        </message>
        <message>
            <source>Esperado</source>
            <translation>Expected</translation>
        </message>
        <message>
            <source>Indicadores</source>
            <extracomment>Emitted when the figures are shown (tests listen).</extracomment>
            <translation>Indicators</translation>
        </message>
        <message>
            <source>Indicadores al %1</source>
            <translation>Indicators as of %1</translation>
        </message>
        <message>
            <source>Los 10 saldos más grandes</source>
            <translation>The 10 largest balances</translation>
        </message>
        <message>
            <source>Máximo</source>
            <translation>High</translation>
        </message>
        <message>
            <source>Mínimo</source>
            <translation>Low</translation>
        </message>
        <message>
            <source>No se pudieron calcular los indicadores: %1</source>
            <translation>The indicators could not be computed: %1</translation>
        </message>
        <message>
            <source>Periodo anterior: %1</source>
            <translation>Previous period: %1</translation>
        </message>
        <message>
            <source>Pronóstico de cobro por semana</source>
            <translation>Collection forecast per week</translation>
        </message>
        <message>
            <source>Saldo</source>
            <translation>Balance</translation>
        </message>
        <message>
            <source>Vencido</source>
            <translation>Overdue</translation>
        </message>
        <message>
            <source>Vendido</source>
            <translation>Sold</translation>
        </message>
        <message>
            <source>sin periodo anterior</source>
            <translation>no previous period</translation>
        </message>
        <message>
            <source>Todavía no hay ventas ni cobros. Registra facturas y pagos para verlos aquí.</source>
            <translation>No sales or collections yet. Record invoices and payments to see them here.</translation>
        </message>
        <message>
            <source>Fecha de corte</source>
            <translation>As of</translation>
        </message>
    </context>
    <context>
        <name>InvoiceEditor</name>
        <message>
            <source>Según el plazo del cliente</source>
            <translation>From the customer’s terms</translation>
        </message>
        <message>
            <source>Cliente</source>
            <translation>Customer</translation>
        </message>
        <message>
            <source>Fecha de emisión</source>
            <translation>Issue date</translation>
        </message>
        <message>
            <source>Vencimiento</source>
            <translation>Due date</translation>
        </message>
        <message>
            <source>Notas</source>
            <translation>Notes</translation>
        </message>
        <message>
            <source>Descripción</source>
            <translation>Description</translation>
        </message>
        <message>
            <source>Cantidad</source>
            <translation>Quantity</translation>
        </message>
        <message>
            <source>Precio unitario</source>
            <translation>Unit price</translation>
        </message>
        <message>
            <source>Descuento %</source>
            <translation>Discount %</translation>
        </message>
        <message>
            <source>IVA %</source>
            <translation>VAT %</translation>
        </message>
        <message>
            <source>Importe</source>
            <translation>Amount</translation>
        </message>
        <message>
            <source>Agregar renglón</source>
            <translation>Add line</translation>
        </message>
        <message>
            <source>Quitar renglón</source>
            <translation>Remove line</translation>
        </message>
        <message>
            <source>Subtotal</source>
            <translation>Subtotal</translation>
        </message>
        <message>
            <source>Descuento incluido</source>
            <translation>Discount included</translation>
        </message>
        <message>
            <source>IVA</source>
            <translation>VAT</translation>
        </message>
        <message>
            <source>Total</source>
            <translation>Total</translation>
        </message>
        <message>
            <source>Motivo para dar crédito pese a la restricción</source>
            <translation>Why credit is given despite the restriction</translation>
        </message>
        <message>
            <source>Motivo de autorización</source>
            <translation>Authorization reason</translation>
        </message>
        <message>
            <source>Emitir factura</source>
            <translation>Issue invoice</translation>
        </message>
        <message>
            <source>Motivo de la cancelación</source>
            <translation>Reason for voiding</translation>
        </message>
        <message>
            <source>Cancelar factura</source>
            <translation>Void invoice</translation>
        </message>
        <message>
            <source>Nueva factura</source>
            <translation>New invoice</translation>
        </message>
        <message>
            <source>Emitiendo factura</source>
            <translation>Issuing invoice</translation>
        </message>
        <message>
            <source>Escriba el motivo de la cancelación.</source>
            <translation>Write the reason for voiding.</translation>
        </message>
        <message>
            <source>Factura %1</source>
            <translation>Invoice %1</translation>
        </message>
        <message>
            <source>(borrador)</source>
            <translation>(draft)</translation>
        </message>
        <message>
            <source>Cancelada el %1: %2</source>
            <translation>Voided on %1: %2</translation>
        </message>
        <message>
            <source>Guardar borrador</source>
            <translation>Save draft</translation>
        </message>
        <message>
            <source>Al cancelarla deja de deberse su saldo (%1); lo pagado (%2) queda a favor.</source>
            <translation>Once voided, its balance (%1) is no longer owed; what was paid (%2) stays as credit.</translation>
        </message>
        <message>
            <source>Conceptos</source>
            <translation>Items</translation>
        </message>
    </context>
    <context>
        <name>InvoiceLinesTable</name>
        <message>
            <source>Descripción</source>
            <translation>Description</translation>
        </message>
        <message>
            <source>Cantidad</source>
            <translation>Quantity</translation>
        </message>
        <message>
            <source>Precio unitario</source>
            <translation>Unit price</translation>
        </message>
        <message>
            <source>Descuento %</source>
            <translation>Discount %</translation>
        </message>
        <message>
            <source>IVA %</source>
            <translation>VAT %</translation>
        </message>
        <message>
            <source>Importe</source>
            <translation>Amount</translation>
        </message>
    </context>
    <context>
        <name>InvoiceListModel</name>
        <message>
            <source>Número</source>
            <translation>Number</translation>
        </message>
        <message>
            <source>Borrador</source>
            <translation>Draft</translation>
        </message>
        <message>
            <source>Cliente</source>
            <translation>Customer</translation>
        </message>
        <message>
            <source>Emisión</source>
            <translation>Issued</translation>
        </message>
        <message>
            <source>Vence</source>
            <translation>Due</translation>
        </message>
        <message>
            <source>Total</source>
            <translation>Total</translation>
        </message>
        <message>
            <source>Saldo</source>
            <translation>Balance</translation>
        </message>
        <message>
            <source>Estado</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Entregada</source>
            <translation>Delivered</translation>
        </message>
        <message>
            <source>Recepción</source>
            <translation>Receipt</translation>
        </message>
        <message>
            <source>Sí</source>
            <translation>Yes</translation>
        </message>
        <message>
            <source>Por corregir</source>
            <translation>To correct</translation>
        </message>
        <message>
            <source>Confirmada</source>
            <translation>Confirmed</translation>
        </message>
        <message>
            <source>Corregida</source>
            <translation>Corrected</translation>
        </message>
    </context>
    <context>
        <name>InvoicesPage</name>
        <message numerus="yes">
            <source>%Ln facturas</source>
            <translation>
                <numerusform>%Ln invoice</numerusform>
                <numerusform>%Ln invoices</numerusform>
            </translation>
        </message>
        <message>
            <source>Facturas</source>
            <translation>Invoices</translation>
        </message>
        <message>
            <source>Ver PDF</source>
            <translation>View PDF</translation>
        </message>
        <message>
            <source>Ver, imprimir o guardar la factura seleccionada</source>
            <translation>View, print or save the selected invoice</translation>
        </message>
        <message>
            <source>Todas</source>
            <translation>All</translation>
        </message>
        <message>
            <source>Abiertas</source>
            <translation>Open</translation>
        </message>
        <message>
            <source>Vencidas</source>
            <translation>Overdue</translation>
        </message>
        <message>
            <source>Pagadas</source>
            <translation>Paid</translation>
        </message>
        <message>
            <source>Borradores</source>
            <translation>Drafts</translation>
        </message>
        <message>
            <source>Canceladas</source>
            <translation>Voided</translation>
        </message>
        <message>
            <source>Cliente</source>
            <translation>Customer</translation>
        </message>
        <message>
            <source>Estado</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Emitidas del</source>
            <translation>Issued from</translation>
        </message>
        <message>
            <source>al</source>
            <translation>to</translation>
        </message>
        <message>
            <source>Total: %1</source>
            <translation>Total: %1</translation>
        </message>
        <message>
            <source>Por cobrar: %1</source>
            <translation>Receivable: %1</translation>
        </message>
        <message>
            <source>Enviar…</source>
            <translation>Send…</translation>
        </message>
        <message>
            <source>Enviar la factura por correo o WhatsApp</source>
            <translation>Send the invoice by email or WhatsApp</translation>
        </message>
        <message>
            <source>Recepción…</source>
            <translation>Receipt…</translation>
        </message>
        <message>
            <source>Registrar si el cliente recibió la factura y si sus datos son correctos</source>
            <translation>Record whether the customer received the invoice and whether its details are correct</translation>
        </message>
        <message>
            <source>Marcar corregida</source>
            <translation>Mark corrected</translation>
        </message>
        <message>
            <source>Los datos ya se corrigieron: la cobranza de la factura continúa</source>
            <translation>The details were corrected: collection of the invoice resumes</translation>
        </message>
        <message>
            <source>Entrega: todas</source>
            <translation>Delivery: all</translation>
        </message>
        <message>
            <source>Sin entregar</source>
            <translation>Not delivered</translation>
        </message>
        <message>
            <source>Entregadas</source>
            <translation>Delivered</translation>
        </message>
        <message>
            <source>Sin confirmar</source>
            <translation>Not confirmed</translation>
        </message>
        <message>
            <source>Confirmadas</source>
            <translation>Confirmed</translation>
        </message>
        <message>
            <source>Por corregir</source>
            <translation>To correct</translation>
        </message>
        <message>
            <source>Cliente, folio o UUID</source>
            <translation>Customer, folio or UUID</translation>
        </message>
        <message>
            <source>Disputa…</source>
            <translation>Dispute…</translation>
        </message>
        <message>
            <source>Poner en disputa la factura seleccionada, o resolver su disputa</source>
            <translation>Mark the selected invoice as disputed, or settle its dispute</translation>
        </message>
        <message>
            <source>Desde</source>
            <translation>From</translation>
        </message>
        <message>
            <source>Hasta</source>
            <translation>To</translation>
        </message>
        <message>
            <source>1 factura</source>
            <translation>1 invoice</translation>
        </message>
        <message>
            <source>%1 facturas</source>
            <translation>%1 invoices</translation>
        </message>
    </context>
    <context>
        <name>LadderSettingsTab</name>
        <message>
            <source>Añadir etapa</source>
            <translation>Add stage</translation>
        </message>
        <message>
            <source>Quitar etapa</source>
            <translation>Remove stage</translation>
        </message>
        <message>
            <source>Etapa nueva %1</source>
            <translation>New stage %1</translation>
        </message>
        <message>
            <source>La escalera necesita al menos una etapa.</source>
            <translation>The ladder needs at least one stage.</translation>
        </message>
        <message>
            <source>Restaurar valores predeterminados</source>
            <translation>Restore defaults</translation>
        </message>
        <message>
            <source>Descartar cambios</source>
            <translation>Discard changes</translation>
        </message>
        <message>
            <source>Guardar</source>
            <translation>Save</translation>
        </message>
        <message>
            <source>Valores predeterminados: pulse Guardar para conservarlos.</source>
            <translation>Default values: press Save to keep them.</translation>
        </message>
        <message>
            <source>Guardado.</source>
            <translation>Saved.</translation>
        </message>
        <message>
            <source>Escalera de cobranza</source>
            <translation>Escalation ladder</translation>
        </message>
        <message>
            <source>Qué hacer, por qué medio y cuántos días antes (−) o después del vencimiento. Cada etapa se propone una sola vez por factura.</source>
            <translation>What to do, by which channel and how many days before (−) or after the due date. Each stage is proposed once per invoice.</translation>
        </message>
        <message>
            <source>Día</source>
            <translation>Day</translation>
        </message>
        <message>
            <source>Canal</source>
            <translation>Channel</translation>
        </message>
        <message>
            <source>Acción</source>
            <translation>Action</translation>
        </message>
        <message>
            <source>Ver el ritmo insistente (clientes impuntuales)</source>
            <translation>Show the insistent track (late payers)</translation>
        </message>
        <message>
            <source>Ejemplo: un cliente con una factura que vence el %1, los próximos 60 días:</source>
            <translation>Example: a customer with an invoice due on %1, over the next 60 days:</translation>
        </message>
        <message>
            <source>Acción de la etapa %1</source>
            <translation>Action of stage %1</translation>
        </message>
        <message>
            <source>Día de la etapa %1</source>
            <translation>Day of stage %1</translation>
        </message>
    </context>
    <context>
        <name>ListExport</name>
        <message>
            <source>Exportar lista…</source>
            <translation>Export list…</translation>
        </message>
        <message>
            <source>Guardar en CSV o Excel las filas que se ven, con sus filtros</source>
            <translation>Save the rows shown, with their filters, to CSV or Excel</translation>
        </message>
        <message>
            <source>%1 filas exportadas a %2.</source>
            <translation>%1 rows exported to %2.</translation>
        </message>
        <message>
            <source>Exportando la lista…</source>
            <translation>Exporting the list…</translation>
        </message>
    </context>
    <context>
        <name>ListPage</name>
        <message>
            <source>Lista</source>
            <extracomment>The file name «Exportar lista…» suggests (without extension).</extracomment>
            <translation>List</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>Cobranza Desktop</source>
            <translation>Cobranza Desktop</translation>
        </message>
        <message>
            <source>Abriendo el libro…</source>
            <translation>Opening the book…</translation>
        </message>
        <message>
            <source>Nuevo cliente</source>
            <translation>New customer</translation>
        </message>
        <message>
            <source>Nueva factura</source>
            <translation>New invoice</translation>
        </message>
        <message>
            <source>Registrar pago</source>
            <translation>Record payment</translation>
        </message>
        <message>
            <source>Buscar</source>
            <translation>Search</translation>
        </message>
        <message>
            <source>Salir</source>
            <translation>Quit</translation>
        </message>
        <message>
            <source>&amp;Archivo</source>
            <translation>&amp;File</translation>
        </message>
        <message>
            <source>&amp;Ir a</source>
            <translation>&amp;Go to</translation>
        </message>
        <message>
            <source>Acciones</source>
            <translation>Actions</translation>
        </message>
        <message>
            <source>Cancelar</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>No se pudo completar</source>
            <translation>Could not be completed</translation>
        </message>
        <message>
            <source>Esta función llegará pronto.</source>
            <translation>This feature is coming soon.</translation>
        </message>
        <message>
            <source>Nuevo c&amp;liente</source>
            <translation>New c&amp;ustomer</translation>
        </message>
        <message>
            <source>Nueva &amp;factura</source>
            <translation>New &amp;invoice</translation>
        </message>
        <message>
            <source>Registrar &amp;pago</source>
            <translation>Record &amp;payment</translation>
        </message>
        <message>
            <source>B&amp;uscar</source>
            <translation>&amp;Search</translation>
        </message>
        <message>
            <source>&amp;Salir</source>
            <translation>&amp;Quit</translation>
        </message>
        <message>
            <source>A&amp;yuda</source>
            <translation>&amp;Help</translation>
        </message>
        <message>
            <source>&amp;Acerca de Cobranza Desktop</source>
            <translation>&amp;About Cobranza Desktop</translation>
        </message>
        <message>
            <source>Navegación</source>
            <translation>Navigation</translation>
        </message>
    </context>
    <context>
        <name>MappingTable</name>
        <message>
            <source>Dato</source>
            <translation>Item</translation>
        </message>
        <message>
            <source>Columna del archivo</source>
            <translation>Column of the file</translation>
        </message>
        <message>
            <source>(ninguna)</source>
            <translation>(none)</translation>
        </message>
    </context>
    <context>
        <name>MessagesPage</name>
        <message numerus="yes">
            <source>%Ln por enviar o con error</source>
            <translation>
                <numerusform>%Ln to send or failed</numerusform>
                <numerusform>%Ln to send or failed</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln mensajes</source>
            <translation>
                <numerusform>%Ln message</numerusform>
                <numerusform>%Ln messages</numerusform>
            </translation>
        </message>
        <message>
            <source>Mensajes</source>
            <translation>Messages</translation>
        </message>
        <message>
            <source>Bandeja de salida</source>
            <translation>Outbox</translation>
        </message>
        <message>
            <source>Enviados</source>
            <translation>Sent</translation>
        </message>
        <message>
            <source>Con error</source>
            <translation>Failed</translation>
        </message>
        <message>
            <source>Todos</source>
            <translation>All</translation>
        </message>
        <message>
            <source>Buscar por destinatario, asunto o error…</source>
            <translation>Search by recipient, subject or error…</translation>
        </message>
        <message>
            <source>Cancelar envío…</source>
            <translation>Cancel sending…</translation>
        </message>
        <message>
            <source>Reintentar</source>
            <translation>Retry</translation>
        </message>
        <message>
            <source>Reintentar todos</source>
            <translation>Retry all</translation>
        </message>
        <message>
            <source>No hay mensajes que coincidan con la búsqueda.</source>
            <translation>No messages match the search.</translation>
        </message>
        <message>
            <source>No hay mensajes aquí.</source>
            <translation>No messages here.</translation>
        </message>
        <message>
            <source>Para: %1</source>
            <translation>To: %1</translation>
        </message>
        <message>
            <source>Asunto: %1</source>
            <translation>Subject: %1</translation>
        </message>
        <message>
            <source>Estado: %1 · intentos: %2</source>
            <translation>Status: %1 · attempts: %2</translation>
        </message>
        <message>
            <source>Adjuntos: %1</source>
            <translation>Attachments: %1</translation>
        </message>
        <message>
            <source>Error: %1</source>
            <translation>Error: %1</translation>
        </message>
        <message>
            <source>Mensaje enviado.</source>
            <translation>Message sent.</translation>
        </message>
        <message>
            <source>No se pudo enviar: %1</source>
            <translation>Could not send: %1</translation>
        </message>
        <message>
            <source>Enviando mensaje</source>
            <translation>Sending message</translation>
        </message>
        <message>
            <source>Enviados: %1 · con error: %2</source>
            <translation>Sent: %1 · failed: %2</translation>
        </message>
        <message>
            <source>Enviando la bandeja de salida</source>
            <translation>Sending the outbox</translation>
        </message>
        <message>
            <source>Cancelar envío</source>
            <translation>Cancel sending</translation>
        </message>
        <message>
            <source>¿Por qué no se enviará este mensaje?</source>
            <translation>Why will this message not be sent?</translation>
        </message>
        <message>
            <source>Detalle del mensaje</source>
            <translation>Message detail</translation>
        </message>
        <message>
            <source>%1 mensajes · %2 por enviar o con error</source>
            <translation>%1 messages · %2 to send or failed</translation>
        </message>
    </context>
    <context>
        <name>NewBookWizard</name>
        <message>
            <source>Nuevo libro</source>
            <translation>New book</translation>
        </message>
        <message>
            <source>Su negocio</source>
            <translation>Your business</translation>
        </message>
        <message>
            <source>Así aparecerá en las facturas, los avisos y las cartas.</source>
            <translation>This is how it will appear on invoices, notices and letters.</translation>
        </message>
        <message>
            <source>&amp;Elegir…</source>
            <translation>&amp;Choose…</translation>
        </message>
        <message>
            <source>Elegir logotipo</source>
            <translation>Choose logo</translation>
        </message>
        <message>
            <source>Vista previa del logotipo</source>
            <translation>Logo preview</translation>
        </message>
        <message>
            <source>N&amp;ombre:</source>
            <translation>Na&amp;me:</translation>
        </message>
        <message>
            <source>&amp;RFC:</source>
            <translation>&amp;RFC (tax ID):</translation>
        </message>
        <message>
            <source>&amp;Dirección:</source>
            <translation>&amp;Address:</translation>
        </message>
        <message>
            <source>&amp;Teléfono:</source>
            <translation>&amp;Phone:</translation>
        </message>
        <message>
            <source>&amp;Correo:</source>
            <translation>&amp;Email:</translation>
        </message>
        <message>
            <source>&amp;Logotipo:</source>
            <translation>&amp;Logo:</translation>
        </message>
        <message>
            <source>Logotipo</source>
            <translation>Logo</translation>
        </message>
        <message>
            <source>Cómo le pagan</source>
            <translation>How you get paid</translation>
        </message>
        <message>
            <source>Los datos para transferir, y cuántos días da de crédito.</source>
            <translation>The details for a transfer, and how many days of credit you give.</translation>
        </message>
        <message>
            <source> días</source>
            <translation> days</translation>
        </message>
        <message>
            <source>&amp;Banco:</source>
            <translation>&amp;Bank:</translation>
        </message>
        <message>
            <source>C&amp;LABE:</source>
            <translation>C&amp;LABE:</translation>
        </message>
        <message>
            <source>&amp;Plazo de pago:</source>
            <translation>Payment &amp;terms:</translation>
        </message>
        <message>
            <source>Atrasos</source>
            <translation>Late payment</translation>
        </message>
        <message>
            <source>Lo que dice su contrato sobre los pagos tardíos.</source>
            <translation>What your contract says about late payments.</translation>
        </message>
        <message>
            <source>Sin cargos por atraso</source>
            <translation>No late charges</translation>
        </message>
        <message>
            <source>Interés legal (6 % anual)</source>
            <translation>Legal interest (6% a year)</translation>
        </message>
        <message>
            <source>Tasa propia</source>
            <translation>Own rate</translation>
        </message>
        <message>
            <source>&amp;Condiciones:</source>
            <translation>&amp;Terms:</translation>
        </message>
        <message>
            <source>&amp;Interés anual (%):</source>
            <translation>Annual &amp;interest (%):</translation>
        </message>
        <message>
            <source>Cargo por &amp;atraso:</source>
            <translation>&amp;Late fee:</translation>
        </message>
        <message>
            <source>Dónde guardar el libro</source>
            <translation>Where to save the book</translation>
        </message>
        <message>
            <source>Un solo archivo; sus copias de seguridad se guardan a su lado.</source>
            <translation>A single file; its backups are kept beside it.</translation>
        </message>
        <message>
            <source>E&amp;xaminar…</source>
            <translation>B&amp;rowse…</translation>
        </message>
        <message>
            <source>&amp;Archivo:</source>
            <translation>&amp;File:</translation>
        </message>
        <message>
            <source>Archivo del libro</source>
            <translation>Book file</translation>
        </message>
        <message>
            <source>Examinar</source>
            <translation>Browse</translation>
        </message>
        <message>
            <source>Imágenes (*.png *.jpg *.jpeg)</source>
            <translation>Images (*.png *.jpg *.jpeg)</translation>
        </message>
        <message>
            <source>Libros (*.sqlite)</source>
            <translation>Books (*.sqlite)</translation>
        </message>
        <message>
            <source>Escriba dónde guardar el libro.</source>
            <translation>Say where to save the book.</translation>
        </message>
        <message>
            <source>Ya existe un archivo con ese nombre; elija otro.</source>
            <translation>A file with that name already exists; choose another.</translation>
        </message>
    </context>
    <context>
        <name>OptionalDateEdit</name>
        <message>
            <source>cualquiera</source>
            <translation>any</translation>
        </message>
    </context>
    <context>
        <name>OutboxTableModel</name>
        <message>
            <source>Creado</source>
            <extracomment>A page of rows arrived (after :meth:`set_filter`): the outbox counts by status.</extracomment>
            <translation>Created</translation>
        </message>
        <message>
            <source>Estado</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Para</source>
            <translation>To</translation>
        </message>
        <message>
            <source>Asunto</source>
            <translation>Subject</translation>
        </message>
        <message>
            <source>Enviado</source>
            <translation>Sent</translation>
        </message>
        <message>
            <source>Error</source>
            <translation>Error</translation>
        </message>
    </context>
    <context>
        <name>OutdatedTermsDialog</name>
        <message>
            <source>Condiciones por actualizar</source>
            <translation>Terms to update</translation>
        </message>
        <message>
            <source>Cargando…</source>
            <translation>Loading…</translation>
        </message>
        <message>
            <source>Cerrar</source>
            <translation>Close</translation>
        </message>
        <message>
            <source>Estos clientes firmaron una versión anterior de las condiciones. Imprima las nuevas desde su expediente: indican qué cambió.</source>
            <translation>These customers signed an older version of the terms. Print the new ones from their file: they say what changed.</translation>
        </message>
        <message>
            <source>Todos los clientes que firmaron tienen la versión vigente.</source>
            <translation>Every customer who signed has the current version.</translation>
        </message>
        <message>
            <source>Clientes por actualizar</source>
            <translation>Customers to update</translation>
        </message>
    </context>
    <context>
        <name>Pages</name>
        <message>
            <source>Hoy</source>
            <translation>Today</translation>
        </message>
        <message>
            <source>Clientes</source>
            <translation>Customers</translation>
        </message>
        <message>
            <source>Facturas</source>
            <translation>Invoices</translation>
        </message>
        <message>
            <source>Pagos</source>
            <translation>Payments</translation>
        </message>
        <message>
            <source>Antigüedad</source>
            <translation>Aging</translation>
        </message>
        <message>
            <source>Indicadores</source>
            <translation>Indicators</translation>
        </message>
        <message>
            <source>Planes de pago</source>
            <translation>Payment plans</translation>
        </message>
        <message>
            <source>Suscripciones</source>
            <translation>Subscriptions</translation>
        </message>
        <message>
            <source>Mensajes</source>
            <translation>Messages</translation>
        </message>
        <message>
            <source>Configuración</source>
            <translation>Settings</translation>
        </message>
    </context>
    <context>
        <name>PauseDialog</name>
        <message>
            <source>Pausar suscripción</source>
            <translation>Pause subscription</translation>
        </message>
        <message>
            <source>Los periodos que empiecen entre estas fechas no se facturan.</source>
            <translation>Periods starting between these dates are not billed.</translation>
        </message>
        <message>
            <source>Desde</source>
            <translation>From</translation>
        </message>
        <message>
            <source>Hasta</source>
            <translation>To</translation>
        </message>
        <message>
            <source>Motivo</source>
            <translation>Reason</translation>
        </message>
        <message>
            <source>Aceptar</source>
            <translation>OK</translation>
        </message>
        <message>
            <source>Cancelar</source>
            <translation>Cancel</translation>
        </message>
    </context>
    <context>
        <name>PaymentDialog</name>
        <message>
            <source>Registrar pago</source>
            <translation>Record payment</translation>
        </message>
        <message>
            <source>Folio de transferencia, número de cheque…</source>
            <translation>Transfer reference, check number…</translation>
        </message>
        <message>
            <source>Cliente</source>
            <translation>Customer</translation>
        </message>
        <message>
            <source>Monto recibido</source>
            <translation>Amount received</translation>
        </message>
        <message>
            <source>Fecha</source>
            <translation>Date</translation>
        </message>
        <message>
            <source>Forma de pago</source>
            <translation>Payment method</translation>
        </message>
        <message>
            <source>Referencia</source>
            <translation>Reference</translation>
        </message>
        <message>
            <source>Notas</source>
            <translation>Notes</translation>
        </message>
        <message>
            <source>Factura</source>
            <translation>Invoice</translation>
        </message>
        <message>
            <source>Vence</source>
            <translation>Due</translation>
        </message>
        <message>
            <source>Saldo</source>
            <translation>Balance</translation>
        </message>
        <message>
            <source>Aplicar</source>
            <translation>Apply</translation>
        </message>
        <message>
            <source>Aplicar a las más antiguas primero</source>
            <translation>Apply to the oldest first</translation>
        </message>
        <message>
            <source>Aplicación a facturas abiertas</source>
            <translation>Applied to open invoices</translation>
        </message>
        <message>
            <source>Aplicado: %1</source>
            <translation>Applied: %1</translation>
        </message>
        <message>
            <source>Queda a favor del cliente: %1</source>
            <translation>Left as customer credit: %1</translation>
        </message>
        <message>
            <source>Registrando pago</source>
            <translation>Recording payment</translation>
        </message>
        <message>
            <source>Aplicación a facturas</source>
            <translation>Applied to invoices</translation>
        </message>
    </context>
    <context>
        <name>PaymentListModel</name>
        <message>
            <source>Fecha</source>
            <translation>Date</translation>
        </message>
        <message>
            <source>Cliente</source>
            <translation>Customer</translation>
        </message>
        <message>
            <source>Monto</source>
            <translation>Amount</translation>
        </message>
        <message>
            <source>Forma</source>
            <translation>Method</translation>
        </message>
        <message>
            <source>Referencia</source>
            <translation>Reference</translation>
        </message>
        <message>
            <source>Sin aplicar</source>
            <translation>Unapplied</translation>
        </message>
        <message>
            <source>revertido</source>
            <translation>reversed</translation>
        </message>
    </context>
    <context>
        <name>PaymentsPage</name>
        <message numerus="yes">
            <source>%Ln pagos</source>
            <translation>
                <numerusform>%Ln payment</numerusform>
                <numerusform>%Ln payments</numerusform>
            </translation>
        </message>
        <message>
            <source>Pagos</source>
            <translation>Payments</translation>
        </message>
        <message>
            <source>Registrar pago</source>
            <translation>Record payment</translation>
        </message>
        <message>
            <source>Ver recibo</source>
            <translation>View receipt</translation>
        </message>
        <message>
            <source>Ver, imprimir o guardar el recibo del pago</source>
            <translation>View, print or save the payment's receipt</translation>
        </message>
        <message>
            <source>Buscar por cliente o referencia</source>
            <translation>Search by customer or reference</translation>
        </message>
        <message>
            <source>Del</source>
            <translation>From</translation>
        </message>
        <message>
            <source>al</source>
            <translation>to</translation>
        </message>
        <message>
            <source>Recibido: %1</source>
            <translation>Received: %1</translation>
        </message>
        <message>
            <source>Sin REP</source>
            <translation>Without REP</translation>
        </message>
        <message>
            <source>Solo los pagos de facturas PPD que aún no tienen complemento de pago (REP)</source>
            <translation>Only payments of PPD invoices that still lack their payment receipt (REP)</translation>
        </message>
        <message>
            <source>Desde</source>
            <translation>From</translation>
        </message>
        <message>
            <source>Hasta</source>
            <translation>To</translation>
        </message>
        <message>
            <source>%1 pagos</source>
            <translation>%1 payments</translation>
        </message>
    </context>
    <context>
        <name>PdfPreviewDialog</name>
        <message numerus="yes">
            <source>%Ln páginas</source>
            <translation>
                <numerusform>%Ln page</numerusform>
                <numerusform>%Ln pages</numerusform>
            </translation>
        </message>
        <message>
            <source>Imprimir…</source>
            <translation>Print…</translation>
        </message>
        <message>
            <source>Guardar PDF…</source>
            <translation>Save PDF…</translation>
        </message>
        <message>
            <source>No se pudo abrir el documento.</source>
            <translation>The document could not be opened.</translation>
        </message>
        <message>
            <source>No se pudo imprimir.</source>
            <translation>Printing failed.</translation>
        </message>
        <message>
            <source>Guardar PDF</source>
            <translation>Save PDF</translation>
        </message>
        <message>
            <source>Documentos PDF (*.pdf)</source>
            <translation>PDF documents (*.pdf)</translation>
        </message>
        <message>
            <source>No se pudo guardar {0}: {1}</source>
            <translation>{0} could not be saved: {1}</translation>
        </message>
        <message>
            <source>Vista previa del documento</source>
            <translation>Document preview</translation>
        </message>
        <message>
            <source>1 página</source>
            <translation>1 page</translation>
        </message>
        <message>
            <source>{0} páginas</source>
            <translation>{0} pages</translation>
        </message>
    </context>
    <context>
        <name>PenaltySettingsPage</name>
        <message>
            <source>Penalizaciones por pago tardío</source>
            <translation>Late payment penalties</translation>
        </message>
        <message>
            <source>Condiciones de este cliente</source>
            <translation>This customer’s terms</translation>
        </message>
        <message>
            <source>Los cargos y los intereses se aplican tal como se pactaron en el contrato. El interés es simple, diario, y solo sobre el saldo pendiente de la factura.</source>
            <translation>Fees and interest are applied exactly as agreed in the contract. Interest is simple, daily, and only on the invoice’s outstanding balance.</translation>
        </message>
        <message>
            <source>Usar la política del negocio</source>
            <translation>Use the business policy</translation>
        </message>
        <message>
            <source>Sin penalizaciones</source>
            <translation>No penalties</translation>
        </message>
        <message>
            <source>Tasa legal: 6 % anual (Código de Comercio, art. 362)</source>
            <translation>Legal rate: 6 % a year (Commercial Code, art. 362)</translation>
        </message>
        <message>
            <source>Personalizada</source>
            <translation>Custom</translation>
        </message>
        <message>
            <source> días</source>
            <translation> days</translation>
        </message>
        <message>
            <source>Una vez por factura</source>
            <translation>Once per invoice</translation>
        </message>
        <message>
            <source>Una vez por etapa de cobranza</source>
            <translation>Once per collection stage</translation>
        </message>
        <message>
            <source>Días de atraso de cada etapa, separados por comas.</source>
            <translation>Days late of each stage, separated by commas.</translation>
        </message>
        <message>
            <source>365 días</source>
            <translation>365 days</translation>
        </message>
        <message>
            <source>360 días (comercial)</source>
            <translation>360 days (commercial)</translation>
        </message>
        <message>
            <source>Limitar el interés a</source>
            <translation>Limit interest to</translation>
        </message>
        <message>
            <source>Condiciones:</source>
            <translation>Terms:</translation>
        </message>
        <message>
            <source>Días de gracia:</source>
            <translation>Grace days:</translation>
        </message>
        <message>
            <source>Cargo fijo por atraso:</source>
            <translation>Fixed late fee:</translation>
        </message>
        <message>
            <source>Cargo sobre el saldo vencido (%):</source>
            <translation>Fee on the overdue balance (%):</translation>
        </message>
        <message>
            <source>Se cobra:</source>
            <translation>Charged:</translation>
        </message>
        <message>
            <source>Etapas (días de atraso):</source>
            <translation>Stages (days late):</translation>
        </message>
        <message>
            <source>Interés moratorio anual (%):</source>
            <translation>Annual late interest (%):</translation>
        </message>
        <message>
            <source>Base de días:</source>
            <translation>Day count:</translation>
        </message>
        <message>
            <source>% del capital</source>
            <translation>% of principal</translation>
        </message>
        <message>
            <source>Tope:</source>
            <translation>Cap:</translation>
        </message>
        <message>
            <source>Guardar</source>
            <translation>Save</translation>
        </message>
        <message>
            <source>Descartar cambios</source>
            <translation>Discard changes</translation>
        </message>
        <message>
            <source>Escriba los días de atraso así: 30, 60, 90</source>
            <translation>Write the days late like this: 30, 60, 90</translation>
        </message>
        <message>
            <source>Escriba el tope como % del capital.</source>
            <translation>Write the cap as a % of the principal.</translation>
        </message>
        <message>
            <source>No se cobran cargos ni intereses por atraso.</source>
            <translation>No late fees or interest are charged.</translation>
        </message>
        <message>
            <source>Ejemplo: una factura de {0} con {1} días de atraso genera {2} de cargos.</source>
            <translation>Example: an invoice of {0} that is {1} days late accrues {2} in charges.</translation>
        </message>
        <message>
            <source>Guardando las condiciones</source>
            <translation>Saving the terms</translation>
        </message>
        <message>
            <source>Guardado.</source>
            <translation>Saved.</translation>
        </message>
        <message>
            <source>Con condiciones propias (en su expediente): %1</source>
            <translation>With terms of their own (in their file): %1</translation>
        </message>
        <message>
            <source>Con prórroga, cobrar:</source>
            <translation>With an extension, charge:</translation>
        </message>
    </context>
    <context>
        <name>PlanDialog</name>
        <message>
            <source>Nuevo plan de pagos</source>
            <translation>New payment plan</translation>
        </message>
        <message>
            <source>Incluir</source>
            <translation>Include</translation>
        </message>
        <message>
            <source>Factura</source>
            <translation>Invoice</translation>
        </message>
        <message>
            <source>Vence</source>
            <translation>Due</translation>
        </message>
        <message>
            <source>Saldo</source>
            <translation>Balance</translation>
        </message>
        <message>
            <source>Elija un cliente para ver sus facturas abiertas.</source>
            <translation>Choose a customer to see their open invoices.</translation>
        </message>
        <message>
            <source>Semanal</source>
            <translation>Weekly</translation>
        </message>
        <message>
            <source>Quincenal</source>
            <translation>Fortnightly</translation>
        </message>
        <message>
            <source>Mensual</source>
            <translation>Monthly</translation>
        </message>
        <message>
            <source> días</source>
            <translation> days</translation>
        </message>
        <message>
            <source>Condonar los rec&amp;argos no pagados de las facturas elegidas</source>
            <translation>&amp;Waive the unpaid late charges among the chosen invoices</translation>
        </message>
        <message>
            <source>Opcional</source>
            <translation>Optional</translation>
        </message>
        <message>
            <source>&amp;Número de pagos</source>
            <translation>&amp;Number of instalments</translation>
        </message>
        <message>
            <source>Pe&amp;riodicidad</source>
            <translation>F&amp;requency</translation>
        </message>
        <message>
            <source>Primer pa&amp;go</source>
            <translation>&amp;First instalment</translation>
        </message>
        <message>
            <source>&amp;Enganche</source>
            <translation>&amp;Down payment</translation>
        </message>
        <message>
            <source>&amp;Interés (%)</source>
            <translation>&amp;Interest (%)</translation>
        </message>
        <message>
            <source>&amp;Días de gracia</source>
            <translation>&amp;Grace days</translation>
        </message>
        <message>
            <source>N&amp;otas</source>
            <translation>N&amp;otes</translation>
        </message>
        <message>
            <source>Pago</source>
            <translation>Instalment</translation>
        </message>
        <message>
            <source>Fecha</source>
            <translation>Date</translation>
        </message>
        <message>
            <source>Monto</source>
            <translation>Amount</translation>
        </message>
        <message>
            <source>&amp;Cliente</source>
            <translation>&amp;Customer</translation>
        </message>
        <message>
            <source>Facturas del plan</source>
            <translation>Invoices in the plan</translation>
        </message>
        <message>
            <source>Condiciones</source>
            <translation>Terms</translation>
        </message>
        <message>
            <source>Calendario de pagos</source>
            <translation>Payment schedule</translation>
        </message>
        <message>
            <source>Crear p&amp;lan</source>
            <translation>Create p&amp;lan</translation>
        </message>
        <message>
            <source>Cancelar</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>Cargando facturas…</source>
            <translation>Loading invoices…</translation>
        </message>
        <message>
            <source>%1 (recargo)</source>
            <translation>%1 (late charge)</translation>
        </message>
        <message>
            <source>%1 (vencida)</source>
            <translation>%1 (overdue)</translation>
        </message>
        <message>
            <source>Este cliente no tiene facturas abiertas.</source>
            <translation>This customer has no open invoices.</translation>
        </message>
        <message>
            <source>Las vencidas están marcadas; marque o desmarque las que quiera.</source>
            <translation>Overdue invoices are ticked; tick or untick any you like.</translation>
        </message>
        <message>
            <source>Deuda: %1</source>
            <translation>Debt: %1</translation>
        </message>
        <message>
            <source>Condonado: %1</source>
            <translation>Waived: %1</translation>
        </message>
        <message>
            <source>Enganche: %1</source>
            <translation>Down payment: %1</translation>
        </message>
        <message>
            <source>Interés: %1</source>
            <translation>Interest: %1</translation>
        </message>
        <message>
            <source>Total a pagar: %1</source>
            <translation>Total to pay: %1</translation>
        </message>
        <message>
            <source>Elija un cliente.</source>
            <translation>Choose a customer.</translation>
        </message>
        <message>
            <source>Seleccione al menos una factura.</source>
            <translation>Select at least one invoice.</translation>
        </message>
        <message>
            <source>Crear plan de pagos</source>
            <translation>Create payment plan</translation>
        </message>
        <message>
            <source>Enganche</source>
            <translation>Down payment</translation>
        </message>
    </context>
    <context>
        <name>PlansPage</name>
        <message numerus="yes">
            <source>%Ln promesas</source>
            <translation>
                <numerusform>%Ln promise</numerusform>
                <numerusform>%Ln promises</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln planes</source>
            <translation>
                <numerusform>%Ln plan</numerusform>
                <numerusform>%Ln plans</numerusform>
            </translation>
        </message>
        <message>
            <source>Planes de pago</source>
            <translation>Payment plans</translation>
        </message>
        <message>
            <source>Planes</source>
            <translation>Plans</translation>
        </message>
        <message>
            <source>Promesas de pago</source>
            <translation>Promises to pay</translation>
        </message>
        <message>
            <source>Todos</source>
            <translation>All</translation>
        </message>
        <message>
            <source>Vigentes</source>
            <translation>Current</translation>
        </message>
        <message>
            <source>Cumplidos</source>
            <translation>Completed</translation>
        </message>
        <message>
            <source>Incumplidos</source>
            <translation>Broken</translation>
        </message>
        <message>
            <source>Cancelados</source>
            <translation>Cancelled</translation>
        </message>
        <message>
            <source>Nuevo plan…</source>
            <translation>New plan…</translation>
        </message>
        <message>
            <source>Ver plan (PDF)</source>
            <translation>View plan (PDF)</translation>
        </message>
        <message>
            <source>Cancelar plan…</source>
            <translation>Cancel plan…</translation>
        </message>
        <message>
            <source>Estado</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Plan</source>
            <translation>Plan</translation>
        </message>
        <message>
            <source>Cliente</source>
            <translation>Customer</translation>
        </message>
        <message>
            <source>Creado</source>
            <translation>Created</translation>
        </message>
        <message>
            <source>Pagos</source>
            <translation>Instalments</translation>
        </message>
        <message>
            <source>%1 · %2</source>
            <translation>%1 · %2</translation>
        </message>
        <message>
            <source>Monto</source>
            <translation>Amount</translation>
        </message>
        <message>
            <source>Pagado</source>
            <translation>Paid</translation>
        </message>
        <message>
            <source>Próximo pago</source>
            <translation>Next due</translation>
        </message>
        <message>
            <source>Monto próximo</source>
            <translation>Next amount</translation>
        </message>
        <message>
            <source>Calendario del plan</source>
            <translation>Plan schedule</translation>
        </message>
        <message>
            <source>Pago</source>
            <translation>Instalment</translation>
        </message>
        <message>
            <source>Enganche</source>
            <translation>Down payment</translation>
        </message>
        <message>
            <source>Fecha</source>
            <translation>Date</translation>
        </message>
        <message>
            <source>Por pagar</source>
            <translation>Remaining</translation>
        </message>
        <message>
            <source>Aún no hay planes de pago. Cree uno cuando un cliente no pueda pagar todo de una vez.</source>
            <translation>No payment plans yet. Create one when a customer cannot pay everything at once.</translation>
        </message>
        <message>
            <source>Fecha prometida</source>
            <translation>Promised date</translation>
        </message>
        <message>
            <source>Dada el</source>
            <translation>Given on</translation>
        </message>
        <message>
            <source>Pagado desde entonces</source>
            <translation>Paid since then</translation>
        </message>
        <message>
            <source>Elija un cliente para ver sus promesas de pago (cumplidas, incumplidas o pendientes).</source>
            <translation>Choose a customer to see their promises to pay (kept, broken or pending).</translation>
        </message>
        <message>
            <source>Semanal</source>
            <translation>Weekly</translation>
        </message>
        <message>
            <source>Quincenal</source>
            <translation>Fortnightly</translation>
        </message>
        <message>
            <source>Mensual</source>
            <translation>Monthly</translation>
        </message>
        <message>
            <source>Vigente</source>
            <translation>Current</translation>
        </message>
        <message>
            <source>Cumplido</source>
            <translation>Completed</translation>
        </message>
        <message>
            <source>Incumplido</source>
            <translation>Broken</translation>
        </message>
        <message>
            <source>Cancelado</source>
            <translation>Cancelled</translation>
        </message>
        <message>
            <source>Pendiente</source>
            <translation>Pending</translation>
        </message>
        <message>
            <source>Cumplida</source>
            <translation>Kept</translation>
        </message>
        <message>
            <source>Incumplida</source>
            <translation>Broken</translation>
        </message>
        <message>
            <source>Cancelada</source>
            <translation>Cancelled</translation>
        </message>
        <message>
            <source>Por cobrar en planes vigentes: %1</source>
            <translation>Owed in current plans: %1</translation>
        </message>
        <message>
            <source>No hay planes con este estado.</source>
            <translation>No plans with this status.</translation>
        </message>
        <message>
            <source>%1 no tiene promesas de pago.</source>
            <translation>%1 has no promises to pay.</translation>
        </message>
        <message>
            <source>Calendario del plan %1 — %2</source>
            <translation>Schedule of plan %1 — %2</translation>
        </message>
        <message>
            <source>Plan de pagos %1</source>
            <translation>Payment plan %1</translation>
        </message>
        <message>
            <source>Cancelar plan %1</source>
            <translation>Cancel plan %1</translation>
        </message>
        <message>
            <source>Las facturas del plan vuelven a la cobranza normal.
Escriba el motivo de la cancelación:</source>
            <translation>The plan's invoices go back to normal collection.
Write the reason for cancelling:</translation>
        </message>
        <message>
            <source>Calendario de pagos</source>
            <translation>Payment schedule</translation>
        </message>
        <message>
            <source>1 plan</source>
            <translation>1 plan</translation>
        </message>
        <message>
            <source>%1 planes</source>
            <translation>%1 plans</translation>
        </message>
        <message>
            <source>1 promesa</source>
            <translation>1 promise</translation>
        </message>
        <message>
            <source>%1 promesas</source>
            <translation>%1 promises</translation>
        </message>
    </context>
    <context>
        <name>ProposalTableModel</name>
        <message>
            <source>Cliente</source>
            <translation>Customer</translation>
        </message>
        <message>
            <source>Factura</source>
            <translation>Invoice</translation>
        </message>
        <message>
            <source>Concepto</source>
            <translation>Item</translation>
        </message>
        <message>
            <source>Periodo</source>
            <translation>Period</translation>
        </message>
        <message>
            <source>Días</source>
            <translation>Days</translation>
        </message>
        <message>
            <source>Base</source>
            <translation>Base</translation>
        </message>
        <message>
            <source>Tasa o cargo</source>
            <translation>Rate or fee</translation>
        </message>
        <message>
            <source>Importe</source>
            <translation>Amount</translation>
        </message>
        <message>
            <source>Cargo por atraso</source>
            <translation>Late fee</translation>
        </message>
        <message>
            <source>Interés moratorio</source>
            <translation>Late interest</translation>
        </message>
        <message>
            <source>{0} anual, base {1}</source>
            <translation>{0} a year, {1}-day basis</translation>
        </message>
        <message>
            <source>Sin condiciones de crédito firmadas</source>
            <translation>No signed credit terms</translation>
        </message>
    </context>
    <context>
        <name>ReallocateDialog</name>
        <message>
            <source>Factura</source>
            <translation>Invoice</translation>
        </message>
        <message>
            <source>Saldo antes</source>
            <translation>Balance before</translation>
        </message>
        <message>
            <source>Saldo después</source>
            <translation>Balance after</translation>
        </message>
        <message>
            <source>Saldo del cliente: %1 → %2 · Saldo a favor: %3 → %4</source>
            <translation>Customer's balance: %1 → %2 · Credit: %3 → %4</translation>
        </message>
        <message>
            <source>Reasignar pago</source>
            <translation>Re-allocate payment</translation>
        </message>
        <message>
            <source>Puede recibir</source>
            <translation>Can take</translation>
        </message>
        <message>
            <source>Aplicar</source>
            <translation>Apply</translation>
        </message>
        <message>
            <source>Por qué se reasigna (obligatorio)</source>
            <translation>Why it is re-allocated (required)</translation>
        </message>
        <message>
            <source>&amp;Motivo</source>
            <translation>&amp;Reason</translation>
        </message>
        <message>
            <source>Reasignar</source>
            <translation>Re-allocate</translation>
        </message>
        <message>
            <source>Lo que cambiará:</source>
            <translation>What will change:</translation>
        </message>
        <message>
            <source>Pago de %1. Escriba cuánto aplicar a cada factura; lo que no se aplique queda como saldo a favor.</source>
            <translation>Payment of %1. Type how much goes to each invoice; what is not applied stays as credit.</translation>
        </message>
        <message>
            <source>Escriba el motivo de la reasignación.</source>
            <translation>Write the reason for the re-allocation.</translation>
        </message>
        <message>
            <source>Lo que cambiará</source>
            <translation>What will change</translation>
        </message>
        <message>
            <source>Facturas a las que se aplica el pago</source>
            <translation>Invoices the payment is applied to</translation>
        </message>
    </context>
    <context>
        <name>ReasonsReportDialog</name>
        <message>
            <source>Motivos de no pago</source>
            <translation>Reasons for non-payment</translation>
        </message>
        <message>
            <source>Periodo</source>
            <translation>Period</translation>
        </message>
        <message>
            <source>Motivo</source>
            <translation>Reason</translation>
        </message>
        <message>
            <source>Contactos</source>
            <translation>Contacts</translation>
        </message>
        <message>
            <source>Contactos por motivo</source>
            <translation>Contacts by reason</translation>
        </message>
        <message>
            <source>Hasta</source>
            <translation>To</translation>
        </message>
    </context>
    <context>
        <name>ReceiptDialog</name>
        <message>
            <source>Recepción de la factura %1</source>
            <translation>Receipt of invoice %1</translation>
        </message>
        <message>
            <source>¿Recibió su factura? ¿Sus datos son correctos?</source>
            <translation>Did your invoice arrive? Are its details correct?</translation>
        </message>
        <message>
            <source>Sí, la recibió y sus datos son correctos</source>
            <translation>Yes, it arrived and its details are correct</translation>
        </message>
        <message>
            <source>Los datos están mal: hay que corregirla</source>
            <translation>The details are wrong: it must be corrected</translation>
        </message>
        <message>
            <source>Qué datos están mal (RFC, domicilio, conceptos…)</source>
            <translation>Which details are wrong (RFC, address, items…)</translation>
        </message>
        <message>
            <source>Mientras se corrige, la cobranza de esta factura queda en pausa.</source>
            <translation>While it is corrected, collection of this invoice is paused.</translation>
        </message>
        <message>
            <source>Motivo para registrar el contacto de todos modos</source>
            <translation>Reason to record the contact anyway</translation>
        </message>
        <message>
            <source>Registrar respuesta</source>
            <translation>Record answer</translation>
        </message>
        <message>
            <source>Escriba qué datos están mal.</source>
            <translation>Write which details are wrong.</translation>
        </message>
    </context>
    <context>
        <name>RefundDialog</name>
        <message>
            <source>Devolver saldo a favor</source>
            <translation>Refund credit</translation>
        </message>
        <message>
            <source>Por ejemplo: baja del servicio</source>
            <translation>For example: the service was cancelled</translation>
        </message>
        <message>
            <source>&amp;Importe</source>
            <translation>&amp;Amount</translation>
        </message>
        <message>
            <source>&amp;Motivo</source>
            <translation>&amp;Reason</translation>
        </message>
        <message>
            <source>&amp;Fecha</source>
            <translation>&amp;Date</translation>
        </message>
        <message>
            <source>F&amp;orma</source>
            <translation>&amp;Method</translation>
        </message>
        <message>
            <source>Devolver</source>
            <translation>Refund</translation>
        </message>
    </context>
    <context>
        <name>ReminderComposer</name>
        <message numerus="yes">
            <source>%Ln facturas · total %1</source>
            <translation>
                <numerusform>%Ln invoice · total %1</numerusform>
                <numerusform>%Ln invoices · total %1</numerusform>
            </translation>
        </message>
        <message>
            <source>Agradecimiento para %1</source>
            <translation>Thank-you note for %1</translation>
        </message>
        <message>
            <source>Recordatorio para %1</source>
            <translation>Reminder for %1</translation>
        </message>
        <message>
            <source>Motivo para contactar de todos modos (obligatorio)</source>
            <translation>Reason to contact anyway (required)</translation>
        </message>
        <message>
            <source>Motivo:</source>
            <translation>Reason:</translation>
        </message>
        <message>
            <source>Facturas</source>
            <translation>Invoices</translation>
        </message>
        <message>
            <source>Folio</source>
            <translation>Number</translation>
        </message>
        <message>
            <source>Vence</source>
            <translation>Due</translation>
        </message>
        <message>
            <source>Días</source>
            <translation>Days</translation>
        </message>
        <message>
            <source>Saldo</source>
            <translation>Balance</translation>
        </message>
        <message>
            <source>Etapa / tono:</source>
            <translation>Stage / tone:</translation>
        </message>
        <message>
            <source>Canal:</source>
            <translation>Channel:</translation>
        </message>
        <message>
            <source>Últimos contactos</source>
            <translation>Latest contacts</translation>
        </message>
        <message>
            <source>Asunto:</source>
            <translation>Subject:</translation>
        </message>
        <message>
            <source>Texto (plantilla editable):</source>
            <translation>Text (editable template):</translation>
        </message>
        <message>
            <source>Editar la &amp;plantilla (avanzado)</source>
            <translation>Edit the &amp;template (advanced)</translation>
        </message>
        <message>
            <source>La plantilla con sus campos de combinación, para este tipo de mensaje</source>
            <translation>The template with its merge fields, for this kind of message</translation>
        </message>
        <message>
            <source>A&amp;sunto:</source>
            <translation>&amp;Subject:</translation>
        </message>
        <message>
            <source>Asunto del mensaje</source>
            <translation>Message subject</translation>
        </message>
        <message>
            <source>Texto del mensaje</source>
            <translation>Message text</translation>
        </message>
        <message>
            <source>&amp;Mensaje (puede modificarlo):</source>
            <translation>&amp;Message (you may change it):</translation>
        </message>
        <message>
            <source>Insertar campo</source>
            <translation>Insert field</translation>
        </message>
        <message>
            <source>Restaurar plantilla</source>
            <translation>Restore template</translation>
        </message>
        <message>
            <source>Vista previa:</source>
            <translation>Preview:</translation>
        </message>
        <message>
            <source>Cerrar</source>
            <translation>Close</translation>
        </message>
        <message>
            <source>Adjuntar:</source>
            <translation>Attach:</translation>
        </message>
        <message>
            <source>(no hay documentos disponibles)</source>
            <translation>(no documents available)</translation>
        </message>
        <message>
            <source>Enviar correo</source>
            <translation>Send email</translation>
        </message>
        <message>
            <source>Copiar texto</source>
            <translation>Copy text</translation>
        </message>
        <message>
            <source>Para SMS u otras aplicaciones</source>
            <translation>For SMS or other apps</translation>
        </message>
        <message>
            <source>Abrir WhatsApp</source>
            <translation>Open WhatsApp</translation>
        </message>
        <message>
            <source>Promesa: monto</source>
            <translation>Promise: amount</translation>
        </message>
        <message>
            <source>fecha</source>
            <translation>date</translation>
        </message>
        <message>
            <source>Notas:</source>
            <translation>Notes:</translation>
        </message>
        <message>
            <source>Motivo del impago:</source>
            <translation>Reason for non-payment:</translation>
        </message>
        <message>
            <source>(sin motivo)</source>
            <translation>(no reason)</translation>
        </message>
        <message>
            <source>Contactado</source>
            <translation>Reached</translation>
        </message>
        <message>
            <source>No contestó</source>
            <translation>No answer</translation>
        </message>
        <message>
            <source>Promesa de pago</source>
            <translation>Promise to pay</translation>
        </message>
        <message>
            <source>Disputa</source>
            <translation>Dispute</translation>
        </message>
        <message>
            <source>Se negó</source>
            <translation>Refused</translation>
        </message>
        <message>
            <source>Imprimir carta</source>
            <translation>Print letter</translation>
        </message>
        <message>
            <source>Correo electrónico</source>
            <translation>Email</translation>
        </message>
        <message>
            <source>WhatsApp / SMS</source>
            <translation>WhatsApp / SMS</translation>
        </message>
        <message>
            <source>Llamada (guion)</source>
            <translation>Call (script)</translation>
        </message>
        <message>
            <source>Carta</source>
            <translation>Letter</translation>
        </message>
        <message>
            <source>Sin contactos registrados.</source>
            <translation>No contacts recorded.</translation>
        </message>
        <message>
            <source>Para: %1</source>
            <translation>To: %1</translation>
        </message>
        <message>
            <source>El cliente no tiene correo electrónico.</source>
            <translation>The customer has no email address.</translation>
        </message>
        <message>
            <source>WhatsApp: %1</source>
            <translation>WhatsApp: %1</translation>
        </message>
        <message>
            <source>El cliente no tiene teléfono.</source>
            <translation>The customer has no phone.</translation>
        </message>
        <message>
            <source>Teléfono: %1</source>
            <translation>Phone: %1</translation>
        </message>
        <message>
            <source>Error en la plantilla: %1</source>
            <translation>Template error: %1</translation>
        </message>
        <message>
            <source>Asunto: %1</source>
            <translation>Subject: %1</translation>
        </message>
        <message>
            <source>Escriba el motivo para contactar de todos modos.</source>
            <translation>Write the reason to contact anyway.</translation>
        </message>
        <message>
            <source>Enviando…</source>
            <translation>Sending…</translation>
        </message>
        <message>
            <source>Enviando correo</source>
            <translation>Sending email</translation>
        </message>
        <message>
            <source>Correo enviado.</source>
            <translation>Email sent.</translation>
        </message>
        <message>
            <source>No se pudo enviar ahora: %1. El correo quedó en la bandeja de salida y se reintentará.</source>
            <translation>Could not send now: %1. The email stays in the outbox and will be retried.</translation>
        </message>
        <message>
            <source>Texto copiado al portapapeles.</source>
            <translation>Text copied to the clipboard.</translation>
        </message>
        <message>
            <source>No se pudo abrir WhatsApp.</source>
            <translation>WhatsApp could not be opened.</translation>
        </message>
        <message>
            <source>Indique el motivo del impago.</source>
            <translation>Give the reason for non-payment.</translation>
        </message>
        <message>
            <source>1 factura · total %2</source>
            <translation>1 invoice · total %2</translation>
        </message>
        <message>
            <source>%1 facturas · total %2</source>
            <translation>%1 invoices · total %2</translation>
        </message>
    </context>
    <context>
        <name>ReminderStages</name>
        <message>
            <source>Recordatorio amable (antes de vencer)</source>
            <translation>Friendly reminder (before due)</translation>
        </message>
        <message>
            <source>Recordatorio de pago vencido</source>
            <translation>Overdue payment reminder</translation>
        </message>
        <message>
            <source>Preguntar el motivo del atraso</source>
            <translation>Ask the reason for the delay</translation>
        </message>
        <message>
            <source>Recordatorio firme</source>
            <translation>Firm reminder</translation>
        </message>
        <message>
            <source>Aviso de recargos</source>
            <translation>Late-charge warning</translation>
        </message>
        <message>
            <source>Recargo aplicado</source>
            <translation>Late charge applied</translation>
        </message>
        <message>
            <source>Restricción parcial del servicio</source>
            <translation>Partial restriction of service</translation>
        </message>
        <message>
            <source>Suspensión del servicio</source>
            <translation>Service suspension</translation>
        </message>
        <message>
            <source>Último aviso antes de agencia</source>
            <translation>Final notice before an agency</translation>
        </message>
        <message>
            <source>Seguimiento cercano</source>
            <translation>Close follow-up</translation>
        </message>
        <message>
            <source>Pago del convenio (próximo)</source>
            <translation>Plan instalment (upcoming)</translation>
        </message>
        <message>
            <source>Pago del convenio vencido</source>
            <translation>Plan instalment overdue</translation>
        </message>
        <message>
            <source>Promesa incumplida</source>
            <translation>Broken promise</translation>
        </message>
        <message>
            <source>Agradecimiento por el pago</source>
            <translation>Thank you for the payment</translation>
        </message>
    </context>
    <context>
        <name>RepPanel</name>
        <message numerus="yes">
            <source>%Ln facturas PUE con saldo después de su mes</source>
            <translation>
                <numerusform>%Ln PUE invoice with a balance after its month</numerusform>
                <numerusform>%Ln PUE invoices with a balance after their month</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln vencidos</source>
            <translation>
                <numerusform>%Ln overdue</numerusform>
                <numerusform>%Ln overdue</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln pagos sin REP</source>
            <translation>
                <numerusform>%Ln payment without a REP</numerusform>
                <numerusform>%Ln payments without a REP</numerusform>
            </translation>
        </message>
        <message>
            <source>Tareas del negocio: complementos de pago (REP)</source>
            <translation>Business tasks: payment receipts (REP)</translation>
        </message>
        <message>
            <source>Tarea</source>
            <translation>Task</translation>
        </message>
        <message>
            <source>Fecha límite</source>
            <translation>Deadline</translation>
        </message>
        <message>
            <source>Factura</source>
            <translation>Invoice</translation>
        </message>
        <message>
            <source>Cliente</source>
            <translation>Customer</translation>
        </message>
        <message>
            <source>Monto</source>
            <translation>Amount</translation>
        </message>
        <message>
            <source>Emitir REP del pago del %1</source>
            <translation>Issue the REP of the payment of %1</translation>
        </message>
        <message>
            <source>PUE sin pagar al cierre del mes: revisar (debió ser PPD)</source>
            <translation>PUE unpaid at month end: review (should have been PPD)</translation>
        </message>
        <message>
            <source>Complementos de pago por emitir</source>
            <translation>Payment complements to issue</translation>
        </message>
        <message>
            <source>%1 pagos sin REP (%2 vencidos) · %3 facturas PUE con saldo después de su mes</source>
            <translation>%1 payments without a REP (%2 overdue) · %3 PUE invoices with a balance after their month</translation>
        </message>
    </context>
    <context>
        <name>ReportView</name>
        <message numerus="yes">
            <source>%Ln problemas. Corríjalos en el archivo; no se guardará nada.</source>
            <translation>
                <numerusform>%Ln problem. Correct it in the file; nothing will be saved.</numerusform>
                <numerusform>%Ln problems. Correct them in the file; nothing will be saved.</numerusform>
            </translation>
        </message>
        <message>
            <source>Tipo</source>
            <translation>Kind</translation>
        </message>
        <message>
            <source>Archivo</source>
            <translation>File</translation>
        </message>
        <message>
            <source>Fila</source>
            <translation>Row</translation>
        </message>
        <message>
            <source>Columna</source>
            <translation>Column</translation>
        </message>
        <message>
            <source>Mensaje</source>
            <translation>Message</translation>
        </message>
        <message>
            <source>Clientes nuevos</source>
            <translation>New customers</translation>
        </message>
        <message>
            <source>Problemas y documentos omitidos</source>
            <translation>Problems and skipped documents</translation>
        </message>
        <message>
            <source>Clientes nuevos: %1 (ya en el libro: %2) · Facturas: %3 · Notas de crédito: %4 · Pagos: %5 · Omitidos: %6</source>
            <translation>New customers: %1 (already in the book: %2) · Invoices: %3 · Credit notes: %4 · Payments: %5 · Skipped: %6</translation>
        </message>
        <message>
            <source>Por cobrar importado: %1</source>
            <translation>Receivable imported: %1</translation>
        </message>
        <message>
            <source>Total de control: el archivo suma %1 y se registran %2 %3</source>
            <translation>Control total: the file adds up to %1 and %2 is booked %3</translation>
        </message>
        <message>
            <source>Problema</source>
            <translation>Problem</translation>
        </message>
        <message>
            <source>Omitido</source>
            <translation>Skipped</translation>
        </message>
        <message>
            <source>Suscripciones: %1</source>
            <translation>Subscriptions: %1</translation>
        </message>
        <message>
            <source>Problemas: %1. Corríjalos en el archivo; no se guardará nada.</source>
            <translation>Problems: %1. Correct them in the file; nothing will be saved.</translation>
        </message>
    </context>
    <context>
        <name>RestoreDialog</name>
        <message>
            <source>Restaurar una copia de seguridad</source>
            <translation>Restore a backup</translation>
        </message>
        <message>
            <source>Elija la copia que quiere recuperar. Antes de restaurarla, el libro actual se guarda como una copia «antes de restaurar», así que nada se pierde.</source>
            <translation>Choose the backup to bring back. Before restoring it, the current book is kept as a “before restore” backup, so nothing is lost.</translation>
        </message>
        <message>
            <source>Copias de seguridad</source>
            <translation>Backups</translation>
        </message>
        <message>
            <source>Fecha</source>
            <translation>Date</translation>
        </message>
        <message>
            <source>Tipo</source>
            <translation>Kind</translation>
        </message>
        <message>
            <source>Tamaño</source>
            <translation>Size</translation>
        </message>
        <message>
            <source>Clientes</source>
            <translation>Customers</translation>
        </message>
        <message>
            <source>Facturas</source>
            <translation>Invoices</translation>
        </message>
        <message>
            <source>Pagos</source>
            <translation>Payments</translation>
        </message>
        <message>
            <source>Buscando copias…</source>
            <translation>Looking for backups…</translation>
        </message>
        <message>
            <source>&amp;Restaurar…</source>
            <translation>&amp;Restore…</translation>
        </message>
        <message>
            <source>Buscando copias de seguridad</source>
            <translation>Looking for backups</translation>
        </message>
        <message>
            <source>Diaria</source>
            <translation>Daily</translation>
        </message>
        <message>
            <source>Antes de actualizar</source>
            <translation>Before upgrade</translation>
        </message>
        <message>
            <source>Antes de restaurar</source>
            <translation>Before restore</translation>
        </message>
        <message>
            <source>Manual</source>
            <translation>Manual</translation>
        </message>
        <message>
            <source>Dañada</source>
            <translation>Damaged</translation>
        </message>
        <message>
            <source>Copias encontradas: {0}</source>
            <translation>Backups found: {0}</translation>
        </message>
        <message>
            <source>Este libro todavía no tiene copias de seguridad.</source>
            <translation>This book has no backups yet.</translation>
        </message>
        <message>
            <source>¿Restaurar esta copia?</source>
            <translation>Restore this backup?</translation>
        </message>
        <message>
            <source>El libro volverá a como estaba el {when} ({customers} clientes, {invoices} facturas, {payments} pagos).

Primero se guarda el libro actual como una copia «antes de restaurar»; después se cierra, se reemplaza por la copia y se vuelve a abrir.</source>
            <translation>The book will go back to how it was on {when} ({customers} customers, {invoices} invoices, {payments} payments).

First the current book is kept as a “before restore” backup; then it is closed, replaced by the backup and opened again.</translation>
        </message>
        <message>
            <source>Restaurar</source>
            <translation>Restore</translation>
        </message>
    </context>
    <context>
        <name>SendInvoiceDialog</name>
        <message>
            <source>Enviar la factura</source>
            <translation>Send the invoice</translation>
        </message>
        <message>
            <source>Envíe la factura ahora: así el cliente no puede decir que nunca le llegó.</source>
            <translation>Send the invoice now: then the customer cannot say it never arrived.</translation>
        </message>
        <message>
            <source>Correo</source>
            <translation>Email</translation>
        </message>
        <message>
            <source>WhatsApp</source>
            <translation>WhatsApp</translation>
        </message>
        <message>
            <source>Adjuntos</source>
            <translation>Attachments</translation>
        </message>
        <message>
            <source>Enviar por correo</source>
            <translation>Send by email</translation>
        </message>
        <message>
            <source>Enviar por WhatsApp</source>
            <translation>Send by WhatsApp</translation>
        </message>
        <message>
            <source>Después</source>
            <translation>Later</translation>
        </message>
        <message>
            <source>Enviar la factura %1</source>
            <translation>Send invoice %1</translation>
        </message>
        <message>
            <source>(no registrado)</source>
            <translation>(not on file)</translation>
        </message>
        <message>
            <source>Enviando la factura</source>
            <translation>Sending the invoice</translation>
        </message>
        <message>
            <source>No se pudo enviar ahora; queda en la bandeja de salida: %1</source>
            <translation>It could not be sent now; it stays in the outbox: %1</translation>
        </message>
        <message>
            <source>Cerrar</source>
            <translation>Close</translation>
        </message>
        <message>
            <source>Mensaje</source>
            <translation>Message</translation>
        </message>
    </context>
    <context>
        <name>SettingsForm</name>
        <message>
            <source>Restaurar valores predeterminados</source>
            <translation>Restore defaults</translation>
        </message>
        <message>
            <source>Descartar cambios</source>
            <translation>Discard changes</translation>
        </message>
        <message>
            <source>Guardar</source>
            <translation>Save</translation>
        </message>
        <message>
            <source>Valores predeterminados: pulse Guardar para conservarlos.</source>
            <translation>Default values: press Save to keep them.</translation>
        </message>
        <message>
            <source>Guardado.</source>
            <translation>Saved.</translation>
        </message>
    </context>
    <context>
        <name>SettingsPage</name>
        <message>
            <source>Configuración</source>
            <translation>Settings</translation>
        </message>
        <message>
            <source>Idioma</source>
            <translation>Language</translation>
        </message>
        <message>
            <source>Aplicar</source>
            <translation>Apply</translation>
        </message>
        <message>
            <source>Idioma de la interfaz</source>
            <translation>Interface language</translation>
        </message>
        <message>
            <source>Datos del negocio</source>
            <translation>Business details</translation>
        </message>
        <message>
            <source> días</source>
            <translation> days</translation>
        </message>
        <message>
            <source>Nombre del negocio</source>
            <translation>Business name</translation>
        </message>
        <message>
            <source>RFC</source>
            <translation>RFC (tax ID)</translation>
        </message>
        <message>
            <source>Dirección</source>
            <translation>Address</translation>
        </message>
        <message>
            <source>Teléfono</source>
            <translation>Phone</translation>
        </message>
        <message>
            <source>Correo</source>
            <translation>Email</translation>
        </message>
        <message>
            <source>Moneda</source>
            <translation>Currency</translation>
        </message>
        <message>
            <source>Plazo de pago</source>
            <translation>Payment terms</translation>
        </message>
        <message>
            <source>IVA %</source>
            <translation>VAT %</translation>
        </message>
        <message>
            <source>Banco</source>
            <translation>Bank</translation>
        </message>
        <message>
            <source>CLABE</source>
            <translation>CLABE</translation>
        </message>
        <message>
            <source>Serie de facturas</source>
            <translation>Invoice series</translation>
        </message>
        <message>
            <source>Guardar datos del negocio</source>
            <translation>Save business details</translation>
        </message>
        <message>
            <source>General</source>
            <translation>General</translation>
        </message>
        <message>
            <source>Escriba la tasa de IVA como un número, ej. 16.</source>
            <translation>Write the VAT rate as a number, e.g. 16.</translation>
        </message>
        <message>
            <source>Datos guardados.</source>
            <translation>Details saved.</translation>
        </message>
    </context>
    <context>
        <name>SmtpSettingsWidget</name>
        <message>
            <source>STARTTLS (recomendado)</source>
            <translation>STARTTLS (recommended)</translation>
        </message>
        <message>
            <source>SSL/TLS</source>
            <translation>SSL/TLS</translation>
        </message>
        <message>
            <source>Ninguna (sin cifrar)</source>
            <translation>None (unencrypted)</translation>
        </message>
        <message>
            <source>Guardada en el llavero del sistema</source>
            <translation>Saved in the system keyring</translation>
        </message>
        <message>
            <source>La contraseña se guarda solo en el llavero del sistema, nunca en el libro. Déjela vacía para no cambiarla.</source>
            <translation>The password is kept only in the system keyring, never in the book. Leave it empty to keep it unchanged.</translation>
        </message>
        <message>
            <source>Servidor SMTP:</source>
            <translation>SMTP server:</translation>
        </message>
        <message>
            <source>Puerto:</source>
            <translation>Port:</translation>
        </message>
        <message>
            <source>Seguridad:</source>
            <translation>Security:</translation>
        </message>
        <message>
            <source>Usuario:</source>
            <translation>User:</translation>
        </message>
        <message>
            <source>Contraseña:</source>
            <translation>Password:</translation>
        </message>
        <message>
            <source>Correo del remitente:</source>
            <translation>Sender email:</translation>
        </message>
        <message>
            <source>Nombre del remitente:</source>
            <translation>Sender name:</translation>
        </message>
        <message>
            <source>Probar conexión</source>
            <translation>Test connection</translation>
        </message>
        <message>
            <source>Guardar</source>
            <translation>Save</translation>
        </message>
        <message>
            <source>No se pudo guardar la contraseña en el llavero: %1</source>
            <translation>The password could not be saved in the keyring: %1</translation>
        </message>
        <message>
            <source>Configuración guardada.</source>
            <translation>Settings saved.</translation>
        </message>
        <message>
            <source>Probando la conexión…</source>
            <translation>Testing the connection…</translation>
        </message>
        <message>
            <source>Probando la conexión</source>
            <translation>Testing the connection</translation>
        </message>
    </context>
    <context>
        <name>StatusChanges</name>
        <message>
            <source>Cambios de estado:</source>
            <translation>Status changes:</translation>
        </message>
    </context>
    <context>
        <name>StatusDialog</name>
        <message>
            <source>Cambiar estado del cliente</source>
            <translation>Change the customer's status</translation>
        </message>
        <message>
            <source>Estado actual: %1</source>
            <translation>Current status: %1</translation>
        </message>
        <message>
            <source>Por qué cambia el estado (obligatorio)</source>
            <translation>Why the status changes (required)</translation>
        </message>
        <message>
            <source>Qué servicios se limitan (al restringir)</source>
            <translation>Which services are limited (when restricting)</translation>
        </message>
        <message>
            <source>&amp;Nuevo estado</source>
            <translation>&amp;New status</translation>
        </message>
        <message>
            <source>&amp;Motivo</source>
            <translation>&amp;Reason</translation>
        </message>
        <message>
            <source>&amp;Restricción</source>
            <translation>Res&amp;triction</translation>
        </message>
        <message>
            <source>Cambios anteriores:</source>
            <translation>Previous changes:</translation>
        </message>
        <message>
            <source>Sin cambios de estado anteriores.</source>
            <translation>No previous status changes.</translation>
        </message>
        <message>
            <source>Cambiar &amp;estado</source>
            <translation>Change &amp;status</translation>
        </message>
        <message>
            <source>Escriba el motivo del cambio de estado.</source>
            <translation>Write the reason for the status change.</translation>
        </message>
        <message>
            <source>Cambiando estado</source>
            <translation>Changing status</translation>
        </message>
    </context>
    <context>
        <name>SubscriptionDialog</name>
        <message>
            <source>Nueva suscripción</source>
            <translation>New subscription</translation>
        </message>
        <message>
            <source>Ej. Mensualidad del gimnasio</source>
            <translation>E.g. Monthly gym membership</translation>
        </message>
        <message>
            <source>Prorratear el primer periodo</source>
            <translation>Prorate the first period</translation>
        </message>
        <message>
            <source>Cliente</source>
            <translation>Customer</translation>
        </message>
        <message>
            <source>Descripción</source>
            <translation>Description</translation>
        </message>
        <message>
            <source>Precio (sin IVA)</source>
            <translation>Price (before VAT)</translation>
        </message>
        <message>
            <source>Periodo</source>
            <translation>Period</translation>
        </message>
        <message>
            <source>Día de facturación</source>
            <translation>Billing day</translation>
        </message>
        <message>
            <source>Inicio</source>
            <translation>Start</translation>
        </message>
        <message>
            <source>IVA %</source>
            <translation>VAT %</translation>
        </message>
        <message>
            <source>Descuento %</source>
            <translation>Discount %</translation>
        </message>
        <message>
            <source>Servicio</source>
            <translation>Service</translation>
        </message>
        <message>
            <source>Próximos 12 periodos</source>
            <translation>Next 12 periods</translation>
        </message>
        <message>
            <source>Crear suscripción</source>
            <translation>Create subscription</translation>
        </message>
        <message>
            <source>Cancelar</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>Se factura</source>
            <translation>Billed on</translation>
        </message>
        <message>
            <source>Total</source>
            <translation>Total</translation>
        </message>
        <message>
            <source>Nota</source>
            <translation>Note</translation>
        </message>
        <message>
            <source>Elija un cliente.</source>
            <translation>Choose a customer.</translation>
        </message>
        <message>
            <source>En pausa</source>
            <translation>Paused</translation>
        </message>
        <message>
            <source>Prorrateado</source>
            <translation>Prorated</translation>
        </message>
        <message>
            <source>Mensual</source>
            <translation>Monthly</translation>
        </message>
        <message>
            <source>Bimestral</source>
            <translation>Bimonthly</translation>
        </message>
        <message>
            <source>Trimestral</source>
            <translation>Quarterly</translation>
        </message>
        <message>
            <source>Semestral</source>
            <translation>Semiannual</translation>
        </message>
        <message>
            <source>Anual</source>
            <translation>Annual</translation>
        </message>
        <message>
            <source>Servicios</source>
            <translation>Services</translation>
        </message>
    </context>
    <context>
        <name>SubscriptionsPage</name>
        <message numerus="yes">
            <source>%Ln activas</source>
            <translation>
                <numerusform>%Ln active</numerusform>
                <numerusform>%Ln active</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%1 de %Ln suscripciones</source>
            <translation>
                <numerusform>%1 of %Ln subscription</numerusform>
                <numerusform>%1 of %Ln subscriptions</numerusform>
            </translation>
        </message>
        <message>
            <source>Suscripciones</source>
            <translation>Subscriptions</translation>
        </message>
        <message>
            <source>Todas</source>
            <translation>All</translation>
        </message>
        <message>
            <source>Activas</source>
            <translation>Active</translation>
        </message>
        <message>
            <source>Canceladas</source>
            <translation>Cancelled</translation>
        </message>
        <message>
            <source>Todos</source>
            <translation>All</translation>
        </message>
        <message>
            <source>Buscar cliente…</source>
            <translation>Search customer…</translation>
        </message>
        <message>
            <source>Nueva…</source>
            <translation>New…</translation>
        </message>
        <message>
            <source>Cambiar precio…</source>
            <translation>Change price…</translation>
        </message>
        <message>
            <source>Pausar…</source>
            <translation>Pause…</translation>
        </message>
        <message>
            <source>Cancelar…</source>
            <translation>Cancel…</translation>
        </message>
        <message>
            <source>Facturar periodos…</source>
            <translation>Bill periods…</translation>
        </message>
        <message>
            <source>Aún no hay suscripciones. Registre el servicio mensual de un cliente y facture sus periodos de una vez.</source>
            <translation>There are no subscriptions yet. Enter a customer's monthly service and bill its periods in one go.</translation>
        </message>
        <message>
            <source>Activa</source>
            <translation>Active</translation>
        </message>
        <message>
            <source>Cancelada</source>
            <translation>Cancelled</translation>
        </message>
        <message>
            <source>Estado</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Periodo</source>
            <translation>Period</translation>
        </message>
        <message>
            <source>Cliente</source>
            <translation>Customer</translation>
        </message>
        <message>
            <source>Servicio</source>
            <translation>Service</translation>
        </message>
        <message>
            <source>Día</source>
            <translation>Day</translation>
        </message>
        <message>
            <source>Precio</source>
            <translation>Price</translation>
        </message>
        <message>
            <source>Próxima factura</source>
            <translation>Next invoice</translation>
        </message>
        <message>
            <source>Ingreso mensual recurrente: %1 (IVA incluido)</source>
            <translation>Monthly recurring revenue: %1 (VAT included)</translation>
        </message>
        <message>
            <source>Mensual</source>
            <translation>Monthly</translation>
        </message>
        <message>
            <source>Bimestral</source>
            <translation>Bimonthly</translation>
        </message>
        <message>
            <source>Trimestral</source>
            <translation>Quarterly</translation>
        </message>
        <message>
            <source>Semestral</source>
            <translation>Semiannual</translation>
        </message>
        <message>
            <source>Anual</source>
            <translation>Annual</translation>
        </message>
        <message>
            <source>%1 activas</source>
            <translation>%1 active</translation>
        </message>
        <message>
            <source>%1 de %2 suscripciones</source>
            <translation>%1 of %2 subscriptions</translation>
        </message>
    </context>
    <context>
        <name>TaskRunner</name>
        <message>
            <source>Ocurrió un error inesperado y la operación no se realizó. Los detalles quedaron en el registro del programa.</source>
            <translation>An unexpected error occurred and nothing was done. The details are in the program log.</translation>
        </message>
    </context>
    <context>
        <name>TechnicianPanel</name>
        <message>
            <source>Para el técnico: servicios por cortar y por reconectar</source>
            <translation>For the technician: services to cut and to reconnect</translation>
        </message>
        <message>
            <source>Acción</source>
            <translation>Action</translation>
        </message>
        <message>
            <source>Cliente</source>
            <translation>Customer</translation>
        </message>
        <message>
            <source>Servicio</source>
            <translation>Service</translation>
        </message>
        <message>
            <source>Vencido</source>
            <translation>Overdue</translation>
        </message>
        <message>
            <source>Pagó su adeudo</source>
            <translation>Paid up</translation>
        </message>
        <message>
            <source>Motivo de la reconexión</source>
            <translation>Reason for the reconnection</translation>
        </message>
        <message>
            <source>Reconectar</source>
            <translation>Reconnect</translation>
        </message>
        <message>
            <source>Motivo:</source>
            <translation>Reason:</translation>
        </message>
        <message>
            <source>%1 servicios por cortar · %2 por reconectar</source>
            <translation>%1 services to cut · %2 to reconnect</translation>
        </message>
        <message>
            <source>Cortar</source>
            <translation>Cut</translation>
        </message>
        <message>
            <source>Reconectado; cargo por reconexión %1 por %2.</source>
            <translation>Reconnected; reconnection fee %1 for %2.</translation>
        </message>
        <message>
            <source>Reconectado.</source>
            <translation>Reconnected.</translation>
        </message>
    </context>
    <context>
        <name>TemplateEditorWidget</name>
        <message>
            <source>Español</source>
            <extracomment>A template was stored (or restored) in the book.</extracomment>
            <translation>Spanish</translation>
        </message>
        <message>
            <source>Inglés</source>
            <translation>English</translation>
        </message>
        <message>
            <source>Correo: asunto</source>
            <translation>Email: subject</translation>
        </message>
        <message>
            <source>Correo: texto</source>
            <translation>Email: text</translation>
        </message>
        <message>
            <source>WhatsApp / SMS</source>
            <translation>WhatsApp / SMS</translation>
        </message>
        <message>
            <source>Guion de llamada</source>
            <translation>Call script</translation>
        </message>
        <message>
            <source>Carta</source>
            <translation>Letter</translation>
        </message>
        <message>
            <source>Idioma:</source>
            <translation>Language:</translation>
        </message>
        <message>
            <source>Etapa:</source>
            <translation>Stage:</translation>
        </message>
        <message>
            <source>Parte:</source>
            <translation>Part:</translation>
        </message>
        <message>
            <source>Restaurar la original</source>
            <translation>Restore the original</translation>
        </message>
        <message>
            <source>Guardar plantilla</source>
            <translation>Save template</translation>
        </message>
        <message>
            <source>Modificada</source>
            <translation>Modified</translation>
        </message>
        <message>
            <source>Original</source>
            <translation>Original</translation>
        </message>
        <message>
            <source>La plantilla es válida.</source>
            <translation>The template is valid.</translation>
        </message>
        <message>
            <source>Plantilla guardada.</source>
            <translation>Template saved.</translation>
        </message>
        <message>
            <source>Texto de la plantilla</source>
            <translation>Template text</translation>
        </message>
    </context>
    <context>
        <name>TodayPage</name>
        <message>
            <source>Registrar de todos modos</source>
            <translation>Log it anyway</translation>
        </message>
        <message>
            <source>Factura {0}: recibida y con datos correctos.</source>
            <translation>Invoice {0}: received, with the right details.</translation>
        </message>
        <message>
            <source>Factura {0}: marcada para corregir; su cobranza queda en pausa.</source>
            <translation>Invoice {0}: flagged for correction; its collection is paused.</translation>
        </message>
        <message>
            <source>Escriba qué datos están mal.</source>
            <translation>Write which details are wrong.</translation>
        </message>
        <message>
            <source>¿Qué datos de la factura están mal? (RFC, domicilio, conceptos…)</source>
            <translation>Which details of the invoice are wrong? (RFC, address, items…)</translation>
        </message>
        <message>
            <source>Datos mal</source>
            <translation>Details wrong</translation>
        </message>
        <message>
            <source>Hay que corregir la factura: su cobranza queda en pausa</source>
            <translation>The invoice must be corrected: its collection is paused</translation>
        </message>
        <message>
            <source>&amp;Datos mal…</source>
            <translation>Details &amp;wrong…</translation>
        </message>
        <message>
            <source>La recibió y sus datos son correctos: se registra la respuesta</source>
            <translation>They received it and its details are right: the answer is logged</translation>
        </message>
        <message>
            <source>&amp;Recibió</source>
            <translation>&amp;Received</translation>
        </message>
        <message numerus="yes">
            <source>%Ln esperan (límite de contactos, horario o domingo)</source>
            <translation>
                <numerusform>%Ln waiting (contact cap, quiet hours or Sunday)</numerusform>
                <numerusform>%Ln waiting (contact cap, quiet hours or Sunday)</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln acciones para hoy</source>
            <translation>
                <numerusform>%Ln action for today</numerusform>
                <numerusform>%Ln actions for today</numerusform>
            </translation>
        </message>
        <message>
            <source>Mostrar las que &amp;esperan (límite de contactos, horario o domingo)</source>
            <translation>Show th&amp;ose waiting (contact cap, quiet hours or Sunday)</translation>
        </message>
        <message>
            <source>Act&amp;ualizar</source>
            <translation>R&amp;efresh</translation>
        </message>
        <message>
            <source>No hay acciones de cobranza para hoy. Todo está al día.</source>
            <translation>No collection actions for today. Everything is up to date.</translation>
        </message>
        <message>
            <source>&amp;Hecho…</source>
            <translation>&amp;Done…</translation>
        </message>
        <message>
            <source>&amp;Omitir…</source>
            <translation>&amp;Skip…</translation>
        </message>
        <message>
            <source>Registrar co&amp;ntacto…</source>
            <translation>Log co&amp;ntact…</translation>
        </message>
        <message>
            <source>Redactar &amp;mensaje…</source>
            <translation>Compose &amp;message…</translation>
        </message>
        <message>
            <source>Hoy, {0}</source>
            <translation>Today, {0}</translation>
        </message>
        <message>
            <source>Ahora no toca contactar a nadie. En espera por el límite de contactos, el horario de descanso o el domingo: {0}. Marque «Mostrar las que esperan» para verlas.</source>
            <translation>Nobody is to be contacted right now. Waiting for the contact cap, quiet hours or Sunday: {0}. Tick “Show those waiting” to see them.</translation>
        </message>
        <message>
            <source>Elija una acción de la lista.</source>
            <translation>Choose an action from the list.</translation>
        </message>
        <message>
            <source>Acción registrada: {0}.</source>
            <translation>Action logged: {0}.</translation>
        </message>
        <message>
            <source>Omitir acción</source>
            <translation>Skip action</translation>
        </message>
        <message>
            <source>¿Por qué se omite «{0}» para {1}?</source>
            <translation>Why skip “{0}” for {1}?</translation>
        </message>
        <message>
            <source>Contacto registrado: {0}.</source>
            <translation>Contact logged: {0}.</translation>
        </message>
        <message>
            <source>Acciones de hoy</source>
            <translation>Today's actions</translation>
        </message>
        <message>
            <source>{0} acciones para hoy · {1} esperan (límite de contactos, horario o domingo)</source>
            <translation>{0} actions for today · {1} waiting (contact cap, quiet hours or Sunday)</translation>
        </message>
    </context>
    <context>
        <name>UsersSettingsPage</name>
        <message>
            <source>Usuario</source>
            <translation>User</translation>
        </message>
        <message>
            <source>Nombre</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>Rol</source>
            <translation>Role</translation>
        </message>
        <message>
            <source>Estado</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Activo</source>
            <translation>Active</translation>
        </message>
        <message>
            <source>Dado de baja</source>
            <translation>Deactivated</translation>
        </message>
        <message>
            <source>Cambiar rol</source>
            <translation>Change role</translation>
        </message>
        <message>
            <source>Dar de baja</source>
            <translation>Deactivate</translation>
        </message>
        <message>
            <source>Reactivar</source>
            <translation>Reactivate</translation>
        </message>
        <message>
            <source>Usuario seleccionado:</source>
            <translation>Selected user:</translation>
        </message>
        <message>
            <source>nombre de acceso, p. ej. maria</source>
            <translation>login name, e.g. maria</translation>
        </message>
        <message>
            <source>Dar de alta</source>
            <translation>Add</translation>
        </message>
        <message>
            <source>Nuevo usuario</source>
            <translation>New user</translation>
        </message>
        <message>
            <source>En un servidor, el usuario es el de la base de datos (quien se conecta). En un libro en este equipo, es el nombre de usuario de la computadora. Dueño: todo, incluida la configuración. Cobrador: contactos, promesas, mensajes y pagos. Solo lectura: consulta sin cambiar nada.</source>
            <translation>On a server, the user is the database user (whoever connects). On a book on this computer, it is the computer's user name. Owner: everything, settings included. Collector: contacts, promises, messages and payments. Read-only: looks without changing anything.</translation>
        </message>
        <message>
            <source>Fecha y hora</source>
            <translation>Date and time</translation>
        </message>
        <message>
            <source>Quién</source>
            <translation>Who</translation>
        </message>
        <message>
            <source>Qué</source>
            <translation>What</translation>
        </message>
        <message>
            <source>Detalle</source>
            <translation>Detail</translation>
        </message>
        <message>
            <source>Actividad reciente</source>
            <translation>Recent activity</translation>
        </message>
        <message>
            <source>Dueño</source>
            <translation>Owner</translation>
        </message>
        <message>
            <source>Cobrador</source>
            <translation>Collector</translation>
        </message>
        <message>
            <source>Solo lectura</source>
            <translation>Read-only</translation>
        </message>
        <message>
            <source>Este libro no tiene usuarios: quien lo abre (%1) es su dueño. Dé de alta a las personas que trabajarán en él; usted quedará registrado como dueño.</source>
            <translation>This book has no users: whoever opens it (%1) is its owner. Add the people who will work on it; you will be registered as the owner.</translation>
        </message>
        <message>
            <source>Usted trabaja como %1 (%2).</source>
            <translation>You work as %1 (%2).</translation>
        </message>
        <message>
            <source>Solo el dueño puede dar de alta usuarios y cambiar sus roles.</source>
            <translation>Only the owner can add users and change their roles.</translation>
        </message>
        <message>
            <source>Usuarios</source>
            <translation>Users</translation>
        </message>
    </context>
    <context>
        <name>_ActionDialog</name>
        <message>
            <source>Aceptar</source>
            <translation>OK</translation>
        </message>
        <message>
            <source>Cancelar</source>
            <translation>Cancel</translation>
        </message>
    </context>
    <context>
        <name>parent</name>
        <message>
            <source>Condonar cargo</source>
            <translation>Waive charge</translation>
        </message>
        <message>
            <source>Motivo de la condonación de {0} ({1}):</source>
            <translation>Reason for waiving {0} ({1}):</translation>
        </message>
    </context>
</TS>