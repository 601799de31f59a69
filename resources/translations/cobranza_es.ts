<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_MX" sourcelanguage="es_MX">
    <context>
        <name>AnnouncementDialog</name>
        <message numerus="yes">
            <source>%Ln mensajes de WhatsApp listos: ábralos uno por uno.</source>
            <translation>
                <numerusform>%Ln mensaje de WhatsApp listo: ábralo.</numerusform>
                <numerusform>%Ln mensajes de WhatsApp listos: ábralos uno por uno.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln quedan fuera (vea la lista).</source>
            <translation>
                <numerusform>%Ln queda fuera (vea la lista).</numerusform>
                <numerusform>%Ln quedan fuera (vea la lista).</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Le llega a %Ln clientes</source>
            <translation>
                <numerusform>Le llega a %Ln cliente</numerusform>
                <numerusform>Le llega a %Ln clientes</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>BillingRunDialog</name>
        <message numerus="yes">
            <source>%Ln omitidas</source>
            <translation>
                <numerusform>%Ln omitida</numerusform>
                <numerusform>%Ln omitidas</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln en pausa</source>
            <translation>
                <numerusform>%Ln en pausa</numerusform>
                <numerusform>%Ln en pausa</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Listo: %Ln facturas emitidas por %1</source>
            <translation>
                <numerusform>Listo: %Ln factura emitida por %1</numerusform>
                <numerusform>Listo: %Ln facturas emitidas por %1</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Se emitirán %Ln facturas por %1.</source>
            <translation>
                <numerusform>Se emitirá %Ln factura por %1.</numerusform>
                <numerusform>Se emitirán %Ln facturas por %1.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>PdfPreviewDialog</name>
        <message numerus="yes">
            <source>%Ln páginas</source>
            <translation>
                <numerusform>%Ln página</numerusform>
                <numerusform>%Ln páginas</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ImportWizard</name>
        <message numerus="yes">
            <source>%Ln pagos</source>
            <translation>
                <numerusform>%Ln pago</numerusform>
                <numerusform>%Ln pagos</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln notas de crédito</source>
            <translation>
                <numerusform>%Ln nota de crédito</numerusform>
                <numerusform>%Ln notas de crédito</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln facturas</source>
            <translation>
                <numerusform>%Ln factura</numerusform>
                <numerusform>%Ln facturas</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln clientes nuevos</source>
            <translation>
                <numerusform>%Ln cliente nuevo</numerusform>
                <numerusform>%Ln clientes nuevos</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ApplyPenaltiesDialog</name>
        <message numerus="yes">
            <source>Se aplicaron %Ln cargos por {0}.</source>
            <translation>
                <numerusform>Se aplicó %Ln cargo por {0}.</numerusform>
                <numerusform>Se aplicaron %Ln cargos por {0}.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln clientes</source>
            <translation>
                <numerusform>%Ln cliente</numerusform>
                <numerusform>%Ln clientes</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln cargos de {0} · total {1}</source>
            <translation>
                <numerusform>%Ln cargo de {0} · total {1}</numerusform>
                <numerusform>%Ln cargos de {0} · total {1}</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>TodayPage</name>
        <message numerus="yes">
            <source>%Ln esperan (límite de contactos, horario o domingo)</source>
            <translation>
                <numerusform>%Ln espera (límite de contactos, horario o domingo)</numerusform>
                <numerusform>%Ln esperan (límite de contactos, horario o domingo)</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln acciones para hoy</source>
            <translation>
                <numerusform>%Ln acción para hoy</numerusform>
                <numerusform>%Ln acciones para hoy</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>CustomerList</name>
        <message numerus="yes">
            <source>%Ln clientes</source>
            <translation>
                <numerusform>%Ln cliente</numerusform>
                <numerusform>%Ln clientes</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>InvoicesPage</name>
        <message numerus="yes">
            <source>%Ln facturas</source>
            <translation>
                <numerusform>%Ln factura</numerusform>
                <numerusform>%Ln facturas</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ReminderComposer</name>
        <message numerus="yes">
            <source>%Ln facturas · total %1</source>
            <translation>
                <numerusform>%Ln factura · total %1</numerusform>
                <numerusform>%Ln facturas · total %1</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>PaymentsPage</name>
        <message numerus="yes">
            <source>%Ln pagos</source>
            <translation>
                <numerusform>%Ln pago</numerusform>
                <numerusform>%Ln pagos</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>RepPanel</name>
        <message numerus="yes">
            <source>%Ln facturas PUE con saldo después de su mes</source>
            <translation>
                <numerusform>%Ln factura PUE con saldo después de su mes</numerusform>
                <numerusform>%Ln facturas PUE con saldo después de su mes</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln vencidos</source>
            <translation>
                <numerusform>%Ln vencido</numerusform>
                <numerusform>%Ln vencidos</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln pagos sin REP</source>
            <translation>
                <numerusform>%Ln pago sin REP</numerusform>
                <numerusform>%Ln pagos sin REP</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>CustomerSubscriptionsTab</name>
        <message numerus="yes">
            <source>%Ln suscripciones activas · %1 al mes</source>
            <translation>
                <numerusform>%Ln suscripción activa · %1 al mes</numerusform>
                <numerusform>%Ln suscripciones activas · %1 al mes</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>AgingPage</name>
        <message numerus="yes">
            <source>Los %n saldos más grandes, por antigüedad</source>
            <translation>
                <numerusform>El saldo más grande, por antigüedad</numerusform>
                <numerusform>Los %n saldos más grandes, por antigüedad</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln clientes con saldo al %1 · Total por cobrar: %2</source>
            <translation>
                <numerusform>%Ln cliente con saldo al %1 · Total por cobrar: %2</numerusform>
                <numerusform>%Ln clientes con saldo al %1 · Total por cobrar: %2</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>MessagesPage</name>
        <message numerus="yes">
            <source>%Ln por enviar o con error</source>
            <translation>
                <numerusform>%Ln por enviar o con error</numerusform>
                <numerusform>%Ln por enviar o con error</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln mensajes</source>
            <translation>
                <numerusform>%Ln mensaje</numerusform>
                <numerusform>%Ln mensajes</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>SubscriptionsPage</name>
        <message numerus="yes">
            <source>%Ln activas</source>
            <translation>
                <numerusform>%Ln activa</numerusform>
                <numerusform>%Ln activas</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%1 de %Ln suscripciones</source>
            <translation>
                <numerusform>%1 de %Ln suscripción</numerusform>
                <numerusform>%1 de %Ln suscripciones</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>PlansPage</name>
        <message numerus="yes">
            <source>%Ln promesas</source>
            <translation>
                <numerusform>%Ln promesa</numerusform>
                <numerusform>%Ln promesas</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln planes</source>
            <translation>
                <numerusform>%Ln plan</numerusform>
                <numerusform>%Ln planes</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ReportView</name>
        <message numerus="yes">
            <source>%Ln problemas. Corríjalos en el archivo; no se guardará nada.</source>
            <translation>
                <numerusform>%Ln problema. Corríjalo en el archivo; no se guardará nada.</numerusform>
                <numerusform>%Ln problemas. Corríjalos en el archivo; no se guardará nada.</numerusform>
            </translation>
        </message>
    </context>
</TS>
