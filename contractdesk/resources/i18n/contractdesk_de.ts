<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name>AgreementActions</name>
    <message>
        <source>Terms</source>
        <translation>Laufzeiten</translation>
    </message>
    <message>
        <source>Renew…</source>
        <translation>Verlängern…</translation>
    </message>
    <message>
        <source>Record the next term: dates shifted by the renewal term, cost editable</source>
        <translation>Die nächste Laufzeit erfassen: Daten um die Verlängerungslaufzeit verschoben, Kosten änderbar</translation>
    </message>
    <message>
        <source>Give notice…</source>
        <translation>Kündigen…</translation>
    </message>
    <message>
        <source>Record that notice was sent; the agreement ends at its end date</source>
        <translation>Erfassen, dass die Kündigung versandt wurde; der Vertrag endet zum Vertragsende</translation>
    </message>
    <message>
        <source>Co-term…</source>
        <translation>Laufzeiten angleichen…</translation>
    </message>
    <message>
        <source>Give several agreements one common end date</source>
        <translation>Mehreren Verträgen ein gemeinsames Vertragsende geben</translation>
    </message>
    <message>
        <source>This agreement was renewed; act on its latest term.</source>
        <translation>Dieser Vertrag wurde verlängert; handeln Sie bei seiner neuesten Laufzeit.</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Ungespeicherte Änderungen</translation>
    </message>
    <message>
        <source>Save or undo your changes to this agreement first; renew, notice and co-term work on the saved agreement.</source>
        <translation>Speichern Sie Ihre Änderungen an diesem Vertrag zuerst oder machen Sie sie rückgängig; Verlängern, Kündigen und Angleichen arbeiten mit dem gespeicherten Vertrag.</translation>
    </message>
    <message>
        <source> It was sent after the notice deadline; check with the other side that late notice is accepted.</source>
        <translation> Sie wurde nach Ablauf der Kündigungsfrist versandt; klären Sie mit der Gegenseite, ob die verspätete Kündigung angenommen wird.</translation>
    </message>
    <message>
        <source>Notice was given on this agreement.</source>
        <translation>Dieser Vertrag wurde gekündigt.</translation>
    </message>
    <message>
        <source>Renewed: new term {start} – {end}; price change {change}.</source>
        <translation>Verlängert: neue Laufzeit {start} – {end}; Preisänderung {change}.</translation>
    </message>
    <message>
        <source>{n} agreements now end on the same day.</source>
        <translation>{n} Verträge enden jetzt am selben Tag.</translation>
    </message>
    <message>
        <source>Renewed as the new contract {name}, {start} – {end}; price change {change}. Double-click it under Terms to open it.</source>
        <translation>Verlängert als neuer Vertrag {name}, {start} – {end}; Preisänderung {change}. Doppelklicken Sie ihn unter „Laufzeiten“, um ihn zu öffnen.</translation>
    </message>
    <message>
        <source>Notice recorded: the agreement is cancelled and ends on {end}.</source>
        <translation>Kündigung erfasst: Der Vertrag ist gekündigt und endet am {end}.</translation>
    </message>
</context>
<context>
    <name>Banner</name>
    <message>
        <source>Reminders</source>
        <translation>Erinnerungen</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Ausblenden</translation>
    </message>
</context>
<context>
    <name>CaseDialog</name>
    <message>
        <source>empty while still open</source>
        <translation>leer, solange noch offen</translation>
    </message>
    <message>
        <source>About</source>
        <translation>Betreff</translation>
    </message>
    <message>
        <source>Whom we called</source>
        <translation>Wen wir angerufen haben</translation>
    </message>
    <message>
        <source>Called at</source>
        <translation>Angerufen am</translation>
    </message>
    <message>
        <source>Case number</source>
        <translation>Fallnummer</translation>
    </message>
    <message>
        <source>Resolved at</source>
        <translation>Gelöst am</translation>
    </message>
    <message>
        <source>SLA deadline</source>
        <translation>SLA-Frist</translation>
    </message>
    <message>
        <source>SLA met</source>
        <translation>SLA eingehalten</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <source>no SLA recorded</source>
        <translation>kein SLA erfasst</translation>
    </message>
    <message>
        <source>Log a call</source>
        <translation>Anruf erfassen</translation>
    </message>
    <message>
        <source>Support case</source>
        <translation>Supportfall</translation>
    </message>
    <message>
        <source>the supplier&apos;s ticket number</source>
        <translation>die Ticketnummer des Lieferanten</translation>
    </message>
    <message>
        <source>no running agreement covers it</source>
        <translation>kein laufender Vertrag deckt es ab</translation>
    </message>
    <message>
        <source>Not known</source>
        <translation>Unbekannt</translation>
    </message>
    <message>
        <source>met</source>
        <translation>eingehalten</translation>
    </message>
    <message>
        <source>missed</source>
        <translation>verfehlt</translation>
    </message>
    <message>
        <source>open</source>
        <translation>offen</translation>
    </message>
    <message>
        <source>Save support case</source>
        <translation>Supportfall speichern</translation>
    </message>
    <message>
        <source>Met (set by hand)</source>
        <translation>Eingehalten (von Hand gesetzt)</translation>
    </message>
    <message>
        <source>Missed (set by hand)</source>
        <translation>Verfehlt (von Hand gesetzt)</translation>
    </message>
    <message>
        <source>SLA: {sla}</source>
        <translation>SLA: {sla}</translation>
    </message>
    <message>
        <source>No SLA recorded: judge it yourself.</source>
        <translation>Kein SLA erfasst: Beurteilen Sie es selbst.</translation>
    </message>
    <message>
        <source>{sla}: due {due} — {outcome}</source>
        <translation>{sla}: fällig {due} — {outcome}</translation>
    </message>
    <message>
        <source>As the SLA says ({outcome})</source>
        <translation>Wie das SLA sagt ({outcome})</translation>
    </message>
    <message>
        <source>OEM — {name}</source>
        <translation>Hersteller — {name}</translation>
    </message>
    <message>
        <source>Reseller — {name}</source>
        <translation>Händler — {name}</translation>
    </message>
    <message>
        <source>The SLA “{sla}” gives no deadline: judge it yourself.</source>
        <translation>Das SLA „{sla}“ nennt keine Frist: Beurteilen Sie es selbst.</translation>
    </message>
</context>
<context>
    <name>CasesTab</name>
    <message>
        <source>Called at</source>
        <translation>Angerufen am</translation>
    </message>
    <message>
        <source>Called</source>
        <translation>Angerufen</translation>
    </message>
    <message>
        <source>Case number</source>
        <translation>Fallnummer</translation>
    </message>
    <message>
        <source>Resolved at</source>
        <translation>Gelöst am</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>Stunden</translation>
    </message>
    <message>
        <source>SLA</source>
        <translation>SLA</translation>
    </message>
    <message>
        <source>Serial number</source>
        <translation>Seriennummer</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <source>Calls for support under it and whether the SLA was met. Double-click a case to change it.</source>
        <translation>Supportanrufe darunter und ob das SLA eingehalten wurde. Doppelklicken Sie einen Fall, um ihn zu ändern.</translation>
    </message>
    <message>
        <source>Log a call…</source>
        <translation>Anruf erfassen…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Bearbeiten…</translation>
    </message>
    <message>
        <source>met</source>
        <translation>eingehalten</translation>
    </message>
    <message>
        <source>missed</source>
        <translation>verfehlt</translation>
    </message>
    <message>
        <source>open</source>
        <translation>offen</translation>
    </message>
    <message>
        <source> (by hand)</source>
        <translation> (von Hand)</translation>
    </message>
</context>
<context>
    <name>CheckDialog</name>
    <message>
        <source>Due-diligence check</source>
        <translation>Sorgfaltsprüfung</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>Thema</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Checked on</source>
        <translation>Geprüft am</translation>
    </message>
    <message>
        <source>Expires on</source>
        <translation>Läuft ab am</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <source>Save due-diligence check</source>
        <translation>Sorgfaltsprüfung speichern</translation>
    </message>
</context>
<context>
    <name>CoTermDialog</name>
    <message>
        <source>Co-term agreements</source>
        <translation>Laufzeiten der Verträge angleichen</translation>
    </message>
    <message>
        <source>Set end date</source>
        <translation>Vertragsende setzen</translation>
    </message>
    <message>
        <source>Give the ticked agreements one common end date (costs are not prorated here).</source>
        <translation>Den angehakten Verträgen ein gemeinsames Vertragsende geben (Kosten werden hier nicht anteilig berechnet).</translation>
    </message>
    <message>
        <source>Agreements</source>
        <translation>Verträge</translation>
    </message>
    <message>
        <source>Common end date</source>
        <translation>Gemeinsames Vertragsende</translation>
    </message>
    <message>
        <source>{label}  (ends {end})</source>
        <translation>{label}  (endet {end})</translation>
    </message>
    <message>
        <source>Co-term {count} agreements</source>
        <translation>Laufzeiten von {count} Verträgen angleichen</translation>
    </message>
</context>
<context>
    <name>ColumnsPage</name>
    <message>
        <source>Columns</source>
        <translation>Spalten</translation>
    </message>
    <message>
        <source>Each column of the header row and the field it is read into. Change a field to read a column differently; the preview follows.</source>
        <translation>Jede Spalte der Kopfzeile und das Feld, in das sie gelesen wird. Wählen Sie ein anderes Feld, um eine Spalte anders zu lesen; die Vorschau folgt.</translation>
    </message>
    <message>
        <source>— not imported —</source>
        <translation>— nicht importiert —</translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation>Wird gelesen…</translation>
    </message>
    <message>
        <source>This is a ContractDesk export: its columns are its own field names, nothing to match.</source>
        <translation>Dies ist ein ContractDesk-Export: Seine Spalten tragen die eigenen Feldnamen, nichts zuzuordnen.</translation>
    </message>
    <message>
        <source>Header row {row} of sheet “{sheet}”.</source>
        <translation>Kopfzeile {row} im Blatt „{sheet}“.</translation>
    </message>
    <message>
        <source>Header row {row}.</source>
        <translation>Kopfzeile {row}.</translation>
    </message>
</context>
<context>
    <name>CoveragePage</name>
    <message>
        <source>Only not covered</source>
        <translation>Nur nicht abgedeckte</translation>
    </message>
    <message>
        <source>Any OEM</source>
        <translation>Jeder Hersteller</translation>
    </message>
    <message>
        <source>Create agreement for these items…</source>
        <translation>Vertrag für diese Geräte anlegen…</translation>
    </message>
    <message>
        <source>Opens a new agreement covering the selected items (with their OEM, if they share one)</source>
        <translation>Öffnet einen neuen Vertrag, der die ausgewählten Geräte abdeckt (mit ihrem Hersteller, falls sie einen gemeinsamen haben)</translation>
    </message>
    <message>
        <source>Loading</source>
        <translation>Wird geladen</translation>
    </message>
    <message>
        <source>Not covered</source>
        <translation>Nicht abgedeckt</translation>
    </message>
    <message>
        <source>Ends soon</source>
        <translation>Endet bald</translation>
    </message>
    <message>
        <source>Covered</source>
        <translation>Abgedeckt</translation>
    </message>
    <message>
        <source>open-ended</source>
        <translation>unbefristet</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Standort</translation>
    </message>
    <message>
        <source>Covered by</source>
        <translation>Abgedeckt durch</translation>
    </message>
    <message>
        <source>Cover until</source>
        <translation>Abgedeckt bis</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <source>No items yet. Import a register (File → Import…, or drop the file on this window) or add items (Items → New item…); then this page shows which of them are covered and which are not.</source>
        <translation>Noch keine Geräte. Importieren Sie ein Verzeichnis (Datei → Importieren…, oder ziehen Sie die Datei auf dieses Fenster) oder legen Sie Geräte an (Geräte → Neues Gerät…); dann zeigt diese Seite, welche abgedeckt sind und welche nicht.</translation>
    </message>
    <message>
        <source>{uncovered} not covered, {ending} ending within {days} days, {covered} covered</source>
        <translation>{uncovered} nicht abgedeckt, {ending} enden innerhalb von {days} Tagen, {covered} abgedeckt</translation>
    </message>
    <message>
        <source>Every item shown here has running cover.</source>
        <translation>Jedes hier gezeigte Gerät ist abgedeckt.</translation>
    </message>
    <message>
        <source>No item matches this filter.</source>
        <translation>Kein Gerät passt zu diesem Filter.</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <source>Excel workbook, every record (*.xlsx);;JSON, every record (*.json);;CSV, agreements only (*.csv)</source>
        <translation>Excel-Arbeitsmappe, alle Datensätze (*.xlsx);;JSON, alle Datensätze (*.json);;CSV, nur Verträge (*.csv)</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx);;CSV (*.csv)</source>
        <translation>Excel-Arbeitsmappe (*.xlsx);;CSV (*.csv)</translation>
    </message>
    <message>
        <source>Export everything</source>
        <translation>Alles exportieren</translation>
    </message>
    <message>
        <source>Export this list</source>
        <translation>Diese Liste exportieren</translation>
    </message>
    <message>
        <source>Import records</source>
        <translation>Datensätze importieren</translation>
    </message>
    <message>
        <source>Nothing to export</source>
        <translation>Nichts zu exportieren</translation>
    </message>
    <message>
        <source>Show a list (agreements, purchases, items, organizations or contacts) first: its filtered rows are exported.</source>
        <translation>Zeigen Sie zuerst eine Liste an (Verträge, Bestellungen, Geräte, Organisationen oder Ansprechpartner): Ihre gefilterten Zeilen werden exportiert.</translation>
    </message>
    <message>
        <source>Exporting to {file}</source>
        <translation>Export nach {file}</translation>
    </message>
    <message>
        <source>Exported {rows} rows to {file}</source>
        <translation>{rows} Zeilen nach {file} exportiert</translation>
    </message>
    <message>
        <source>New…</source>
        <translation>Neu…</translation>
    </message>
    <message>
        <source>Create a new organization and pick it</source>
        <translation>Eine neue Organisation anlegen und auswählen</translation>
    </message>
    <message>
        <source>e.g. 3 months, 90 days, 1 year</source>
        <translation>z. B. 3 Monate, 90 Tage, 1 Jahr</translation>
    </message>
    <message>
        <source>{example} or 2026-02-28</source>
        <translation>{example} oder 2026-02-28</translation>
    </message>
    <message>
        <source>Serial number or asset tag to add</source>
        <translation>Hinzuzufügende Seriennummer oder Inventarnummer</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>Remove selected</source>
        <translation>Auswahl entfernen</translation>
    </message>
    <message>
        <source>No item has serial number or asset tag “{text}”.</source>
        <translation>Kein Gerät hat die Seriennummer oder Inventarnummer „{text}“.</translation>
    </message>
    <message>
        <source>Part number</source>
        <translation>Artikelnummer</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>Quantity (1)</source>
        <translation>Menge (1)</translation>
    </message>
    <message>
        <source>Unit price</source>
        <translation>Stückpreis</translation>
    </message>
    <message>
        <source>Serial numbers, one a line (paste them here): one item each</source>
        <translation>Seriennummern, eine pro Zeile (hier einfügen): je ein Gerät</translation>
    </message>
    <message>
        <source>Add line</source>
        <translation>Position hinzufügen</translation>
    </message>
    <message>
        <source>Remove new line</source>
        <translation>Neue Position entfernen</translation>
    </message>
    <message>
        <source>a line is typed below but not added: press Add line</source>
        <translation>unten ist eine Position eingegeben, aber nicht hinzugefügt: „Position hinzufügen“ drücken</translation>
    </message>
    <message>
        <source>A saved line&apos;s items are deleted from their own forms.</source>
        <translation>Die Geräte einer gespeicherten Position werden in ihren eigenen Formularen gelöscht.</translation>
    </message>
    <message>
        <source>New: its items are created when you save</source>
        <translation>Neu: Ihre Geräte werden beim Speichern angelegt</translation>
    </message>
    <message>
        <source>renewals report</source>
        <translation>Verlängerungsbericht</translation>
    </message>
    <message>
        <source>vendor summary</source>
        <translation>Lieferantenübersicht</translation>
    </message>
    <message>
        <source>support card</source>
        <translation>Supportkarte</translation>
    </message>
    <message>
        <source>Vendor summary</source>
        <translation>Lieferantenübersicht</translation>
    </message>
    <message>
        <source>Summary of which organization?</source>
        <translation>Übersicht welcher Organisation?</translation>
    </message>
    <message>
        <source>Preparing the {report}</source>
        <translation>{report} wird erstellt</translation>
    </message>
</context>
<context>
    <name>DiligenceTab</name>
    <message>
        <source>Topic</source>
        <translation>Thema</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Checked on</source>
        <translation>Geprüft am</translation>
    </message>
    <message>
        <source>Expires on</source>
        <translation>Läuft ab am</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <source>What we checked before relying on this supplier. Failed, concerning and expired checks show on the scorecard.</source>
        <translation>Was wir geprüft haben, bevor wir uns auf diesen Lieferanten verlassen. Nicht bestandene, bedenkliche und abgelaufene Prüfungen erscheinen in der Lieferantenbewertung.</translation>
    </message>
    <message>
        <source>Add check…</source>
        <translation>Prüfung hinzufügen…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Bearbeiten…</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Löschen…</translation>
    </message>
    <message>
        <source>Delete due-diligence check</source>
        <translation>Sorgfaltsprüfung löschen</translation>
    </message>
    <message>
        <source>Delete check</source>
        <translation>Prüfung löschen</translation>
    </message>
    <message>
        <source>Delete this due-diligence check?</source>
        <translation>Diese Sorgfaltsprüfung löschen?</translation>
    </message>
    <message>
        <source> (expired)</source>
        <translation> (abgelaufen)</translation>
    </message>
</context>
<context>
    <name>DocumentsTab</name>
    <message>
        <source>Drop files here (signed contract, quote, invoice, notice letter) or click Attach files. They are kept in the data folder and included in backups.</source>
        <translation>Dateien hierher ziehen (unterschriebener Vertrag, Angebot, Rechnung, Kündigungsschreiben) oder auf „Dateien anhängen“ klicken. Sie werden im Datenordner aufbewahrt und gesichert.</translation>
    </message>
    <message>
        <source>Double-click to open with the system viewer</source>
        <translation>Doppelklicken, um mit dem Systemprogramm zu öffnen</translation>
    </message>
    <message>
        <source>Attach files…</source>
        <translation>Dateien anhängen…</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <source>Attaching files</source>
        <translation>Dateien werden angehängt</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Added (UTC)</source>
        <translation>Hinzugefügt (UTC)</translation>
    </message>
    <message>
        <source>Attach files</source>
        <translation>Dateien anhängen</translation>
    </message>
    <message>
        <source>Attach {files}</source>
        <translation>{files} anhängen</translation>
    </message>
</context>
<context>
    <name>FileDialogs</name>
    <message>
        <source>Spreadsheets and exports (*.xlsx *.xlsm *.xls *.xlsb *.ods *.csv *.txt *.json);;All files (*)</source>
        <translation>Tabellen und Exporte (*.xlsx *.xlsm *.xls *.xlsb *.ods *.csv *.txt *.json);;Alle Dateien (*)</translation>
    </message>
</context>
<context>
    <name>FirstStartPanel</name>
    <message>
        <source>Nothing here yet. Three ways to start:</source>
        <translation>Noch nichts da. Drei Wege zum Start:</translation>
    </message>
    <message>
        <source>Import a spreadsheet…</source>
        <translation>Eine Tabelle importieren…</translation>
    </message>
    <message>
        <source>Try the sample data</source>
        <translation>Die Beispieldaten ausprobieren</translation>
    </message>
    <message>
        <source>Add an agreement…</source>
        <translation>Einen Vertrag anlegen…</translation>
    </message>
    <message>
        <source>Your register of contracts, purchases or serials (xlsx, xls, ods, csv). You can also drop the file on this window.</source>
        <translation>Ihr Verzeichnis der Verträge, Bestellungen oder Seriennummern (xlsx, xls, ods, csv). Sie können die Datei auch auf dieses Fenster ziehen.</translation>
    </message>
    <message>
        <source>A made-up company&apos;s data in a separate sample database, to look around; your own database stays as it is.</source>
        <translation>Die Daten einer erfundenen Firma in einer eigenen Beispieldatenbank, zum Umsehen; Ihre eigene Datenbank bleibt, wie sie ist.</translation>
    </message>
    <message>
        <source>Type in one support contract, warranty or subscription yourself.</source>
        <translation>Einen Wartungsvertrag, eine Garantie oder ein Abonnement selbst eingeben.</translation>
    </message>
</context>
<context>
    <name>FlagsSection</name>
    <message>
        <source>Supplier blocked or high risk</source>
        <translation>Lieferant gesperrt oder hohes Risiko</translation>
    </message>
    <message>
        <source>Contract</source>
        <translation>Vertrag</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Bezeichnung</translation>
    </message>
    <message>
        <source>Supplier</source>
        <translation>Lieferant</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Warum</translation>
    </message>
    <message>
        <source>Alternative supplier</source>
        <translation>Alternativer Lieferant</translation>
    </message>
    <message>
        <source>Ends</source>
        <translation>Vertragsende</translation>
    </message>
    <message>
        <source>Click a row to open the agreement</source>
        <translation>Klicken Sie auf eine Zeile, um den Vertrag zu öffnen</translation>
    </message>
    <message>
        <source>{title}: nothing</source>
        <translation>{title}: nichts</translation>
    </message>
</context>
<context>
    <name>GovernanceUi</name>
    <message>
        <source>Risk &amp;register</source>
        <translation>Risiko&amp;register</translation>
    </message>
    <message>
        <source>All risks across vendors, with filters</source>
        <translation>Alle Risiken über alle Lieferanten, mit Filtern</translation>
    </message>
    <message>
        <source>Scorecard</source>
        <translation>Lieferantenbewertung</translation>
    </message>
    <message>
        <source>Start review…</source>
        <translation>Bewertung beginnen…</translation>
    </message>
    <message>
        <source>Review this supplier: the case log&apos;s numbers are filled in</source>
        <translation>Diesen Lieferanten bewerten: Die Zahlen aus dem Fallprotokoll sind eingetragen</translation>
    </message>
    <message>
        <source>Log a call…</source>
        <translation>Anruf erfassen…</translation>
    </message>
    <message>
        <source>Record a support call for this serial: when, whom, the case number</source>
        <translation>Einen Supportanruf zu dieser Seriennummer erfassen: wann, wen, die Fallnummer</translation>
    </message>
    <message>
        <source>Cases ({n})</source>
        <translation>Fälle ({n})</translation>
    </message>
    <message>
        <source>Reviews</source>
        <translation>Bewertungen</translation>
    </message>
    <message>
        <source>Due diligence</source>
        <translation>Sorgfaltsprüfung</translation>
    </message>
</context>
<context>
    <name>ImportState</name>
    <message>
        <source>Reading {file}</source>
        <translation>{file} wird gelesen</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <source>Import records</source>
        <translation>Datensätze importieren</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importieren</translation>
    </message>
    <message>
        <source>Importing {file}</source>
        <translation>{file} wird importiert</translation>
    </message>
</context>
<context>
    <name>ListPage</name>
    <message>
        <source>Filter this list…</source>
        <translation>Diese Liste filtern…</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>Jeder Status</translation>
    </message>
    <message>
        <source>New agreement…</source>
        <translation>Neuer Vertrag…</translation>
    </message>
    <message>
        <source>New purchase…</source>
        <translation>Neue Bestellung…</translation>
    </message>
    <message>
        <source>New item…</source>
        <translation>Neues Gerät…</translation>
    </message>
    <message>
        <source>New organization…</source>
        <translation>Neue Organisation…</translation>
    </message>
    <message>
        <source>New contact…</source>
        <translation>Neuer Ansprechpartner…</translation>
    </message>
    <message>
        <source>Click to sort; drag to move or size a column; right-click to choose the columns</source>
        <translation>Klicken zum Sortieren; ziehen, um eine Spalte zu verschieben oder ihre Breite zu ändern; Rechtsklick, um die Spalten zu wählen</translation>
    </message>
    <message>
        <source>Ordered</source>
        <translation>Bestellt</translation>
    </message>
    <message>
        <source>any</source>
        <translation>beliebig</translation>
    </message>
    <message>
        <source>Loading</source>
        <translation>Wird geladen</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>Alle Arten</translation>
    </message>
    <message>
        <source>All roles</source>
        <translation>Alle Rollen</translation>
    </message>
    <message>
        <source>Any reseller</source>
        <translation>Jeder Händler</translation>
    </message>
    <message>
        <source>Any OEM</source>
        <translation>Jeder Hersteller</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <source>1 record</source>
        <translation>1 Datensatz</translation>
    </message>
    <message>
        <source>to</source>
        <translation>bis</translation>
    </message>
    <message>
        <source>Ends</source>
        <translation>Vertragsende</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Prüfung</translation>
    </message>
    <message>
        <source>{n} records</source>
        <translation>{n} Datensätze</translation>
    </message>
    <message>
        <source>Nothing here yet. Click “{new}”, import a spreadsheet (File → Import…, or drop the file on this window), or look around in the sample data (File → Try the sample data).</source>
        <translation>Noch nichts da. Klicken Sie auf „{new}“, importieren Sie eine Tabelle (Datei → Importieren…, oder ziehen Sie die Datei auf dieses Fenster) oder sehen Sie sich in den Beispieldaten um (Datei → Beispieldaten ausprobieren).</translation>
    </message>
    <message>
        <source>No record matches this filter. Clear the filter to see all {n}.</source>
        <translation>Kein Datensatz passt zu diesem Filter. Leeren Sie den Filter, um alle {n} zu sehen.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>What needs doing</source>
        <translation>Was zu tun ist</translation>
    </message>
    <message>
        <source>Agreements</source>
        <translation>Verträge</translation>
    </message>
    <message>
        <source>Purchases</source>
        <translation>Bestellungen</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>Geräte</translation>
    </message>
    <message>
        <source>Organizations</source>
        <translation>Organisationen</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Ansprechpartner</translation>
    </message>
    <message>
        <source>Coverage</source>
        <translation>Abdeckung</translation>
    </message>
    <message>
        <source>Risk register</source>
        <translation>Risikoregister</translation>
    </message>
    <message>
        <source>Search serial, asset tag, contract, PO, vendor or person  (Ctrl+F)</source>
        <translation>Seriennummer, Inventarnummer, Vertrag, Bestellnummer, Lieferant oder Person suchen  (Strg+F)</translation>
    </message>
    <message>
        <source>Find anything; results appear as you type</source>
        <translation>Alles finden; Ergebnisse erscheinen beim Tippen</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Suche</translation>
    </message>
    <message>
        <source>search results</source>
        <translation>Suchergebnisse</translation>
    </message>
    <message>
        <source>the previous page</source>
        <translation>die vorige Seite</translation>
    </message>
    <message>
        <source>About {app}</source>
        <translation>Über {app}</translation>
    </message>
    <message>
        <source>&lt;h3&gt;{app} {version}&lt;/h3&gt;&lt;p&gt;IT purchases, agreements, renewal notice deadlines and support contacts, bought through resellers.&lt;/p&gt;&lt;p&gt;Data folder: {folder}&lt;br&gt;Database: {db}&lt;/p&gt;</source>
        <translation>&lt;h3&gt;{app} {version}&lt;/h3&gt;&lt;p&gt;IT-Bestellungen, Verträge, Kündigungsfristen und Support-Ansprechpartner, gekauft über Händler.&lt;/p&gt;&lt;p&gt;Datenordner: {folder}&lt;br&gt;Datenbank: {db}&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>NoticeDialog</name>
    <message>
        <source>Record notice</source>
        <translation>Kündigung erfassen</translation>
    </message>
    <message>
        <source>Sent on</source>
        <translation>Versandt am</translation>
    </message>
    <message>
        <source>e.g. Bechtle renewals desk, renewals@…</source>
        <translation>z. B. Bechtle Vertragsverlängerung, renewals@…</translation>
    </message>
    <message>
        <source>Sent to</source>
        <translation>Versandt an</translation>
    </message>
    <message>
        <source>How</source>
        <translation>Wie</translation>
    </message>
    <message>
        <source>optional: the letter or e-mail as a file</source>
        <translation>optional: der Brief oder die E-Mail als Datei</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Auswählen…</translation>
    </message>
    <message>
        <source>Letter</source>
        <translation>Brief</translation>
    </message>
    <message>
        <source>Write letter…</source>
        <translation>Brief schreiben…</translation>
    </message>
    <message>
        <source>Write e-mail…</source>
        <translation>E-Mail schreiben…</translation>
    </message>
    <message>
        <source>Write</source>
        <translation>Schreiben</translation>
    </message>
    <message>
        <source>Notice letter</source>
        <translation>Kündigungsschreiben</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Notice deadline</source>
        <translation>Kündigung bis</translation>
    </message>
    <message>
        <source>Give notice on {name}</source>
        <translation>{name} kündigen</translation>
    </message>
    <message>
        <source>Records that notice was sent: the agreement ends on {end} and will not renew.</source>
        <translation>Erfasst, dass die Kündigung versandt wurde: Der Vertrag endet am {end} und verlängert sich nicht.</translation>
    </message>
    <message>
        <source>Notice {name}.pdf</source>
        <translation>Kündigung {name}.pdf</translation>
    </message>
    <message>
        <source>{date} ({when})</source>
        <translation>{date} ({when})</translation>
    </message>
</context>
<context>
    <name>Notifier</name>
    <message>
        <source>Check reminders now</source>
        <translation>Erinnerungen jetzt prüfen</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <source>Reminders</source>
        <translation>Erinnerungen</translation>
    </message>
    <message>
        <source>Renewal reminder</source>
        <translation>Verlängerungserinnerung</translation>
    </message>
    <message>
        <source>{name}: {action} {date} ({when})</source>
        <translation>{name}: {action} {date} ({when})</translation>
    </message>
    <message>
        <source>Show {app}</source>
        <translation>{app} anzeigen</translation>
    </message>
    <message>
        <source>{n} renewal reminders due</source>
        <translation>{n} Verlängerungserinnerungen fällig</translation>
    </message>
    <message>
        <source>and {n} more</source>
        <translation>und {n} weitere</translation>
    </message>
</context>
<context>
    <name>PreviewPage</name>
    <message>
        <source>Preview</source>
        <translation>Vorschau</translation>
    </message>
    <message>
        <source>The rows as they will be read. Rows marked in red are skipped, with the reason; rows in amber are read with a warning. Import writes all but the red ones in one go (Cancel writes nothing).</source>
        <translation>Die Zeilen, wie sie gelesen werden. Rot markierte Zeilen werden mit Begründung übersprungen; gelbe Zeilen werden mit einer Warnung gelesen. „Importieren“ schreibt alle außer den roten in einem Zug („Abbrechen“ schreibt nichts).</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>Wird importiert…</translation>
    </message>
    <message>
        <source>Nothing was imported (the import was cancelled or failed). Change something and try again, or close the wizard.</source>
        <translation>Es wurde nichts importiert (der Import wurde abgebrochen oder ist fehlgeschlagen). Ändern Sie etwas und versuchen Sie es erneut, oder schließen Sie den Assistenten.</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation>Wird gelesen…</translation>
    </message>
    <message>
        <source>The export holds {records}. Records already here (same name, contract number, serial or PO) are updated, the others created; {bad} skipped.</source>
        <translation>Der Export enthält {records}. Vorhandene Datensätze (gleicher Name, gleiche Vertragsnummer, Seriennummer oder Bestellnummer) werden aktualisiert, die anderen angelegt; {bad} übersprungen.</translation>
    </message>
    <message>
        <source>{rows} rows read: {good} will be imported, {bad} skipped.</source>
        <translation>{rows} Zeilen gelesen: {good} werden importiert, {bad} übersprungen.</translation>
    </message>
    <message>
        <source>Row {row}: {reason}</source>
        <translation>Zeile {row}: {reason}</translation>
    </message>
    <message>
        <source>… and {n} more, marked in the table.</source>
        <translation>… und {n} weitere, in der Tabelle markiert.</translation>
    </message>
    <message>
        <source>Row {row}</source>
        <translation>Zeile {row}</translation>
    </message>
    <message>
        <source>{where} (warning): {text}</source>
        <translation>{where} (Warnung): {text}</translation>
    </message>
    <message>
        <source>… and {n} more warnings.</source>
        <translation>… und {n} weitere Warnungen.</translation>
    </message>
    <message>
        <source>Columns not matched to a field go to the notes: {names}.</source>
        <translation>Spalten ohne zugeordnetes Feld gehen in die Notizen: {names}.</translation>
    </message>
</context>
<context>
    <name>RecordDialog</name>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Löschen…</translation>
    </message>
    <message>
        <source>created</source>
        <translation>angelegt</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>geändert</translation>
    </message>
    <message>
        <source>deleted</source>
        <translation>gelöscht</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Anlegen</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Bearbeiten</translation>
    </message>
    <message>
        <source>Create agreement for these items…</source>
        <translation>Vertrag für diese Geräte anlegen…</translation>
    </message>
    <message>
        <source>Saves the purchase, then opens a new agreement with its OEM, reseller and PO number, covering its items</source>
        <translation>Speichert die Bestellung und öffnet dann einen neuen Vertrag mit ihrem Hersteller, Händler und ihrer Bestellnummer, der ihre Geräte abdeckt</translation>
    </message>
    <message>
        <source>When (UTC)</source>
        <translation>Wann (UTC)</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>Vorher</translation>
    </message>
    <message>
        <source>After</source>
        <translation>Nachher</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Delete {what}?</source>
        <translation>{what} löschen?</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>New {kind}</source>
        <translation>Neu: {kind}</translation>
    </message>
    <message>
        <source>Agreement</source>
        <translation>Vertrag</translation>
    </message>
    <message>
        <source>Purchase</source>
        <translation>Bestellung</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Gerät</translation>
    </message>
    <message>
        <source>Organization</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Ansprechpartner</translation>
    </message>
    <message>
        <source>Organization exists</source>
        <translation>Organisation vorhanden</translation>
    </message>
    <message>
        <source>Delete {what}? These refer to it: {listed}.</source>
        <translation>{what} löschen? Darauf verweisen: {listed}.</translation>
    </message>
    <message>
        <source>Delete {kind} {what}</source>
        <translation>{kind} {what} löschen</translation>
    </message>
    <message>
        <source>An organization named {name} already exists.</source>
        <translation>Eine Organisation namens {name} gibt es bereits.</translation>
    </message>
    <message>
        <source>Use the existing {name}</source>
        <translation>Die vorhandene {name} verwenden</translation>
    </message>
</context>
<context>
    <name>RecordForm</name>
    <message>
        <source>Apply to the fields</source>
        <translation>In die Felder übernehmen</translation>
    </message>
    <message>
        <source>as in the preferences</source>
        <translation>wie in den Einstellungen</translation>
    </message>
    <message>
        <source>Notice deadline</source>
        <translation>Kündigung bis</translation>
    </message>
    <message>
        <source>Reads as: %s</source>
        <translation>Gelesen als: %s</translation>
    </message>
</context>
<context>
    <name>RemindersPanel</name>
    <message>
        <source>Handled: stop reminding</source>
        <translation>Erledigt: nicht mehr erinnern</translation>
    </message>
    <message>
        <source>Stop reminding me of this stage. It does not record that notice was given (Give notice… on the agreement does); the next stage still reminds.</source>
        <translation>Nicht mehr an diese Stufe erinnern. Das erfasst keine Kündigung (das tut „Kündigen…“ am Vertrag); die nächste Stufe erinnert weiterhin.</translation>
    </message>
    <message>
        <source>Reminders</source>
        <translation>Erinnerungen</translation>
    </message>
    <message>
        <source>Snooze until…</source>
        <translation>Zurückstellen bis…</translation>
    </message>
    <message>
        <source>Open agreement</source>
        <translation>Vertrag öffnen</translation>
    </message>
    <message>
        <source>Handled and snoozed…</source>
        <translation>Erledigte und zurückgestellte…</translation>
    </message>
    <message>
        <source>Look over the reminders you silenced, and bring one back</source>
        <translation>Die stummgeschalteten Erinnerungen ansehen und eine zurückholen</translation>
    </message>
    <message>
        <source>Double-click to open the agreement; right-click for Handled or Snooze</source>
        <translation>Doppelklicken, um den Vertrag zu öffnen; Rechtsklick für „Erledigt“ oder „Zurückstellen“</translation>
    </message>
    <message>
        <source>Act by</source>
        <translation>Handeln bis</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Contract</source>
        <translation>Vertrag</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Bezeichnung</translation>
    </message>
    <message>
        <source>Reminder</source>
        <translation>Erinnerung</translation>
    </message>
    <message>
        <source>Auto-renewed</source>
        <translation>Automatisch verlängert</translation>
    </message>
    <message>
        <source>Reminders: none due</source>
        <translation>Erinnerungen: keine fällig</translation>
    </message>
    <message>
        <source>missed</source>
        <translation>verfehlt</translation>
    </message>
    <message>
        <source>{n}×</source>
        <translation>{n}×</translation>
    </message>
    <message>
        <source>{n} days ahead</source>
        <translation>{n} Tage voraus</translation>
    </message>
    <message>
        <source>No more reminders of {name} at this stage. Notice is not recorded as given: use Give notice… on the agreement for that. To undo: Handled and snoozed…</source>
        <translation>Keine Erinnerungen mehr an {name} in dieser Stufe. Eine Kündigung ist damit nicht erfasst: Dafür „Kündigen…“ am Vertrag verwenden. Rückgängig: Erledigte und zurückgestellte…</translation>
    </message>
    <message>
        <source>{name} is snoozed until {day}.</source>
        <translation>{name} ist zurückgestellt bis {day}.</translation>
    </message>
    <message>
        <source>Reminders ({n}, {missed} missed)</source>
        <translation>Erinnerungen ({n}, {missed} verpasst)</translation>
    </message>
    <message>
        <source>Reminders ({n})</source>
        <translation>Erinnerungen ({n})</translation>
    </message>
    <message>
        <source>Handled {name}</source>
        <translation>{name} erledigt</translation>
    </message>
    <message>
        <source>Snooze {name}</source>
        <translation>{name} zurückstellen</translation>
    </message>
</context>
<context>
    <name>RenewDialog</name>
    <message>
        <source>Renew agreement</source>
        <translation>Vertrag verlängern</translation>
    </message>
    <message>
        <source>Renew</source>
        <translation>Verlängern</translation>
    </message>
    <message>
        <source>Renewing</source>
        <translation>Wird verlängert</translation>
    </message>
    <message>
        <source>New term</source>
        <translation>Neue Laufzeit</translation>
    </message>
    <message>
        <source>Leave empty to add the next term to this agreement; a new number records the renewal as a new contract that replaces this one</source>
        <translation>Leer lassen, um diesem Vertrag die nächste Laufzeit anzufügen; eine neue Nummer erfasst die Verlängerung als neuen Vertrag, der diesen ersetzt</translation>
    </message>
    <message>
        <source>Contract number</source>
        <translation>Vertragsnummer</translation>
    </message>
    <message>
        <source>Covered items</source>
        <translation>Abgedeckte Geräte</translation>
    </message>
    <message>
        <source>Previous cost</source>
        <translation>Bisherige Kosten</translation>
    </message>
    <message>
        <source>Price change</source>
        <translation>Preisänderung</translation>
    </message>
    <message>
        <source>none recorded</source>
        <translation>keine erfasst</translation>
    </message>
    <message>
        <source>{start} – {end}  (renewal term {term})</source>
        <translation>{start} – {end}  (Verlängerungslaufzeit {term})</translation>
    </message>
    <message>
        <source>{number}: a new term of this agreement</source>
        <translation>{number}: eine neue Laufzeit dieses Vertrags</translation>
    </message>
    <message>
        <source>New cost ({currency})</source>
        <translation>Neue Kosten ({currency})</translation>
    </message>
    <message>
        <source>{name}, {start} – {end}</source>
        <translation>{name}, {start} – {end}</translation>
    </message>
    <message>
        <source>{n} carried over</source>
        <translation>{n} übernommen</translation>
    </message>
    <message>
        <source>Renew {name}</source>
        <translation>{name} verlängern</translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <source>&amp;Open in PDF viewer</source>
        <translation>Im PDF-Betrachter ö&amp;ffnen</translation>
    </message>
    <message>
        <source>&amp;Save as PDF…</source>
        <translation>Als PDF &amp;speichern…</translation>
    </message>
    <message>
        <source>Save report</source>
        <translation>Bericht speichern</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Open it in your PDF viewer to look at it and print it, or save a copy.</source>
        <translation>Öffnen Sie ihn in Ihrem PDF-Betrachter zum Ansehen und Drucken, oder speichern Sie eine Kopie.</translation>
    </message>
    <message>
        <source>Cannot open the report</source>
        <translation>Der Bericht kann nicht geöffnet werden</translation>
    </message>
    <message>
        <source>No PDF viewer is set up on this computer; use Save as PDF… and open the file from there.</source>
        <translation>Auf diesem Computer ist kein PDF-Betrachter eingerichtet; verwenden Sie „Als PDF speichern…“ und öffnen Sie die Datei von dort.</translation>
    </message>
    <message>
        <source>The {report} is ready: 1 page.</source>
        <translation>{report} ist fertig: 1 Seite.</translation>
    </message>
    <message>
        <source>The {report} is ready: {pages} pages.</source>
        <translation>{report} ist fertig: {pages} Seiten.</translation>
    </message>
    <message>
        <source>Cannot save the report</source>
        <translation>Der Bericht kann nicht gespeichert werden</translation>
    </message>
    <message>
        <source>Saved to {path}. &lt;a href=&quot;{folder}&quot;&gt;Open folder&lt;/a&gt;</source>
        <translation>Gespeichert unter {path}. &lt;a href=&quot;{folder}&quot;&gt;Ordner öffnen&lt;/a&gt;</translation>
    </message>
</context>
<context>
    <name>ReviewDialog</name>
    <message>
        <source>Review date</source>
        <translation>Bewertungsdatum</translation>
    </message>
    <message>
        <source>Reviewer</source>
        <translation>Bewertet von</translation>
    </message>
    <message>
        <source>Score each 1 (poor) to 5 (excellent); leave “—” for not scored.</source>
        <translation>Jeweils 1 (schlecht) bis 5 (ausgezeichnet) vergeben; „—“ für nicht bewertet lassen.</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>Feststellungen</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>Maßnahmen</translation>
    </message>
    <message>
        <source>Next review</source>
        <translation>Nächste Prüfung</translation>
    </message>
    <message>
        <source>Complete review</source>
        <translation>Bewertung abschließen</translation>
    </message>
    <message>
        <source>No support cases logged in this period.</source>
        <translation>In diesem Zeitraum wurden keine Supportfälle erfasst.</translation>
    </message>
    <message>
        <source>Review of {name}</source>
        <translation>Bewertung von {name}</translation>
    </message>
    <message>
        <source>Case log since
{day}</source>
        <translation>Fallprotokoll seit
{day}</translation>
    </message>
    <message>
        <source>{n} support cases, {open} still open</source>
        <translation>{n} Supportfälle, {open} noch offen</translation>
    </message>
    <message>
        <source>Complete review of {name}</source>
        <translation>Bewertung von {name} abschließen</translation>
    </message>
    <message>
        <source>{met} of {judged} met the SLA ({share:.0%})</source>
        <translation>{met} von {judged} haben das SLA eingehalten ({share:.0%})</translation>
    </message>
    <message>
        <source>median {hours:.1f} h to resolve</source>
        <translation>Median {hours:.1f} h bis zur Lösung</translation>
    </message>
    <message>
        <source>suggested SLA adherence: {score} / 5</source>
        <translation>vorgeschlagene SLA-Einhaltung: {score} / 5</translation>
    </message>
</context>
<context>
    <name>ReviewsTab</name>
    <message>
        <source>Reviewed</source>
        <translation>Bewertet</translation>
    </message>
    <message>
        <source>Reviewer</source>
        <translation>Bewertet von</translation>
    </message>
    <message>
        <source>Next review</source>
        <translation>Nächste Prüfung</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>Feststellungen</translation>
    </message>
    <message>
        <source>Periodic reviews, scored 1 (poor) to 5 (excellent).</source>
        <translation>Regelmäßige Bewertungen, von 1 (schlecht) bis 5 (ausgezeichnet).</translation>
    </message>
    <message>
        <source>Start review…</source>
        <translation>Bewertung beginnen…</translation>
    </message>
</context>
<context>
    <name>RiskDialog</name>
    <message>
        <source>Organization</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Agreement</source>
        <translation>Vertrag</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>Likelihood (1–5)</source>
        <translation>Wahrscheinlichkeit (1–5)</translation>
    </message>
    <message>
        <source>Impact (1–5)</source>
        <translation>Auswirkung (1–5)</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Schwere</translation>
    </message>
    <message>
        <source>Mitigation</source>
        <translation>Gegenmaßnahme</translation>
    </message>
    <message>
        <source>Alternative supplier</source>
        <translation>Alternativer Lieferant</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Verantwortlich</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>New risk</source>
        <translation>Neues Risiko</translation>
    </message>
    <message>
        <source>Edit risk</source>
        <translation>Risiko bearbeiten</translation>
    </message>
    <message>
        <source>Risk</source>
        <translation>Risiko</translation>
    </message>
    <message>
        <source>{score} — {level}</source>
        <translation>{score} — {level}</translation>
    </message>
    <message>
        <source>{verb} for {name}</source>
        <translation>{verb} für {name}</translation>
    </message>
</context>
<context>
    <name>RiskRegisterPage</name>
    <message>
        <source>Risk register</source>
        <translation>Risikoregister</translation>
    </message>
    <message>
        <source>Risks of depending on a supplier, most severe first. Severity is likelihood × impact: 12 and above is high.</source>
        <translation>Risiken der Abhängigkeit von einem Lieferanten, die schwersten zuerst. Schwere ist Wahrscheinlichkeit × Auswirkung: ab 12 hoch.</translation>
    </message>
    <message>
        <source>Not closed</source>
        <translation>Nicht geschlossen</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>Jeder Status</translation>
    </message>
    <message>
        <source>severity ≥ </source>
        <translation>Schwere ≥ </translation>
    </message>
    <message>
        <source>New risk…</source>
        <translation>Neues Risiko…</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Schwere</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Stufe</translation>
    </message>
    <message>
        <source>Risk</source>
        <translation>Risiko</translation>
    </message>
    <message>
        <source>Organization</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Agreement</source>
        <translation>Vertrag</translation>
    </message>
    <message>
        <source>Likelihood</source>
        <translation>Wahrscheinlichkeit</translation>
    </message>
    <message>
        <source>Impact</source>
        <translation>Auswirkung</translation>
    </message>
    <message>
        <source>Alternative</source>
        <translation>Alternative</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Verantwortlich</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Double-click a risk to change it</source>
        <translation>Doppelklicken Sie ein Risiko, um es zu ändern</translation>
    </message>
    <message>
        <source>Any organization</source>
        <translation>Jede Organisation</translation>
    </message>
    <message>
        <source>1 risk</source>
        <translation>1 Risiko</translation>
    </message>
    <message>
        <source>{n} risks</source>
        <translation>{n} Risiken</translation>
    </message>
</context>
<context>
    <name>SampleData</name>
    <message>
        <source>Try the &amp;sample data</source>
        <translation>Beispiel&amp;daten ausprobieren</translation>
    </message>
    <message>
        <source>Look around in made-up records, in a separate sample database; yours stays as it is</source>
        <translation>Sich in erfundenen Datensätzen umsehen, in einer eigenen Beispieldatenbank; Ihre bleibt, wie sie ist</translation>
    </message>
    <message>
        <source>&amp;Back to my data</source>
        <translation>&amp;Zurück zu meinen Daten</translation>
    </message>
    <message>
        <source>Sample data</source>
        <translation>Beispieldaten</translation>
    </message>
    <message>
        <source>Back to my data</source>
        <translation>Zurück zu meinen Daten</translation>
    </message>
    <message>
        <source>{app} — SAMPLE DATA (not your records) — {db}</source>
        <translation>{app} — BEISPIELDATEN (nicht Ihre Datensätze) — {db}</translation>
    </message>
    <message>
        <source>Close the sample and return to {db}</source>
        <translation>Das Beispiel schließen und zu {db} zurückkehren</translation>
    </message>
    <message>
        <source>You are looking at sample data, not your records. Your database ({db}) is unchanged.</source>
        <translation>Sie sehen Beispieldaten, nicht Ihre Datensätze. Ihre Datenbank ({db}) ist unverändert.</translation>
    </message>
</context>
<context>
    <name>ScoreChart</name>
    <message>
        <source>No reviews yet.</source>
        <translation>Noch keine Bewertungen.</translation>
    </message>
</context>
<context>
    <name>ScorecardPanel</name>
    <message>
        <source>Review scores over time (1 poor – 5 excellent)</source>
        <translation>Bewertungen im Zeitverlauf (1 schlecht – 5 ausgezeichnet)</translation>
    </message>
    <message>
        <source>over resolved cases</source>
        <translation>über gelöste Fälle</translation>
    </message>
    <message>
        <source>Support cases, last 12 months</source>
        <translation>Supportfälle, letzte 12 Monate</translation>
    </message>
    <message>
        <source>Met the SLA</source>
        <translation>SLA eingehalten</translation>
    </message>
    <message>
        <source>Median time to resolve</source>
        <translation>Mediane Lösungszeit</translation>
    </message>
    <message>
        <source>Open risks</source>
        <translation>Offene Risiken</translation>
    </message>
    <message>
        <source>Due diligence</source>
        <translation>Sorgfaltsprüfung</translation>
    </message>
    <message>
        <source>no case could be judged</source>
        <translation>kein Fall konnte beurteilt werden</translation>
    </message>
    <message>
        <source>no checks recorded</source>
        <translation>keine Prüfungen erfasst</translation>
    </message>
    <message>
        <source>since {day}, {open} open</source>
        <translation>seit {day}, {open} offen</translation>
    </message>
    <message>
        <source>1 issue</source>
        <translation>1 Befund</translation>
    </message>
    <message>
        <source>nothing failed or expired</source>
        <translation>nichts nicht bestanden oder abgelaufen</translation>
    </message>
    <message>
        <source>{met} of {judged} cases met it, {missed} missed</source>
        <translation>{met} von {judged} Fällen eingehalten, {missed} verfehlt</translation>
    </message>
    <message>
        <source>{h:.1f} h</source>
        <translation>{h:.1f} h</translation>
    </message>
    <message>
        <source> — alternative: {name}</source>
        <translation> — Alternative: {name}</translation>
    </message>
    <message>
        <source>{n} issues</source>
        <translation>{n} Befunde</translation>
    </message>
    <message>
        <source>Due diligence: {topic} {reason}{on}</source>
        <translation>Sorgfaltsprüfung: {topic} {reason}{on}</translation>
    </message>
    <message>
        <source>Risk {severity} ({level}): {text}</source>
        <translation>Risiko {severity} ({level}): {text}</translation>
    </message>
</context>
<context>
    <name>SearchPage</name>
    <message>
        <source>Items (serial numbers, asset tags)</source>
        <translation>Geräte (Seriennummern, Inventarnummern)</translation>
    </message>
    <message>
        <source>Agreements</source>
        <translation>Verträge</translation>
    </message>
    <message>
        <source>Purchases</source>
        <translation>Bestellungen</translation>
    </message>
    <message>
        <source>Organizations</source>
        <translation>Organisationen</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Ansprechpartner</translation>
    </message>
    <message>
        <source>Click a result to open it</source>
        <translation>Klicken Sie auf ein Ergebnis, um es zu öffnen</translation>
    </message>
    <message>
        <source>open end</source>
        <translation>offenes Ende</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Type at least two characters: a serial number, asset tag, contract number, PO, vendor or person.</source>
        <translation>Geben Sie mindestens zwei Zeichen ein: eine Seriennummer, Inventarnummer, Vertragsnummer, Bestellnummer, einen Lieferanten oder eine Person.</translation>
    </message>
    <message>
        <source>{contract} until {until} ({status})</source>
        <translation>{contract} bis {until} ({status})</translation>
    </message>
    <message>
        <source>call {who} {phone} — quote {quote}</source>
        <translation>{who} anrufen {phone} — {quote} angeben</translation>
    </message>
    <message>
        <source>(no contact recorded)</source>
        <translation>(kein Ansprechpartner erfasst)</translation>
    </message>
    <message>
        <source>Covered by &lt;b&gt;{contract}&lt;/b&gt; ({kind}{sla}) until &lt;b&gt;{until}&lt;/b&gt; — {status}</source>
        <translation>Abgedeckt durch &lt;b&gt;{contract}&lt;/b&gt; ({kind}{sla}) bis &lt;b&gt;{until}&lt;/b&gt; — {status}</translation>
    </message>
    <message>
        <source>Call first: &lt;b&gt;{who}&lt;/b&gt; &lt;span style=&apos;font-size:large&apos;&gt;&lt;b&gt;{phone}&lt;/b&gt;&lt;/span&gt;</source>
        <translation>Zuerst anrufen: &lt;b&gt;{who}&lt;/b&gt; &lt;span style=&apos;font-size:large&apos;&gt;&lt;b&gt;{phone}&lt;/b&gt;&lt;/span&gt;</translation>
    </message>
    <message>
        <source>Quote this ID: &lt;b&gt;{quote}&lt;/b&gt;</source>
        <translation>Diese Kennung angeben: &lt;b&gt;{quote}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>not covered by any agreement</source>
        <translation>durch keinen Vertrag abgedeckt</translation>
    </message>
    <message>
        <source>1 result for “{text}”</source>
        <translation>1 Ergebnis für „{text}“</translation>
    </message>
    <message>
        <source>{n} results for “{text}”</source>
        <translation>{n} Ergebnisse für „{text}“</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source> days</source>
        <translation> Tage</translation>
    </message>
    <message>
        <source>Days before a notice deadline (or an end date) when a reminder comes due</source>
        <translation>Tage vor einer Kündigungsfrist (oder einem Vertragsende), an denen eine Erinnerung fällig wird</translation>
    </message>
    <message>
        <source>Remind me when I sign in, even if ContractDesk is closed</source>
        <translation>Beim Anmelden erinnern, auch wenn ContractDesk geschlossen ist</translation>
    </message>
    <message>
        <source>The window&apos;s language, from the next start on</source>
        <translation>Die Sprache des Fensters, ab dem nächsten Start</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>Wie das System</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <source>default file in the data folder</source>
        <translation>Standarddatei im Datenordner</translation>
    </message>
    <message>
        <source>the data folder&apos;s backups/</source>
        <translation>backups/ im Datenordner</translation>
    </message>
    <message>
        <source>Database, server, language and appearance changes apply at the next start.</source>
        <translation>Änderungen an Datenbank, Server, Sprache und Darstellung gelten ab dem nächsten Start.</translation>
    </message>
    <message>
        <source>Reminder window</source>
        <translation>Erinnerungszeitraum</translation>
    </message>
    <message>
        <source>Reminder stages (days)</source>
        <translation>Erinnerungsstufen (Tage)</translation>
    </message>
    <message>
        <source>Default currency</source>
        <translation>Standardwährung</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>Numbers and dates</source>
        <translation>Zahlen und Daten</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>Darstellung</translation>
    </message>
    <message>
        <source>Database file</source>
        <translation>Datenbankdatei</translation>
    </message>
    <message>
        <source>Team server URL</source>
        <translation>URL des Teamservers</translation>
    </message>
    <message>
        <source>Backup folder</source>
        <translation>Sicherungsordner</translation>
    </message>
    <message>
        <source>Backups to keep</source>
        <translation>Aufzubewahrende Sicherungen</translation>
    </message>
    <message>
        <source>Shared with the team (kept in the database)</source>
        <translation>Mit dem Team geteilt (in der Datenbank gespeichert)</translation>
    </message>
    <message>
        <source> MB</source>
        <translation> MB</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>Our organization</source>
        <translation>Unsere Organisation</translation>
    </message>
    <message>
        <source>Our address</source>
        <translation>Unsere Anschrift</translation>
    </message>
    <message>
        <source>Letters signed by</source>
        <translation>Briefe unterzeichnet von</translation>
    </message>
    <message>
        <source>Letter language</source>
        <translation>Sprache der Briefe</translation>
    </message>
    <message>
        <source>Public holidays of (country)</source>
        <translation>Feiertage von (Land)</translation>
    </message>
    <message>
        <source>and region</source>
        <translation>und Region</translation>
    </message>
    <message>
        <source>Internal lead time</source>
        <translation>Interne Vorlaufzeit</translation>
    </message>
    <message>
        <source>Largest attachment</source>
        <translation>Größter Anhang</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>Systemvorgabe</translation>
    </message>
    <message>
        <source>ContractDesk database (*.sqlite3)</source>
        <translation>ContractDesk-Datenbank (*.sqlite3)</translation>
    </message>
    <message>
        <source>{code} is not an ISO 4217 currency code.</source>
        <translation>{code} ist kein Währungscode nach ISO 4217.</translation>
    </message>
    <message>
        <source>Reminder stages: {reason}.</source>
        <translation>Erinnerungsstufen: {reason}.</translation>
    </message>
</context>
<context>
    <name>SilencedDialog</name>
    <message>
        <source>Handled and snoozed reminders</source>
        <translation>Erledigte und zurückgestellte Erinnerungen</translation>
    </message>
    <message>
        <source>Reminders you marked handled (no more reminding of that stage) or snoozed. “Remind me again” puts one back on the start page.</source>
        <translation>Erinnerungen, die Sie als erledigt markiert (keine Erinnerung mehr an diese Stufe) oder zurückgestellt haben. „Wieder erinnern“ bringt eine zurück auf die Startseite.</translation>
    </message>
    <message>
        <source>No reminder is handled or snoozed.</source>
        <translation>Keine Erinnerung ist erledigt oder zurückgestellt.</translation>
    </message>
    <message>
        <source>Remind me again</source>
        <translation>Wieder erinnern</translation>
    </message>
    <message>
        <source>Contract</source>
        <translation>Vertrag</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Bezeichnung</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Frist</translation>
    </message>
    <message>
        <source>Reminder</source>
        <translation>Erinnerung</translation>
    </message>
    <message>
        <source>What was done</source>
        <translation>Was getan wurde</translation>
    </message>
    <message>
        <source>snoozed until {day}</source>
        <translation>zurückgestellt bis {day}</translation>
    </message>
    <message>
        <source>handled on {day}</source>
        <translation>erledigt am {day}</translation>
    </message>
    <message>
        <source>{n} days ahead</source>
        <translation>{n} Tage voraus</translation>
    </message>
</context>
<context>
    <name>SourcePage</name>
    <message>
        <source>File and sheet</source>
        <translation>Datei und Blatt</translation>
    </message>
    <message>
        <source>ContractDesk reads registers kept in Excel, LibreOffice or CSV, and its own xlsx and JSON exports.</source>
        <translation>ContractDesk liest Verzeichnisse aus Excel, LibreOffice oder CSV sowie seine eigenen xlsx- und JSON-Exporte.</translation>
    </message>
    <message>
        <source>Choose another file…</source>
        <translation>Andere Datei wählen…</translation>
    </message>
    <message>
        <source>Detect</source>
        <translation>Erkennen</translation>
    </message>
    <message>
        <source>The character set the file was saved in; change it when umlauts come out wrong</source>
        <translation>Der Zeichensatz, in dem die Datei gespeichert wurde; ändern Sie ihn, wenn Umlaute falsch erscheinen</translation>
    </message>
    <message>
        <source>The character between the columns</source>
        <translation>Das Zeichen zwischen den Spalten</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>Datei:</translation>
    </message>
    <message>
        <source>Sheet:</source>
        <translation>Blatt:</translation>
    </message>
    <message>
        <source>Text:</source>
        <translation>Text:</translation>
    </message>
    <message>
        <source>Found:</source>
        <translation>Gefunden:</translation>
    </message>
    <message>
        <source>Import records</source>
        <translation>Datensätze importieren</translation>
    </message>
    <message>
        <source>Some characters could not be read (shown as �): choose the encoding the file was saved in.</source>
        <translation>Einige Zeichen konnten nicht gelesen werden (als � angezeigt): Wählen Sie die Kodierung, in der die Datei gespeichert wurde.</translation>
    </message>
    <message>
        <source>The header row is {where}: {columns} columns, {matched} of them matched to fields; {rows} data rows below it.

Header row: {headers}</source>
        <translation>Die Kopfzeile ist {where}: {columns} Spalten, davon {matched} Feldern zugeordnet; {rows} Datenzeilen darunter.

Kopfzeile: {headers}</translation>
    </message>
    <message>
        <source>columns separated by</source>
        <translation>Spalten getrennt durch</translation>
    </message>
    <message>
        <source>A ContractDesk export is read whole, every sheet</source>
        <translation>Ein ContractDesk-Export wird ganz gelesen, mit allen Blättern</translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation>Wird gelesen…</translation>
    </message>
    <message>
        <source>A ContractDesk export: {records}; read with its own field names.</source>
        <translation>Ein ContractDesk-Export: {records}; mit seinen eigenen Feldnamen gelesen.</translation>
    </message>
    <message>
        <source>row {row} of sheet “{sheet}”</source>
        <translation>Zeile {row} im Blatt „{sheet}“</translation>
    </message>
    <message>
        <source>row {row}</source>
        <translation>Zeile {row}</translation>
    </message>
    <message>
        <source>This file has one sheet</source>
        <translation>Diese Datei hat ein Blatt</translation>
    </message>
    <message>
        <source>Detected: {found}</source>
        <translation>Erkannt: {found}</translation>
    </message>
</context>
<context>
    <name>StartPageWidget</name>
    <message>
        <source>What needs doing</source>
        <translation>Was zu tun ist</translation>
    </message>
    <message>
        <source>Notice deadline passed — act now</source>
        <translation>Kündigungsfrist verstrichen — jetzt handeln</translation>
    </message>
    <message>
        <source>Give notice by</source>
        <translation>Kündigung bis</translation>
    </message>
    <message>
        <source>Renewing or expiring</source>
        <translation>Verlängerung oder Vertragsende</translation>
    </message>
    <message>
        <source>Vendor reviews due</source>
        <translation>Fällige Lieferantenbewertungen</translation>
    </message>
    <message>
        <source>Click a row to open it</source>
        <translation>Klicken Sie auf eine Zeile, um sie zu öffnen</translation>
    </message>
    <message>
        <source>notice deadlines overdue</source>
        <translation>Kündigungsfristen überschritten</translation>
    </message>
    <message>
        <source>notices to give soon</source>
        <translation>bald fällige Kündigungen</translation>
    </message>
    <message>
        <source>renewals and expiries coming up</source>
        <translation>anstehende Verlängerungen und Vertragsenden</translation>
    </message>
    <message>
        <source>vendor reviews due</source>
        <translation>fällige Lieferantenbewertungen</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Contract / vendor</source>
        <translation>Vertrag / Lieferant</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <source>Welcome to ContractDesk: renewal notice deadlines, warranties and support contacts in one place.</source>
        <translation>Willkommen bei ContractDesk: Kündigungsfristen, Garantien und Support-Ansprechpartner an einem Ort.</translation>
    </message>
    <message>
        <source>1 day overdue</source>
        <translation>1 Tag überfällig</translation>
    </message>
    <message>
        <source>today</source>
        <translation>heute</translation>
    </message>
    <message>
        <source>tomorrow</source>
        <translation>morgen</translation>
    </message>
    <message>
        <source>As of {today}, looking {days} days ahead</source>
        <translation>Stand {today}, {days} Tage voraus</translation>
    </message>
    <message>
        <source>{n} days overdue</source>
        <translation>{n} Tage überfällig</translation>
    </message>
    <message>
        <source>{title}: nothing</source>
        <translation>{title}: nichts</translation>
    </message>
    <message>
        <source>in {n} days</source>
        <translation>in {n} Tagen</translation>
    </message>
</context>
<context>
    <name>SummaryPage</name>
    <message>
        <source>nothing</source>
        <translation>nichts</translation>
    </message>
    <message>
        <source>Import finished</source>
        <translation>Import abgeschlossen</translation>
    </message>
    <message>
        <source>Save skipped rows as CSV…</source>
        <translation>Übersprungene Zeilen als CSV speichern…</translation>
    </message>
    <message>
        <source>no rows</source>
        <translation>keine Zeilen</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>file</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Save skipped rows</source>
        <translation>Übersprungene Zeilen speichern</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Zeile</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>1 row, listed below</source>
        <translation>1 Zeile, unten aufgeführt</translation>
    </message>
    <message>
        <source>1, listed below</source>
        <translation>1, unten aufgeführt</translation>
    </message>
    <message>
        <source>&lt;p style=&apos;line-height: 140%&apos;&gt;&lt;b&gt;Created:&lt;/b&gt; {created}&lt;br&gt;&lt;b&gt;Updated:&lt;/b&gt; {updated}&lt;br&gt;&lt;b&gt;Skipped:&lt;/b&gt; {skipped}&lt;br&gt;&lt;b&gt;Warnings:&lt;/b&gt; {warnings}&lt;/p&gt;</source>
        <translation>&lt;p style=&apos;line-height: 140%&apos;&gt;&lt;b&gt;Angelegt:&lt;/b&gt; {created}&lt;br&gt;&lt;b&gt;Aktualisiert:&lt;/b&gt; {updated}&lt;br&gt;&lt;b&gt;Übersprungen:&lt;/b&gt; {skipped}&lt;br&gt;&lt;b&gt;Warnungen:&lt;/b&gt; {warnings}&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Cannot save the skipped rows</source>
        <translation>Die übersprungenen Zeilen können nicht gespeichert werden</translation>
    </message>
    <message>
        <source>{file}, sheet “{sheet}”: {rows} rows read.</source>
        <translation>{file}, Blatt „{sheet}“: {rows} Zeilen gelesen.</translation>
    </message>
    <message>
        <source>{file}: {rows} rows read.</source>
        <translation>{file}: {rows} Zeilen gelesen.</translation>
    </message>
    <message>
        <source>{n} rows, listed below</source>
        <translation>{n} Zeilen, unten aufgeführt</translation>
    </message>
    <message>
        <source>{n}, listed below</source>
        <translation>{n}, unten aufgeführt</translation>
    </message>
</context>
<context>
    <name>Task</name>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen…</translation>
    </message>
</context>
<context>
    <name>TermsTab</name>
    <message>
        <source>Double-click a term to open it</source>
        <translation>Doppelklicken Sie eine Laufzeit, um sie zu öffnen</translation>
    </message>
    <message>
        <source>the default stages from the settings</source>
        <translation>die Standardstufen aus den Einstellungen</translation>
    </message>
    <message>
        <source>Days before the notice deadline (or the end) when reminders come due, e.g. 120,60,14</source>
        <translation>Tage vor der Kündigungsfrist (oder dem Vertragsende), an denen Erinnerungen fällig werden, z. B. 120,60,14</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Übernehmen</translation>
    </message>
    <message>
        <source>first term</source>
        <translation>erste Laufzeit</translation>
    </message>
    <message>
        <source>Term</source>
        <translation>Laufzeit</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Beginn</translation>
    </message>
    <message>
        <source>End</source>
        <translation>Vertragsende</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Kosten</translation>
    </message>
    <message>
        <source>Change vs. term before</source>
        <translation>Änderung zur vorigen Laufzeit</translation>
    </message>
    <message>
        <source>How it began</source>
        <translation>Wie sie begann</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Reminder stages (days):</source>
        <translation>Erinnerungsstufen (Tage):</translation>
    </message>
    <message>
        <source>Set reminder lead times</source>
        <translation>Erinnerungsvorläufe festlegen</translation>
    </message>
    <message>
        <source>saved</source>
        <translation>gespeichert</translation>
    </message>
    <message>
        <source>back to the default</source>
        <translation>zurück zur Vorgabe</translation>
    </message>
    <message>
        <source>current</source>
        <translation>aktuell</translation>
    </message>
    <message>
        <source>rolled on at the same price</source>
        <translation>zum selben Preis fortgesetzt</translation>
    </message>
    <message>
        <source>notice given {date}</source>
        <translation>gekündigt am {date}</translation>
    </message>
    <message>
        <source>Notice sent on {date} to {to} by {how}</source>
        <translation>Kündigung versandt am {date} an {to} per {how}</translation>
    </message>
    <message>
        <source> (letter: {name})</source>
        <translation> (Brief: {name})</translation>
    </message>
</context>
<context>
    <name>VendorPage</name>
    <message>
        <source>Edit organization…</source>
        <translation>Organisation bearbeiten…</translation>
    </message>
    <message>
        <source>Print summary…</source>
        <translation>Übersicht drucken…</translation>
    </message>
    <message>
        <source>The vendor summary report is not available in this version yet</source>
        <translation>Der Bericht „Lieferantenübersicht“ ist in dieser Version noch nicht verfügbar</translation>
    </message>
    <message>
        <source>← Back</source>
        <translation>← Zurück</translation>
    </message>
    <message>
        <source>Back to where you opened this vendor from (Alt+Left)</source>
        <translation>Zurück dorthin, wo Sie diesen Lieferanten geöffnet haben (Alt+Links)</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>nicht gesetzt</translation>
    </message>
    <message>
        <source>through it</source>
        <translation>über ihn</translation>
    </message>
    <message>
        <source>its product</source>
        <translation>sein Produkt</translation>
    </message>
    <message>
        <source>no role</source>
        <translation>keine Rolle</translation>
    </message>
    <message>
        <source>status: {s}</source>
        <translation>Status: {s}</translation>
    </message>
    <message>
        <source>risk: {r}</source>
        <translation>Risiko: {r}</translation>
    </message>
    <message>
        <source>next review: {d}</source>
        <translation>nächste Prüfung: {d}</translation>
    </message>
    <message>
        <source>← Back to {page}</source>
        <translation>← Zurück zu {page}</translation>
    </message>
    <message>
        <source>our customer no. {n}</source>
        <translation>unsere Kundennr. {n}</translation>
    </message>
    <message>
        <source>{year} (committed)</source>
        <translation>{year} (gebunden)</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>Checking the database</source>
        <translation>Die Datenbank wird geprüft</translation>
    </message>
    <message>
        <source>Cannot open the database</source>
        <translation>Die Datenbank kann nicht geöffnet werden</translation>
    </message>
    <message>
        <source>The database is damaged</source>
        <translation>Die Datenbank ist beschädigt</translation>
    </message>
    <message>
        <source>{0} is damaged ({1}). Restore a backup (File → Restore, or &apos;contractdesk restore&apos;).</source>
        <translation>{0} ist beschädigt ({1}). Stellen Sie eine Sicherung wieder her (Datei → Wiederherstellen, oder &apos;contractdesk restore&apos;).</translation>
    </message>
</context>
<context>
    <name>crash</name>
    <message>
        <source>Something went wrong</source>
        <translation>Etwas ist schiefgegangen</translation>
    </message>
    <message>
        <source>ContractDesk</source>
        <translation>ContractDesk</translation>
    </message>
    <message>
        <source>ContractDesk hit an unexpected problem ({name}). Your saved data is safe; the last action may not have completed. The details are in {log}.</source>
        <translation>ContractDesk ist auf ein unerwartetes Problem gestoßen ({name}). Ihre gespeicherten Daten sind sicher; die letzte Aktion wurde möglicherweise nicht abgeschlossen. Die Einzelheiten stehen in {log}.</translation>
    </message>
</context>
<context>
    <name>governance</name>
    <message>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <source>Mitigated</source>
        <translation>Gemindert</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>Akzeptiert</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Geschlossen</translation>
    </message>
    <message>
        <source>Financial health</source>
        <translation>Finanzielle Stabilität</translation>
    </message>
    <message>
        <source>References</source>
        <translation>Referenzen</translation>
    </message>
    <message>
        <source>Insurance</source>
        <translation>Versicherung</translation>
    </message>
    <message>
        <source>Data security</source>
        <translation>Datensicherheit</translation>
    </message>
    <message>
        <source>Certifications</source>
        <translation>Zertifizierungen</translation>
    </message>
    <message>
        <source>Support capability</source>
        <translation>Supportfähigkeit</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Concern</source>
        <translation>Bedenken</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Nicht bestanden</translation>
    </message>
    <message>
        <source>Not checked</source>
        <translation>Nicht geprüft</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Abgelaufen</translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation>Lieferung</translation>
    </message>
    <message>
        <source>Support quality</source>
        <translation>Supportqualität</translation>
    </message>
    <message>
        <source>Responsiveness</source>
        <translation>Reaktionsfähigkeit</translation>
    </message>
    <message>
        <source>Pricing</source>
        <translation>Preisgestaltung</translation>
    </message>
    <message>
        <source>SLA adherence</source>
        <translation>SLA-Einhaltung</translation>
    </message>
</context>
<context>
    <name>import</name>
    <message>
        <source>Serial numbers</source>
        <translation>Seriennummern</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>Warranty months</source>
        <translation>Garantiemonate</translation>
    </message>
    <message>
        <source>Account manager</source>
        <translation>Kundenbetreuer</translation>
    </message>
    <message>
        <source>Account manager e-mail</source>
        <translation>E-Mail des Kundenbetreuers</translation>
    </message>
    <message>
        <source>Account manager phone</source>
        <translation>Telefon des Kundenbetreuers</translation>
    </message>
    <message>
        <source>Support phone</source>
        <translation>Support-Telefon</translation>
    </message>
    <message>
        <source>Support e-mail</source>
        <translation>Support-E-Mail</translation>
    </message>
    <message>
        <source>Agreement</source>
        <translation>Vertrag</translation>
    </message>
    <message>
        <source>Purchase</source>
        <translation>Bestellung</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Gerät</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Ansprechpartner</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>Read as {field}</source>
        <translation>Gelesen als {field}</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Zeile</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>Warning: {text}</source>
        <translation>Warnung: {text}</translation>
    </message>
</context>
<context>
    <name>labels</name>
    <message>
        <source>Contract number</source>
        <translation>Vertragsnummer</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Bezeichnung</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>OEM</source>
        <translation>Hersteller</translation>
    </message>
    <message>
        <source>Reseller</source>
        <translation>Händler</translation>
    </message>
    <message>
        <source>Purchase (PO)</source>
        <translation>Bestellung (PO)</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Beginn</translation>
    </message>
    <message>
        <source>End</source>
        <translation>Vertragsende</translation>
    </message>
    <message>
        <source>Renews automatically</source>
        <translation>Automatische Verlängerung</translation>
    </message>
    <message>
        <source>Renewal term</source>
        <translation>Verlängerungslaufzeit</translation>
    </message>
    <message>
        <source>Notice period</source>
        <translation>Kündigungsfrist</translation>
    </message>
    <message>
        <source>Notice deadline</source>
        <translation>Kündigung bis</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Kosten</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Währung</translation>
    </message>
    <message>
        <source>Billing</source>
        <translation>Abrechnung</translation>
    </message>
    <message>
        <source>SLA</source>
        <translation>SLA</translation>
    </message>
    <message>
        <source>Call first</source>
        <translation>Zuerst anrufen</translation>
    </message>
    <message>
        <source>Support contact</source>
        <translation>Support-Ansprechpartner</translation>
    </message>
    <message>
        <source>ID to quote (OEM reference)</source>
        <translation>Anzugebende Kennung (Herstellerreferenz)</translation>
    </message>
    <message>
        <source>Renews agreement</source>
        <translation>Verlängert Vertrag</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Gekündigt</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <source>Covered items</source>
        <translation>Abgedeckte Geräte</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>PO number</source>
        <translation>Bestellnummer</translation>
    </message>
    <message>
        <source>Order date</source>
        <translation>Bestelldatum</translation>
    </message>
    <message>
        <source>Invoice</source>
        <translation>Rechnung</translation>
    </message>
    <message>
        <source>Quote</source>
        <translation>Angebot</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Summe</translation>
    </message>
    <message>
        <source>Cost centre</source>
        <translation>Kostenstelle</translation>
    </message>
    <message>
        <source>Serial number</source>
        <translation>Seriennummer</translation>
    </message>
    <message>
        <source>Asset tag</source>
        <translation>Inventarnummer</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>Part number</source>
        <translation>Artikelnummer</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>Menge</translation>
    </message>
    <message>
        <source>Unit price</source>
        <translation>Stückpreis</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Standort</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>Rollen</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>Website</translation>
    </message>
    <message>
        <source>Customer number</source>
        <translation>Kundennummer</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Anschrift</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Land</translation>
    </message>
    <message>
        <source>Payment terms</source>
        <translation>Zahlungsbedingungen</translation>
    </message>
    <message>
        <source>Risk</source>
        <translation>Risiko</translation>
    </message>
    <message>
        <source>Next review</source>
        <translation>Nächste Prüfung</translation>
    </message>
    <message>
        <source>Organization</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>Support hours</source>
        <translation>Supportzeiten</translation>
    </message>
    <message>
        <source>Portal</source>
        <translation>Portal</translation>
    </message>
    <message>
        <source>First term</source>
        <translation>Erste Laufzeit</translation>
    </message>
    <message>
        <source>Open-ended (runs until notice)</source>
        <translation>Unbefristet (läuft bis zur Kündigung)</translation>
    </message>
    <message>
        <source>Notice counts back from</source>
        <translation>Kündigungsfrist rechnet zurück ab</translation>
    </message>
    <message>
        <source>Notice form</source>
        <translation>Form der Kündigung</translation>
    </message>
    <message>
        <source>Internal lead time (days)</source>
        <translation>Interne Vorlaufzeit (Tage)</translation>
    </message>
    <message>
        <source>Clause (wording)</source>
        <translation>Klausel (Wortlaut)</translation>
    </message>
    <message>
        <source>Upcoming</source>
        <translation>Bevorstehend</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Notice due</source>
        <translation>Kündigung fällig</translation>
    </message>
    <message>
        <source>Expiring</source>
        <translation>Läuft aus</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Abgelaufen</translation>
    </message>
    <message>
        <source>Renewed</source>
        <translation>Verlängert</translation>
    </message>
    <message>
        <source>Signed</source>
        <translation>Unterzeichnet</translation>
    </message>
    <message>
        <source>Auto-renewed</source>
        <translation>Automatisch verlängert</translation>
    </message>
    <message>
        <source>Warranty</source>
        <translation>Garantie</translation>
    </message>
    <message>
        <source>Maintenance</source>
        <translation>Wartung</translation>
    </message>
    <message>
        <source>Software support</source>
        <translation>Softwarepflege</translation>
    </message>
    <message>
        <source>Subscription</source>
        <translation>Abonnement</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>Lizenz</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Dienstleistung</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Sonstiges</translation>
    </message>
    <message>
        <source>Distributor</source>
        <translation>Distributor</translation>
    </message>
    <message>
        <source>Service provider</source>
        <translation>Dienstleister</translation>
    </message>
    <message>
        <source>Not reviewed</source>
        <translation>Nicht geprüft</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Freigegeben</translation>
    </message>
    <message>
        <source>Under review</source>
        <translation>In Prüfung</translation>
    </message>
    <message>
        <source>On watch</source>
        <translation>Unter Beobachtung</translation>
    </message>
    <message>
        <source>Blocked</source>
        <translation>Gesperrt</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Niedrig</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>Mittel</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Hoch</translation>
    </message>
    <message>
        <source>Account manager</source>
        <translation>Kundenbetreuer</translation>
    </message>
    <message>
        <source>Support</source>
        <translation>Support</translation>
    </message>
    <message>
        <source>Escalation</source>
        <translation>Eskalation</translation>
    </message>
    <message>
        <source>One-off</source>
        <translation>Einmalig</translation>
    </message>
    <message>
        <source>Monthly</source>
        <translation>Monatlich</translation>
    </message>
    <message>
        <source>Quarterly</source>
        <translation>Vierteljährlich</translation>
    </message>
    <message>
        <source>Annual</source>
        <translation>Jährlich</translation>
    </message>
    <message>
        <source>Whole term</source>
        <translation>Gesamte Laufzeit</translation>
    </message>
    <message>
        <source>Give notice</source>
        <translation>Kündigen</translation>
    </message>
    <message>
        <source>Can end</source>
        <translation>Kann enden</translation>
    </message>
    <message>
        <source>Renews</source>
        <translation>Verlängert sich</translation>
    </message>
    <message>
        <source>Ends: renew or replace</source>
        <translation>Endet: verlängern oder ersetzen</translation>
    </message>
    <message>
        <source>Review due</source>
        <translation>Prüfung fällig</translation>
    </message>
    <message>
        <source>End of the term</source>
        <translation>Ende der Laufzeit</translation>
    </message>
    <message>
        <source>End of a month</source>
        <translation>Monatsende</translation>
    </message>
    <message>
        <source>End of a quarter</source>
        <translation>Quartalsende</translation>
    </message>
    <message>
        <source>End of a half-year</source>
        <translation>Halbjahresende</translation>
    </message>
    <message>
        <source>End of a year</source>
        <translation>Jahresende</translation>
    </message>
    <message>
        <source>Written (signed letter)</source>
        <translation>Schriftform (unterschriebener Brief)</translation>
    </message>
    <message>
        <source>Text form (e-mail)</source>
        <translation>Textform (E-Mail)</translation>
    </message>
    <message>
        <source>Vendor portal</source>
        <translation>Herstellerportal</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
</context>
<context>
    <name>menus</name>
    <message>
        <source>The vendor summary as a PDF</source>
        <translation>Die Lieferantenübersicht als PDF</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>&amp;Neu</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>&amp;Importieren…</translation>
    </message>
    <message>
        <source>Import a register (xlsx, xls, ods, csv) or a ContractDesk export; you can also drop the file on the window</source>
        <translation>Ein Verzeichnis (xlsx, xls, ods, csv) oder einen ContractDesk-Export importieren; Sie können die Datei auch auf das Fenster ziehen</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Exportieren</translation>
    </message>
    <message>
        <source>&amp;Everything…</source>
        <translation>&amp;Alles…</translation>
    </message>
    <message>
        <source>Every record to xlsx or JSON (csv: agreements)</source>
        <translation>Alle Datensätze als xlsx oder JSON (csv: Verträge)</translation>
    </message>
    <message>
        <source>This &amp;list…</source>
        <translation>Diese &amp;Liste…</translation>
    </message>
    <message>
        <source>The list on screen, as filtered, to xlsx or csv</source>
        <translation>Die angezeigte Liste, wie gefiltert, als xlsx oder csv</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>Ein&amp;stellungen…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>&amp;Suchen…</translation>
    </message>
    <message>
        <source>Search serials, contracts, POs, vendors and people</source>
        <translation>Seriennummern, Verträge, Bestellungen, Lieferanten und Personen suchen</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;What needs doing</source>
        <translation>&amp;Was zu tun ist</translation>
    </message>
    <message>
        <source>&amp;Agreements</source>
        <translation>&amp;Verträge</translation>
    </message>
    <message>
        <source>&amp;Purchases</source>
        <translation>B&amp;estellungen</translation>
    </message>
    <message>
        <source>&amp;Items</source>
        <translation>&amp;Geräte</translation>
    </message>
    <message>
        <source>&amp;Organizations</source>
        <translation>&amp;Organisationen</translation>
    </message>
    <message>
        <source>&amp;Contacts</source>
        <translation>A&amp;nsprechpartner</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>A&amp;ktualisieren</translation>
    </message>
    <message>
        <source>&amp;Records</source>
        <translation>Daten&amp;sätze</translation>
    </message>
    <message>
        <source>&amp;Open selected</source>
        <translation>Auswahl ö&amp;ffnen</translation>
    </message>
    <message>
        <source>Open the selected record (organizations open in the vendor view)</source>
        <translation>Den ausgewählten Datensatz öffnen (Organisationen öffnen sich in der Lieferantenansicht)</translation>
    </message>
    <message>
        <source>&amp;Edit selected…</source>
        <translation>Auswahl &amp;bearbeiten…</translation>
    </message>
    <message>
        <source>&amp;Delete selected…</source>
        <translation>Auswahl &amp;löschen…</translation>
    </message>
    <message>
        <source>Re&amp;ports</source>
        <translation>Be&amp;richte</translation>
    </message>
    <message>
        <source>&amp;Renewals report…</source>
        <translation>&amp;Verlängerungsbericht…</translation>
    </message>
    <message>
        <source>What needs notice, renews or ends within the reminder window</source>
        <translation>Was im Erinnerungszeitraum gekündigt werden muss, sich verlängert oder endet</translation>
    </message>
    <message>
        <source>&amp;Vendor summary…</source>
        <translation>&amp;Lieferantenübersicht…</translation>
    </message>
    <message>
        <source>The organization on screen, or one you pick</source>
        <translation>Die angezeigte Organisation oder eine, die Sie wählen</translation>
    </message>
    <message>
        <source>&amp;Support card…</source>
        <translation>&amp;Supportkarte…</translation>
    </message>
    <message>
        <source>Who to call for the selected agreement or item, or for all</source>
        <translation>Wen man für den ausgewählten Vertrag oder das Gerät anruft, oder für alle</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;Drucken…</translation>
    </message>
    <message>
        <source>The report for what is on screen</source>
        <translation>Der Bericht zu dem, was angezeigt wird</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About ContractDesk</source>
        <translation>&amp;Über ContractDesk</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <source>&amp;Agreement…</source>
        <translation>&amp;Vertrag…</translation>
    </message>
    <message>
        <source>&amp;Purchase…</source>
        <translation>&amp;Bestellung…</translation>
    </message>
    <message>
        <source>&amp;Item…</source>
        <translation>&amp;Gerät…</translation>
    </message>
    <message>
        <source>&amp;Organization…</source>
        <translation>&amp;Organisation…</translation>
    </message>
    <message>
        <source>&amp;Contact…</source>
        <translation>&amp;Ansprechpartner…</translation>
    </message>
</context>
<context>
    <name>undo</name>
    <message>
        <source>Redo</source>
        <translation>Wiederholen</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
</context>
<context>
    <name>workflow</name>
    <message>
        <source>today</source>
        <translation>heute</translation>
    </message>
    <message>
        <source>tomorrow</source>
        <translation>morgen</translation>
    </message>
    <message>
        <source>no comparable previous price</source>
        <translation>kein vergleichbarer Vorpreis</translation>
    </message>
    <message>
        <source>no change</source>
        <translation>keine Änderung</translation>
    </message>
    <message>
        <source>1 day overdue</source>
        <translation>1 Tag überfällig</translation>
    </message>
    <message>
        <source>Snooze reminder</source>
        <translation>Erinnerung zurückstellen</translation>
    </message>
    <message>
        <source>in {n} days</source>
        <translation>in {n} Tagen</translation>
    </message>
    <message>
        <source>Give notice by</source>
        <translation>Kündigung bis</translation>
    </message>
    <message>
        <source>Can end; notice by</source>
        <translation>Kann enden; Kündigung bis</translation>
    </message>
    <message>
        <source>Renews on</source>
        <translation>Verlängert sich am</translation>
    </message>
    <message>
        <source>Ends on (renew or replace before then)</source>
        <translation>Endet am (vorher verlängern oder ersetzen)</translation>
    </message>
    <message>
        <source>{n} days overdue</source>
        <translation>{n} Tage überfällig</translation>
    </message>
    <message>
        <source>Remind me about {name} again on:</source>
        <translation>Wieder an {name} erinnern am:</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>PDF document</source>
        <translation>PDF-Dokument</translation>
    </message>
    <message>
        <source>Spreadsheet</source>
        <translation>Tabelle</translation>
    </message>
    <message>
        <source>Word document</source>
        <translation>Word-Dokument</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>Bild</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>Archive</source>
        <translation>Archiv</translation>
    </message>
    <message>
        <source>{n} bytes</source>
        <translation>{n} Bytes</translation>
    </message>
    <message>
        <source>{suffix} file</source>
        <translation>{suffix}-Datei</translation>
    </message>
    <message>
        <source>Auto-renewed {n}×, current term {start} – {end}</source>
        <translation>Automatisch verlängert {n}×, aktuelle Laufzeit {start} – {end}</translation>
    </message>
</context>
</TS>
