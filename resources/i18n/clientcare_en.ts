<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../ui/dialogs/help.py" line="161"/>
        <source>About ClientCare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/help.py" line="162"/>
        <source>&lt;h2&gt;ClientCare&lt;/h2&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/help.py" line="165"/>
        <source>A client-care manager for small practices: clients, appointments, session notes, money and referrals, with the practice&apos;s service principles in front of you when they matter. Everything is kept in one database on this computer (or your practice&apos;s server).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/help.py" line="189"/>
        <source>Open data &amp;folder</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AddChargeDialog</name>
    <message>
        <location filename="../../ui/dialogs/money.py" line="234"/>
        <source>Add a charge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/money.py" line="237"/>
        <source>e.g. Letter for the GP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/money.py" line="239"/>
        <source>e.g. 45.00</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/money.py" line="242"/>
        <source>&amp;What for *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/money.py" line="243"/>
        <source>&amp;Amount *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/money.py" line="244"/>
        <source>&amp;Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/money.py" line="248"/>
        <source>Sessions, late cancellations and missed sessions are charged from the appointment; use this for anything else.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AdherenceChart</name>
    <message>
        <location filename="../../ui/widgets/adherence_chart.py" line="37"/>
        <source>Adherence to the service principles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/adherence_chart.py" line="66"/>
        <source>Nothing to show yet: adherence appears once contacts are finalised.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/adherence_chart.py" line="74"/>
        <source>not yet applied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/adherence_chart.py" line="77"/>
        <source>not applicable ({n})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/adherence_chart.py" line="78"/>
        <source>{percent} ({done} of {counted})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/adherence_chart.py" line="89"/>
        <source>Done when it applied, per principle (final contacts)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/adherence_chart.py" line="92"/>
        <source>Done, all principles, by month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/adherence_chart.py" line="125"/>
        <source>By month: {months}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AdjustmentDialog</name>
    <message>
        <location filename="../../ui/dialogs/money.py" line="354"/>
        <source>Adjust the balance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/money.py" line="357"/>
        <source>e.g. 15.00 or -15.00</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/money.py" line="360"/>
        <source>e.g. Charged the standard fee by mistake</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/money.py" line="364"/>
        <source>&amp;Amount *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/money.py" line="367"/>
        <source>A positive amount takes that much off the balance; a negative amount (with a minus sign, e.g. -15.00) adds it to the balance.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/money.py" line="371"/>
        <source>&amp;Reason *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/money.py" line="372"/>
        <source>&amp;Date</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AgeingChart</name>
    <message>
        <location filename="../../ui/widgets/ageing_chart.py" line="43"/>
        <source>Outstanding by age</source>
        <extracomment>Denser with age: the buckets differ without colour.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/ageing_chart.py" line="62"/>
        <source>Nothing outstanding.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AppointmentDialog</name>
    <message>
        <location filename="../../ui/dialogs/appointment.py" line="139"/>
        <source>Appointment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/appointment.py" line="139"/>
        <source>New appointment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/appointment.py" line="156"/>
        <source>Start typing a name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/appointment.py" line="168"/>
        <source>(not set)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/appointment.py" line="177"/>
        <source>What is offered; its fee is charged unless the client has their own fee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/appointment.py" line="184"/>
        <source> min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/appointment.py" line="189"/>
        <source>Room, address or video link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/appointment.py" line="196"/>
        <source>Does not repeat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/appointment.py" line="197"/>
        <source>Weekly</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/appointment.py" line="198"/>
        <source>Every 2 weeks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/appointment.py" line="199"/>
        <source>Every 3 weeks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/appointment.py" line="200"/>
        <source>Every 4 weeks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/appointment.py" line="202"/>
        <source>Monthly, same weekday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/appointment.py" line="207"/>
        <source> times</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/appointment.py" line="212"/>
        <source>for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/appointment.py" line="214"/>
        <source>or until</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/appointment.py" line="226"/>
        <source>&amp;Client *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/appointment.py" line="227"/>
        <source>&amp;Practitioner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/appointment.py" line="228"/>
        <source>Se&amp;rvice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/appointment.py" line="229"/>
        <source>&amp;Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/appointment.py" line="230"/>
        <source>&amp;Duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/appointment.py" line="231"/>
        <source>&amp;Mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/appointment.py" line="232"/>
        <source>&amp;Location</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/appointment.py" line="233"/>
        <source>&amp;Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/appointment.py" line="234"/>
        <source>&amp;Repeat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/appointment.py" line="249"/>
        <source>Book anyway (double-booking)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/appointment.py" line="262"/>
        <source>&amp;Reload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/appointment.py" line="265"/>
        <source>Show the appointment as now stored (what you typed here is discarded)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/appointment.py" line="277"/>
        <source>Arrived</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/appointment.py" line="279"/>
        <source>Completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/appointment.py" line="281"/>
        <source>No-show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/appointment.py" line="283"/>
        <source>Write up…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/appointment.py" line="286"/>
        <source>Notes, the client&apos;s own words and the service principles for this session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/appointment.py" line="289"/>
        <source>Reschedule…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/appointment.py" line="292"/>
        <source>Book a new time and keep this one, marked rescheduled, linked to it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/appointment.py" line="294"/>
        <source>Cancel appointment…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/appointment.py" line="342"/>
        <source>Status: {status}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/appointment.py" line="348"/>
        <source>part of a repeating series</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/appointment.py" line="386"/>
        <source>Your text is still in the form: copy what you need, then Reload.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/appointment.py" line="460"/>
        <source>Reschedule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/appointment.py" line="471"/>
        <source>New time for {name}:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/appointment.py" line="522"/>
        <source>Cancel {name}&apos;s appointment on {day} at {time}?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/appointment.py" line="645"/>
        <source>Change a repeating appointment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/appointment.py" line="646"/>
        <source>This appointment is part of a series. Change which ones?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/appointment.py" line="648"/>
        <source>Only this one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/appointment.py" line="651"/>
        <source>This and following</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/appointment.py" line="654"/>
        <source>All in the series</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/appointment.py" line="677"/>
        <source>No client called “{name}” can be booked. Choose a name from the list, or add the client on the Clients screen first.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ArrivalDialog</name>
    <message>
        <location filename="../../ui/dialogs/arrival.py" line="66"/>
        <source>{name} has arrived</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/arrival.py" line="72"/>
        <source>Booked for {start}–{end} with {practitioner}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/arrival.py" line="83"/>
        <source>Arrival time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/arrival.py" line="87"/>
        <source>&amp;Arrived at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/arrival.py" line="92"/>
        <source>&amp;Record arrival</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/arrival.py" line="131"/>
        <source>Optional: anything about their circumstances worth remembering</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/arrival.py" line="133"/>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/arrival.py" line="135"/>
        <source>&amp;Note (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/arrival.py" line="137"/>
        <source>Kept with this arrival, together with the choice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/arrival.py" line="144"/>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/arrival.py" line="148"/>
        <source>Decide &amp;later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/arrival.py" line="151"/>
        <source>The arrival is already recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/arrival.py" line="212"/>
        <source>Keep the end time: {minutes} minutes together, until {end}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/arrival.py" line="216"/>
        <source>Find another time that works better</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/arrival.py" line="217"/>
        <source>Go ahead as booked: the full {minutes} minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/arrival.py" line="226"/>
        <source>{name} arrived {minutes} minutes after the start. That happens; choose what suits you both:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/arrival.py" line="250"/>
        <source>Please choose one of the options.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AuditLogTab</name>
    <message>
        <location filename="../../ui/screens/audit_log.py" line="117"/>
        <source>Who created, changed, viewed, printed or exported which record, and when. Only the names of the fields are kept, never what the notes say.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/audit_log.py" line="127"/>
        <source>Changes from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/audit_log.py" line="128"/>
        <source>Changes to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/audit_log.py" line="135"/>
        <source>Kind of record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/audit_log.py" line="139"/>
        <source>Search the audit log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/audit_log.py" line="140"/>
        <source>Search user, client, action, field…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/audit_log.py" line="143"/>
        <source>Export CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/audit_log.py" line="147"/>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/audit_log.py" line="149"/>
        <source>to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/audit_log.py" line="205"/>
        <source>All records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/audit_log.py" line="232"/>
        <source>{n} entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/audit_log.py" line="245"/>
        <source>No entry from {first} to {last} matches {what}.

Clear the search, choose “All records”, or widen the dates.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/audit_log.py" line="249"/>
        <source>Nothing was recorded from {first} to {last}.

Entries appear here as records are created, changed, viewed, printed or exported. Choose an earlier “From” date to look further back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/audit_log.py" line="266"/>
        <source>Export the audit log to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/audit_log.py" line="277"/>
        <source>Export failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/audit_log.py" line="278"/>
        <source>The file could not be written: {error}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BalanceTableModel</name>
    <message>
        <location filename="../../ui/models/money.py" line="93"/>
        <source>Charged today</source>
        <extracomment>Role holding the client id of a row. Role holding the value sorted by (numbers for amounts, folded text for words). Client id → full name, so two clients called &quot;Mateo&quot; can be told apart. Short headers leave room for the next step; the tooltip names the bucket in full.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/models/money.py" line="95"/>
        <source>Charged {bucket} ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/models/money.py" line="103"/>
        <source>Credit {amount}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BatchExportDialog</name>
    <message>
        <location filename="../../ui/dialogs/batch_export.py" line="173"/>
        <source>Export summaries to PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/batch_export.py" line="183"/>
        <source>All clients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/batch_export.py" line="190"/>
        <source>Only {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/batch_export.py" line="197"/>
        <source>Their whole history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/batch_export.py" line="209"/>
        <source>to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/batch_export.py" line="214"/>
        <source>For the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/batch_export.py" line="216"/>
        <source>For the client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/batch_export.py" line="221"/>
        <source>with their account balance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/batch_export.py" line="230"/>
        <source>Include unfinished drafts (marked as drafts)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/batch_export.py" line="233"/>
        <source>One PDF per summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/batch_export.py" line="236"/>
        <source>One combined PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/batch_export.py" line="248"/>
        <source>Choose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/batch_export.py" line="255"/>
        <source>Whose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/batch_export.py" line="256"/>
        <source>Period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/batch_export.py" line="257"/>
        <source>Summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/batch_export.py" line="259"/>
        <source>Files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/batch_export.py" line="260"/>
        <source>Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/batch_export.py" line="269"/>
        <source>&amp;Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/batch_export.py" line="272"/>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/batch_export.py" line="300"/>
        <source>Export the summaries to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/batch_export.py" line="354"/>
        <source>1 summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/batch_export.py" line="354"/>
        <source>{n} summaries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/batch_export.py" line="358"/>
        <source>choose which summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/batch_export.py" line="372"/>
        <location filename="../../ui/dialogs/batch_export.py" line="378"/>
        <source>Choose another folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/batch_export.py" line="373"/>
        <source>The folder {folder} does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/batch_export.py" line="380"/>
        <source>ClientCare cannot write to the folder {folder}. Choose a folder of your own, such as Documents.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/batch_export.py" line="421"/>
        <source>Exporting summaries…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/batch_export.py" line="421"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/batch_export.py" line="424"/>
        <source>Exporting summaries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/batch_export.py" line="435"/>
        <source>Exporting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/batch_export.py" line="447"/>
        <source>Cancelling after the file being written…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/batch_export.py" line="459"/>
        <source>Writing {name} ({done} of {total})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/batch_export.py" line="484"/>
        <source>The export did not finish</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/batch_export.py" line="492"/>
        <source>Cancelled. {files} of {total} files were written to {folder}; nothing was left half-written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/batch_export.py" line="498"/>
        <source>1 page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/batch_export.py" line="498"/>
        <source>{n} pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/batch_export.py" line="501"/>
        <source>✓ Saved {name} ({pages}) in {folder}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/batch_export.py" line="504"/>
        <source>✓ Saved {files} PDFs ({pages}) in {folder}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CalendarScreen</name>
    <message>
        <location filename="../../ui/screens/calendar.py" line="52"/>
        <source>{name}, {day} {when}, {mode}, {status}, with {practitioner}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/calendar.py" line="82"/>
        <source>Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/calendar.py" line="86"/>
        <location filename="../../ui/screens/calendar.py" line="87"/>
        <source>Previous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/calendar.py" line="90"/>
        <location filename="../../ui/screens/calendar.py" line="91"/>
        <source>Next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/calendar.py" line="99"/>
        <source>Day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/calendar.py" line="100"/>
        <source>Week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/calendar.py" line="101"/>
        <source>Month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/calendar.py" line="112"/>
        <source>Show the calendar of</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/calendar.py" line="113"/>
        <source>New appointment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/calendar.py" line="115"/>
        <source>Book an appointment (Ctrl+N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/calendar.py" line="116"/>
        <source>I&apos;m running late…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/calendar.py" line="119"/>
        <source>Tell the client of your next appointment today (Ctrl+L)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/calendar.py" line="144"/>
        <source>Double-click an empty slot to book, double-click an appointment to open it, drag it to move it. ←/→ move between days.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/calendar.py" line="192"/>
        <source>All practitioners</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/calendar.py" line="268"/>
        <source>Busy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/calendar.py" line="270"/>
        <source>{title}, busy {when}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/calendar.py" line="312"/>
        <source>Appointments are booked with a practitioner, and none is set up yet.
You will be the first, and “you” on this computer. Co-workers are added,
and who is “you” is changed, in Settings → Practitioners.

What is your name, as clients see it?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/calendar.py" line="319"/>
        <source>Who are you?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/calendar.py" line="386"/>
        <location filename="../../ui/screens/calendar.py" line="397"/>
        <source>Running late</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/calendar.py" line="398"/>
        <source>There is no appointment left today to be late for.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/calendar.py" line="406"/>
        <source>ClientCare does not know which practitioner you are on this computer, so it cannot tell whose clients to let know.

Choose your name in the list beside “New appointment”, or mark yourself with “This is me” in Settings → Practitioners.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/calendar.py" line="418"/>
        <source>Move a repeating appointment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/calendar.py" line="419"/>
        <source>This appointment is part of a series. Move which ones?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/calendar.py" line="422"/>
        <source>Only this one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/calendar.py" line="425"/>
        <source>This and following</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/calendar.py" line="428"/>
        <source>All in the series</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/calendar.py" line="446"/>
        <source>Move {name}&apos;s appointment from {old} to {new}?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/calendar.py" line="451"/>
        <source>Move appointment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/calendar.py" line="504"/>
        <source>Book it anyway?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/calendar.py" line="505"/>
        <source>Double-booking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/calendar.py" line="513"/>
        <source>The appointment was not moved</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CancelDialog</name>
    <message>
        <location filename="../../ui/dialogs/cancel.py" line="44"/>
        <location filename="../../ui/dialogs/cancel.py" line="84"/>
        <source>Cancel appointment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/cancel.py" line="48"/>
        <source>The client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/cancel.py" line="50"/>
        <source>The practice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/cancel.py" line="59"/>
        <source>e.g. unwell, travelling, clash at work</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/cancel.py" line="60"/>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/cancel.py" line="66"/>
        <source>Only this one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/cancel.py" line="67"/>
        <source>This and all following</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/cancel.py" line="68"/>
        <source>All upcoming in the series</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/cancel.py" line="77"/>
        <source>Cancelled by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/cancel.py" line="78"/>
        <source>&amp;Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/cancel.py" line="80"/>
        <source>Which</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/cancel.py" line="87"/>
        <source>Keep it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/cancel.py" line="104"/>
        <source>Circumstance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/cancel.py" line="126"/>
        <source>None of these</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/cancel.py" line="128"/>
        <source>Circ&amp;umstance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/cancel.py" line="144"/>
        <source>{circumstance} is exempt: the fee will be recorded as waived.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/cancel.py" line="151"/>
        <source>A late-cancellation fee of {fee} applies under the practice&apos;s policy; a grace rule may forgive it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CareListPanel</name>
    <message>
        <location filename="../../ui/widgets/care_list.py" line="56"/>
        <location filename="../../ui/widgets/care_list.py" line="70"/>
        <source>Needs care</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/care_list.py" line="72"/>
        <source>Client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/care_list.py" line="72"/>
        <source>What</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/care_list.py" line="72"/>
        <source>Since</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/care_list.py" line="84"/>
        <source>Nothing needs care today.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/care_list.py" line="88"/>
        <source>Open issues, expectations to review, check-ins due, referral follow-ups and money conversations to follow up appear here on the day they need you.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/care_list.py" line="105"/>
        <source>Open client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/care_list.py" line="151"/>
        <source>{group} ({n})</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChargeDialog</name>
    <message>
        <location filename="../../ui/dialogs/charge_confirm.py" line="44"/>
        <location filename="../../ui/dialogs/charge_confirm.py" line="103"/>
        <location filename="../../ui/dialogs/charge_confirm.py" line="128"/>
        <source>Charge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/charge_confirm.py" line="55"/>
        <source>{client}: {what}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/charge_confirm.py" line="65"/>
        <source>Where the amount comes from: {source}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/charge_confirm.py" line="71"/>
        <source>Amount to charge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/charge_confirm.py" line="75"/>
        <source>No fee is set: type the amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/charge_confirm.py" line="79"/>
        <source>Circumstance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/charge_confirm.py" line="80"/>
        <source>None in particular</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/charge_confirm.py" line="90"/>
        <source>&amp;Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/charge_confirm.py" line="94"/>
        <source>&amp;Circumstance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/charge_confirm.py" line="121"/>
        <source>{reason} The charge will be recorded as waived, with this reason, and adds nothing to the balance.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/charge_confirm.py" line="125"/>
        <source>Record as waived</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CheckInDialog</name>
    <message>
        <location filename="../../ui/dialogs/followups.py" line="581"/>
        <source>A gentle check-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/followups.py" line="585"/>
        <source>Check in with {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/followups.py" line="588"/>
        <source>{name} said yes to check-ins. Keep it short and warm; no need for them to reply.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/followups.py" line="593"/>
        <source>Message to the client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/followups.py" line="604"/>
        <source>Sent by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/followups.py" line="605"/>
        <source>Copy message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/followups.py" line="607"/>
        <source>Open in e-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/followups.py" line="611"/>
        <source>No e-mail address on file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/followups.py" line="612"/>
        <source>Log as sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/followups.py" line="621"/>
        <source>&amp;Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/followups.py" line="623"/>
        <source>&amp;Sent by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/followups.py" line="669"/>
        <source>Thinking of you</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CheckInTemplateDialog</name>
    <message>
        <location filename="../../ui/dialogs/followups.py" line="727"/>
        <source>Check-in wording</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/followups.py" line="738"/>
        <source>&amp;Wording</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/followups.py" line="739"/>
        <source>Preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/followups.py" line="741"/>
        <source>Save wording</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/followups.py" line="743"/>
        <source>How a check-in starts out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/followups.py" line="746"/>
        <source>{preferred_name} becomes the client&apos;s preferred name and {practitioner} yours. Each draft can still be changed before it is sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/followups.py" line="757"/>
        <source>(the preview appears once the wording can be used)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CheckInsPanel</name>
    <message>
        <location filename="../../ui/screens/followups.py" line="536"/>
        <source>Check-ins due for clients who said yes to them, an interval after the last contact of any kind. Nobody without consent ever appears here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/followups.py" line="542"/>
        <source>Check-ins due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/followups.py" line="544"/>
        <source>Search client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/followups.py" line="550"/>
        <source>&amp;Draft…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/followups.py" line="551"/>
        <source>&amp;Snooze…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/followups.py" line="552"/>
        <source>Wording…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/followups.py" line="553"/>
        <source>The practice&apos;s check-in message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/followups.py" line="556"/>
        <source>Client whose consent to record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/followups.py" line="557"/>
        <source>Consent…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/followups.py" line="559"/>
        <source>Record what a client said about check-ins: yes, no, or withdrawn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/followups.py" line="566"/>
        <source>Consent to check-ins</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/followups.py" line="568"/>
        <source>What did the client say? Record it for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/followups.py" line="595"/>
        <source>1 check-in due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/followups.py" line="597"/>
        <source>{n} check-ins due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/followups.py" line="601"/>
        <source>No check-ins due. They appear here for clients who consented, once their interval has passed since the last contact.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/followups.py" line="647"/>
        <source>Choose the client first.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChecklistRow</name>
    <message>
        <location filename="../../ui/dialogs/interaction.py" line="107"/>
        <source>{badge} — {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/interaction.py" line="160"/>
        <source>Why does it not apply?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/interaction.py" line="162"/>
        <source>What happened instead?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ClientForm</name>
    <message>
        <location filename="../../ui/screens/clients.py" line="109"/>
        <location filename="../../ui/screens/clients.py" line="731"/>
        <source>New client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/clients.py" line="120"/>
        <source>e.g. Margaret Example</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/clients.py" line="123"/>
        <location filename="../../ui/screens/clients.py" line="810"/>
        <source>How to greet them — defaults to first name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/clients.py" line="126"/>
        <source>e.g. SHIV-awn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/clients.py" line="128"/>
        <source>e.g. she/her, they/them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/clients.py" line="132"/>
        <source>e.g. 07700 900123 or +44 7700 900123</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/clients.py" line="134"/>
        <source>name@example.org</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/clients.py" line="143"/>
        <source>Full &amp;name *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/clients.py" line="144"/>
        <source>&amp;Preferred name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/clients.py" line="145"/>
        <source>Pronunciation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/clients.py" line="146"/>
        <source>Pronouns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/clients.py" line="147"/>
        <source>&amp;Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/clients.py" line="148"/>
        <source>Practitioner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/clients.py" line="149"/>
        <source>P&amp;hone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/clients.py" line="150"/>
        <source>&amp;E-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/clients.py" line="151"/>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/clients.py" line="152"/>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/clients.py" line="184"/>
        <source>&amp;Reload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/clients.py" line="187"/>
        <source>Show the client as now stored (what you typed here is discarded)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/clients.py" line="192"/>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/clients.py" line="195"/>
        <source>Save this client (Ctrl+S)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/clients.py" line="196"/>
        <source>Cancel changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/clients.py" line="198"/>
        <source>Go back to what is stored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/clients.py" line="213"/>
        <source>Service principles with this client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/clients.py" line="254"/>
        <location filename="../../ui/screens/clients.py" line="272"/>
        <source>Facts to remember</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/clients.py" line="258"/>
        <source>What the client told you and you want to remember. If you forgot something, ask again and write it down here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/clients.py" line="277"/>
        <source>Date the client told you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/clients.py" line="280"/>
        <source>e.g. Has a dog called Biscuit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/clients.py" line="281"/>
        <source>New fact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/clients.py" line="283"/>
        <source>Add fact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/clients.py" line="301"/>
        <location filename="../../ui/screens/clients.py" line="323"/>
        <source>Contacts and session notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/clients.py" line="308"/>
        <source>Open the draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/clients.py" line="312"/>
        <source>New contact…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/clients.py" line="315"/>
        <source>A session, call, message, e-mail or an unanswered attempt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/clients.py" line="343"/>
        <source>&amp;Brief…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/clients.py" line="346"/>
        <source>Before a session: how to greet them, what they said last time, what is open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/clients.py" line="349"/>
        <source>Print brief…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/clients.py" line="351"/>
        <source>The one-page pre-session brief</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/clients.py" line="353"/>
        <source>Export summaries…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/clients.py" line="383"/>
        <source>draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/clients.py" line="394"/>
        <source>No contacts written up yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/clients.py" line="408"/>
        <source>An unfinished note from {when} was kept for you.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/clients.py" line="477"/>
        <source>Referrals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/clients.py" line="482"/>
        <location filename="../../ui/screens/clients.py" line="530"/>
        <source>Set…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/clients.py" line="484"/>
        <source>Who referred this client to the practice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/clients.py" line="492"/>
        <source>Referrals of this client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/clients.py" line="496"/>
        <source>Refer…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/clients.py" line="498"/>
        <source>Refer to someone who may be a better fit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/clients.py" line="526"/>
        <source>Referred by: {source}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/clients.py" line="528"/>
        <source>Referred by: not recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/clients.py" line="530"/>
        <source>Change…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/clients.py" line="532"/>
        <source>{day} · to {provider} · {status}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/clients.py" line="538"/>
        <source>follow-up due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/clients.py" line="543"/>
        <source>No referrals to other providers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/clients.py" line="576"/>
        <source>Appointments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/clients.py" line="587"/>
        <source>The client&apos;s appointments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/clients.py" line="602"/>
        <source>Lateness: none recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/clients.py" line="604"/>
        <source>you were late {n}× (avg {avg} min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/clients.py" line="610"/>
        <source>, rescheduling offered {made} of {required} times it was required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/clients.py" line="614"/>
        <source>you were not late</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/clients.py" line="616"/>
        <source>the client arrived late {n}× (avg {avg} min)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/clients.py" line="621"/>
        <source>the client was not late</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/clients.py" line="622"/>
        <source>Lateness: {you}; {them}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/clients.py" line="634"/>
        <source>Attended {attended} · late {late} · no-show {no_show} · cancelled {cancelled}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/clients.py" line="651"/>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/clients.py" line="668"/>
        <source>Upcoming</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/clients.py" line="669"/>
        <source>Past</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/clients.py" line="679"/>
        <source>Nothing written down yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/clients.py" line="687"/>
        <source>Save the client first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/clients.py" line="732"/>
        <source>Fields marked * are required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/clients.py" line="735"/>
        <source>Greet as “{name}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/clients.py" line="740"/>
        <source>{status} since {date}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/clients.py" line="762"/>
        <source>(not assigned)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/clients.py" line="808"/>
        <source>Defaults to “{first}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/clients.py" line="851"/>
        <source>Your text is still in the form: copy what you need, then Reload.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/clients.py" line="864"/>
        <source>Your text is still in the form; nothing was lost.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ClientMoneyPanel</name>
    <message>
        <location filename="../../ui/widgets/client_money.py" line="160"/>
        <source>Money</source>
        <extracomment>Emitted after this panel stored a change (ops.changed tells the other screens).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/client_money.py" line="179"/>
        <source>Change fee…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/client_money.py" line="194"/>
        <source>The client&apos;s ledger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/client_money.py" line="222"/>
        <source>No charges or payments yet.

Completed sessions are charged here at the fee above. Press “Record payment…” when the client pays, or “Add charge…” for anything else.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/client_money.py" line="232"/>
        <source>Record payment…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/client_money.py" line="234"/>
        <source>Refund…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/client_money.py" line="236"/>
        <source>Add charge…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/client_money.py" line="238"/>
        <source>Adjustment…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/client_money.py" line="240"/>
        <source>Payment plan…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/client_money.py" line="242"/>
        <source>Money conversation…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/client_money.py" line="244"/>
        <source>Waive…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/client_money.py" line="246"/>
        <source>Waive the selected charge, with a reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/client_money.py" line="247"/>
        <source>Statement…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/client_money.py" line="250"/>
        <source>Print or save the client&apos;s statement for a period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/client_money.py" line="252"/>
        <source>Receipt…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/client_money.py" line="254"/>
        <source>Print or save a receipt for the selected payment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/client_money.py" line="255"/>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/client_money.py" line="257"/>
        <source>Delete the selected charge entered by mistake</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/client_money.py" line="286"/>
        <source>Selected line:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/client_money.py" line="292"/>
        <source>Money conversations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/client_money.py" line="385"/>
        <source>1 appointment not charged yet: confirm it on the Money screen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/client_money.py" line="388"/>
        <source>{n} appointments not charged yet: confirm them on the Money screen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/client_money.py" line="415"/>
        <source>Balance {amount}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/client_money.py" line="417"/>
        <source>Credit {amount}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/client_money.py" line="418"/>
        <source>Settled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/client_money.py" line="418"/>
        <source>Settled — nothing charged yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/client_money.py" line="434"/>
        <source>Fee: {amount} ({source})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/client_money.py" line="438"/>
        <source>No fee arrangement: the standard fee of the service booked applies.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/client_money.py" line="441"/>
        <source>then {next}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/client_money.py" line="450"/>
        <source>Payment plan agreed {day}: {paid} of {total} paid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/client_money.py" line="461"/>
        <source>({covered} so far)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/client_money.py" line="473"/>
        <source>None recorded yet. When you talk with the client about fees, a sliding scale, a payment plan or a balance, note it with “Money conversation…”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/client_money.py" line="480"/>
        <source>follow up {day}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/client_money.py" line="489"/>
        <source>In their words: “{words}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/client_money.py" line="493"/>
        <source>Agreed: {outcome}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/client_money.py" line="574"/>
        <source>Delete charge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/client_money.py" line="577"/>
        <source>Delete “{what}”? Only do this for a charge entered by mistake.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ClientsScreen</name>
    <message>
        <location filename="../../ui/screens/clients.py" line="933"/>
        <source>Search name, e-mail or phone</source>
        <extracomment>An e-mail address of this many &quot;m&quot; widths is read in full before the practitioner column gets room in the client list (longer ones are elided; the tooltip has them). How long after the last keystroke of a search the count of matches is written.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/clients.py" line="935"/>
        <source>Search clients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/clients.py" line="938"/>
        <source>Show clients with status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/clients.py" line="940"/>
        <source>All statuses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/clients.py" line="941"/>
        <source>Current clients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/clients.py" line="944"/>
        <source>&amp;New client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/clients.py" line="946"/>
        <source>Add a client (Ctrl+Shift+N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/clients.py" line="978"/>
        <source>Clients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/clients.py" line="1106"/>
        <source>No clients yet.

Click “New client” to add the first one, or start ClientCare with --demo to look around a fictional practice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/clients.py" line="1113"/>
        <source>No client matches “{text}”.
Check the spelling or clear the search.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/clients.py" line="1116"/>
        <source>No client has this status.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/clients.py" line="1123"/>
        <source>{shown} of {total} clients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/clients.py" line="1127"/>
        <source>1 client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/clients.py" line="1127"/>
        <source>{n} clients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/clients.py" line="1266"/>
        <source>this new client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/clients.py" line="1269"/>
        <source>Unsaved changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/clients.py" line="1270"/>
        <source>You have changed {name} and not saved. Save the changes?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ComingSoonScreen</name>
    <message>
        <location filename="../../ui/screens/placeholder.py" line="19"/>
        <source>{purpose}

This screen is coming in a later version of ClientCare. Until then it stays empty rather than show anything made up.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConsentDialog</name>
    <message>
        <location filename="../../ui/dialogs/followups.py" line="467"/>
        <source>Consent to check-ins</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/followups.py" line="494"/>
        <source> days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/followups.py" line="496"/>
        <source>What they said, in their own words</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/followups.py" line="500"/>
        <source>&amp;Answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/followups.py" line="501"/>
        <source>&amp;On</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/followups.py" line="502"/>
        <source>C&amp;hannel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/followups.py" line="503"/>
        <source>&amp;Every</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/followups.py" line="504"/>
        <source>Their &amp;words</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/followups.py" line="505"/>
        <source>Record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/followups.py" line="507"/>
        <source>Check-ins with {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/followups.py" line="511"/>
        <source>Check-ins are only ever offered to clients who said yes. Withdrawing stops them at once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/followups.py" line="520"/>
        <source>Now: {consent}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/followups.py" line="524"/>
        <source>Next check-in due {day}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/followups.py" line="530"/>
        <source>Last recorded {day}: {state}{words}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ContactAttemptDialog</name>
    <message>
        <location filename="../../ui/dialogs/followups.py" line="782"/>
        <source>Log a contact attempt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/followups.py" line="791"/>
        <source>e.g. Left a voicemail; sent a text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/followups.py" line="792"/>
        <source>&amp;Who *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/followups.py" line="793"/>
        <source>&amp;When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/followups.py" line="794"/>
        <source>&amp;What you tried</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/followups.py" line="795"/>
        <source>Log attempt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/followups.py" line="796"/>
        <source>A call or message that was not returned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/followups.py" line="802"/>
        <source>Choose who you tried to reach.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ContactsPanel</name>
    <message>
        <location filename="../../ui/screens/followups.py" line="675"/>
        <source>Calls and messages not returned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/followups.py" line="678"/>
        <source>Suggestions only: nobody is closed automatically. Patience — and respect for their choice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/followups.py" line="684"/>
        <source>Unreturned contact attempts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/followups.py" line="692"/>
        <source>&amp;Log attempt…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/followups.py" line="701"/>
        <location filename="../../ui/screens/followups.py" line="705"/>
        <source>Prospects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/followups.py" line="708"/>
        <source>Search prospects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/followups.py" line="714"/>
        <source>Consultation booked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/followups.py" line="716"/>
        <source>Became a client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/followups.py" line="717"/>
        <source>Declined…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/followups.py" line="725"/>
        <source>Conversion period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/followups.py" line="733"/>
        <source>People who got in touch in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/followups.py" line="769"/>
        <source>Nobody has {n} or more calls or messages unreturned. Log an attempt when a call or message goes unanswered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/followups.py" line="777"/>
        <source>No open prospects at the moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/followups.py" line="794"/>
        <source>Nobody got in touch in this period.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/followups.py" line="796"/>
        <source>&lt;b&gt;{n}&lt;/b&gt; got in touch since {day}: &lt;b&gt;{consulted}&lt;/b&gt; came to a consultation, &lt;b&gt;{became}&lt;/b&gt; became clients, &lt;b&gt;{declined}&lt;/b&gt; decided not to go ahead, &lt;b&gt;{open}&lt;/b&gt; are still deciding.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/followups.py" line="808"/>
        <source>Of those who decided, {rate:.0%} became clients.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/followups.py" line="816"/>
        <source>Why some did not go ahead: {reasons}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CorrectionDialog</name>
    <message>
        <location filename="../../ui/dialogs/correction.py" line="28"/>
        <source>Add a correction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/correction.py" line="32"/>
        <source>This record is finalised. A correction changes the text and keeps the original beside it, with who changed it, when and why.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/correction.py" line="46"/>
        <source>e.g. wrong date for the next session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/correction.py" line="52"/>
        <source>Correct</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/correction.py" line="53"/>
        <source>New text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/correction.py" line="54"/>
        <source>Why</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CsvImportDialog</name>
    <message>
        <location filename="../../ui/dialogs/csv_import.py" line="140"/>
        <source>Import clients from a CSV file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/csv_import.py" line="143"/>
        <source>No file chosen yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/csv_import.py" line="147"/>
        <source>Choose file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/csv_import.py" line="158"/>
        <source>Which column is which</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/csv_import.py" line="185"/>
        <source>Import the valid rows only (leave out the refused)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/csv_import.py" line="195"/>
        <location filename="../../ui/dialogs/csv_import.py" line="362"/>
        <source>Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/csv_import.py" line="208"/>
        <source>&lt;b&gt;Preview&lt;/b&gt; (the first rows, as they will be read)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/csv_import.py" line="210"/>
        <source>&lt;b&gt;Every line&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/csv_import.py" line="235"/>
        <source>Import clients from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/csv_import.py" line="265"/>
        <source>Column in the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/csv_import.py" line="265"/>
        <source>First value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/csv_import.py" line="273"/>
        <source>(no name)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/csv_import.py" line="283"/>
        <source>Field for column {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/csv_import.py" line="336"/>
        <source>{n} ready to import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/csv_import.py" line="338"/>
        <source>{n} of them to check (a possible duplicate)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/csv_import.py" line="340"/>
        <source>{n} refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/csv_import.py" line="344"/>
        <source>Nothing is imported while a line is refused, unless you tick “valid rows only”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/csv_import.py" line="360"/>
        <source>Import {n} clients</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DeclineDialog</name>
    <message>
        <location filename="../../ui/dialogs/followups.py" line="824"/>
        <source>Prospect declined</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/followups.py" line="826"/>
        <source>e.g. Found someone closer to home</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/followups.py" line="827"/>
        <source>&amp;Why? *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/followups.py" line="828"/>
        <source>Mark declined</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/followups.py" line="830"/>
        <source>{name} is not going ahead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/followups.py" line="833"/>
        <source>We cannot sign everyone. Wish them well; the door stays open, and there is always the next prospect.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DirectoryPanel</name>
    <message>
        <location filename="../../ui/screens/referrals.py" line="447"/>
        <source>Search name, specialty or notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/referrals.py" line="449"/>
        <source>Search providers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/referrals.py" line="452"/>
        <source>Show providers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/referrals.py" line="453"/>
        <source>In use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/referrals.py" line="454"/>
        <source>Including archived</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/referrals.py" line="455"/>
        <source>New provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/referrals.py" line="457"/>
        <source>Add co-workers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/referrals.py" line="460"/>
        <source>Put every practitioner of the practice in the directory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/referrals.py" line="462"/>
        <source>Providers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/referrals.py" line="517"/>
        <source>1 provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/referrals.py" line="519"/>
        <source>{n} providers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/referrals.py" line="561"/>
        <source>every co-worker is already listed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/referrals.py" line="563"/>
        <source>added {n} co-workers</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExpectationDialog</name>
    <message>
        <location filename="../../ui/dialogs/followups.py" line="335"/>
        <source>Record an expectation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/followups.py" line="339"/>
        <source>e.g. “Replies to messages within two working days”, “Sessions are 50 minutes”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/followups.py" line="342"/>
        <source>The practice (we said or promised it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/followups.py" line="344"/>
        <source>The client (they asked for or took it on)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/followups.py" line="350"/>
        <source>How it came up, in a sentence or two</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/followups.py" line="351"/>
        <source>&amp;Client *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/followups.py" line="352"/>
        <source>&amp;What was set *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/followups.py" line="353"/>
        <source>Set &amp;by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/followups.py" line="354"/>
        <source>Set &amp;on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/followups.py" line="355"/>
        <source>&amp;Review on *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/followups.py" line="356"/>
        <source>&amp;Conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/followups.py" line="357"/>
        <source>Save expectation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/followups.py" line="359"/>
        <source>Say it plainly now, so nobody has to say “we had assumed” later</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExpectationsPanel</name>
    <message>
        <location filename="../../ui/screens/followups.py" line="415"/>
        <source>Search client or expectation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/followups.py" line="417"/>
        <source>&amp;Record…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/followups.py" line="421"/>
        <source>What was set or promised, by the practice or the client, until it has been reviewed together. Those due come up in the pre-session brief and on Today.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/followups.py" line="428"/>
        <source>Expectations not reviewed yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/followups.py" line="436"/>
        <source>Review…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/followups.py" line="470"/>
        <source>{due} due for review · {n} not reviewed yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/followups.py" line="474"/>
        <source>No expectation matches “{text}”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/followups.py" line="476"/>
        <source>Every expectation has been reviewed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/followups.py" line="493"/>
        <source>Choose an expectation to see it here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/followups.py" line="498"/>
        <source>Set by {who} on {day}; review on {review} ({outcome}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/followups.py" line="501"/>
        <source>no date</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../ui/dialogs/ical.py" line="55"/>
        <source>Export appointments to a calendar file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/ical.py" line="64"/>
        <source>All practitioners</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/ical.py" line="73"/>
        <source>Calendar files are often synced to phones and shared calendars. Titles show only what you choose here; notes are never exported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/ical.py" line="80"/>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/ical.py" line="81"/>
        <source>To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/ical.py" line="82"/>
        <source>Practitioner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/ical.py" line="83"/>
        <source>Titles show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/ical.py" line="98"/>
        <source>Save calendar file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/ical.py" line="105"/>
        <source>The end date must be on or after the start date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/ical.py" line="128"/>
        <source>Could not write the file: {e}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FeeArrangementDialog</name>
    <message>
        <location filename="../../ui/dialogs/money.py" line="784"/>
        <source>Change fee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/money.py" line="790"/>
        <source>Sliding-scale tier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/money.py" line="792"/>
        <source>Custom fee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/money.py" line="805"/>
        <source>e.g. 30.00</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/money.py" line="809"/>
        <source>e.g. Reviewed together; student until June</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/money.py" line="821"/>
        <source>Fee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/money.py" line="827"/>
        <source>&amp;From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/money.py" line="829"/>
        <source>Earlier arrangements stay in the history below.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/money.py" line="831"/>
        <source>&amp;Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/money.py" line="839"/>
        <source>Fee history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/money.py" line="846"/>
        <source>No arrangement yet: the standard fee applies.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/money.py" line="849"/>
        <source>History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/money.py" line="853"/>
        <source>(no tiers set up — see Settings → Money)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <location filename="../../ui/dialogs/first_run.py" line="114"/>
        <source>Set up ClientCare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/first_run.py" line="130"/>
        <source>e.g. Riverside Counselling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/first_run.py" line="133"/>
        <source>e.g. Sam Taylor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/first_run.py" line="135"/>
        <source>Your practice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/first_run.py" line="136"/>
        <source>The practice&apos;s name heads every printout; your name is how clients see you.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/first_run.py" line="138"/>
        <source>&amp;Practice name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/first_run.py" line="139"/>
        <source>&amp;Your name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/first_run.py" line="141"/>
        <source>The practice&apos;s details can be changed later in Settings → Practice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/first_run.py" line="156"/>
        <source>Money and language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/first_run.py" line="157"/>
        <source>The currency of your fees, and how dates, amounts and phones are written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/first_run.py" line="159"/>
        <source>&amp;Currency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/first_run.py" line="160"/>
        <source>&amp;Language and country</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/first_run.py" line="163"/>
        <source>The language and country also choose the paper size of printouts (A4 or Letter). The currency cannot change once amounts are recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/first_run.py" line="177"/>
        <location filename="../../ui/dialogs/first_run.py" line="182"/>
        <source> minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/first_run.py" line="185"/>
        <source>Your working day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/first_run.py" line="186"/>
        <source>Your hours, how long a session usually is, and when late is too late.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/first_run.py" line="188"/>
        <source>Day &amp;starts at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/first_run.py" line="189"/>
        <source>Day &amp;ends at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/first_run.py" line="190"/>
        <source>Session &amp;length</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/first_run.py" line="191"/>
        <source>Lateness &amp;threshold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/first_run.py" line="194"/>
        <source>When you are running later than the lateness threshold, the message to the client always offers to reschedule, and the client&apos;s choice is recorded. The threshold and session length can be changed later in Settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/first_run.py" line="199"/>
        <source>&amp;Finish</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FollowUpDialog</name>
    <message>
        <location filename="../../ui/dialogs/referral.py" line="356"/>
        <source>Follow up a referral</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/referral.py" line="359"/>
        <source>Did {client} connect with {provider}?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/referral.py" line="363"/>
        <source>Yes, they connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/referral.py" line="365"/>
        <source>Not yet / no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/referral.py" line="379"/>
        <source>What they said, in their words</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/referral.py" line="383"/>
        <source>Connected?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/referral.py" line="384"/>
        <source>&amp;Their answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/referral.py" line="386"/>
        <source>&amp;Ask again on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/referral.py" line="388"/>
        <source>Record answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/referral.py" line="400"/>
        <source>The referral did its work: mark it completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/referral.py" line="403"/>
        <source>They are not going ahead: mark it declined</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/referral.py" line="410"/>
        <source>Close this referral</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/referral.py" line="427"/>
        <source>Choose whether they connected.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FollowUpsScreen</name>
    <message>
        <location filename="../../ui/screens/followups.py" line="881"/>
        <location filename="../../ui/screens/followups.py" line="927"/>
        <source>Issues</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/followups.py" line="882"/>
        <location filename="../../ui/screens/followups.py" line="928"/>
        <source>Expectations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/followups.py" line="883"/>
        <location filename="../../ui/screens/followups.py" line="929"/>
        <source>Check-ins</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/followups.py" line="884"/>
        <source>Contact attempts &amp;&amp; prospects</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FreedSlotDialog</name>
    <message>
        <location filename="../../ui/widgets/waitlist_panel.py" line="297"/>
        <source>A slot is free</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/waitlist_panel.py" line="299"/>
        <source>{when} is free now. These clients on the waitlist fit it:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/waitlist_panel.py" line="319"/>
        <source>Book selected client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/waitlist_panel.py" line="322"/>
        <source>Not now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/waitlist_panel.py" line="340"/>
        <source>Choose a client first.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GraceModel</name>
    <message>
        <location filename="../../ui/screens/settings_money.py" line="134"/>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_money.py" line="134"/>
        <source>Not in use</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GraceRuleDialog</name>
    <message>
        <location filename="../../ui/screens/settings_money.py" line="293"/>
        <source>Add a grace rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_money.py" line="293"/>
        <source>Grace rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_money.py" line="296"/>
        <source>Forgive the first ones</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_money.py" line="298"/>
        <source>Exempt a circumstance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_money.py" line="315"/>
        <source> days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_money.py" line="317"/>
        <source>ever (no time limit)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_money.py" line="323"/>
        <source>in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_money.py" line="328"/>
        <source>e.g. Illness</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_money.py" line="333"/>
        <source>In use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_money.py" line="335"/>
        <source>&amp;Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_money.py" line="336"/>
        <source>How &amp;many</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_money.py" line="337"/>
        <source>&amp;Period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_money.py" line="341"/>
        <source>&amp;Circumstance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_money.py" line="343"/>
        <source>Offered when a late cancellation or missed session is recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_money.py" line="345"/>
        <source>&amp;Applies to</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GuideDialog</name>
    <message>
        <location filename="../../ui/dialogs/help.py" line="120"/>
        <source>ClientCare user guide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/help.py" line="123"/>
        <source>User guide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/help.py" line="129"/>
        <source>The guide could not be read ({path}: {error}).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HandoffDialog</name>
    <message>
        <location filename="../../ui/dialogs/referral.py" line="283"/>
        <source>Warm hand-off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/referral.py" line="287"/>
        <source>Introduce {client} to {provider}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/referral.py" line="293"/>
        <source>A warm introduction makes a referral work: introduce them in person, or arrange for {provider} to call {client}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/referral.py" line="299"/>
        <source>I introduced them in person (or on a call together)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/referral.py" line="303"/>
        <source>{provider} will call {client}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/referral.py" line="323"/>
        <source>Hand-off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/referral.py" line="324"/>
        <source>&amp;On</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IdleLock</name>
    <message>
        <location filename="../../ui/idle_lock.py" line="358"/>
        <source>That passphrase is not right. Check Caps Lock and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/idle_lock.py" line="360"/>
        <source>That PIN is not right. Try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/idle_lock.py" line="362"/>
        <source>passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/idle_lock.py" line="362"/>
        <source>PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/idle_lock.py" line="363"/>
        <source>That {what} is not right. Wait {n} seconds, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../ui/dialogs/ical.py" line="172"/>
        <source>Import {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/ical.py" line="179"/>
        <source>Busy time (blocks the calendar)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/ical.py" line="181"/>
        <source>Appointments (event titles must be client names)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/ical.py" line="199"/>
        <source>Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/ical.py" line="206"/>
        <source>For</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/ical.py" line="207"/>
        <source>Import as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/ical.py" line="219"/>
        <source>The file could not be read: {e}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/ical.py" line="250"/>
        <source>Add a practitioner in Settings before importing a calendar.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/ical.py" line="261"/>
        <source>{imported} of {total} events can be imported; {skipped} will be skipped (the table says why). Nothing is stored until you click Import.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>InteractionEditor</name>
    <message>
        <location filename="../../ui/dialogs/interaction.py" line="228"/>
        <source>(not recorded)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/interaction.py" line="232"/>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/interaction.py" line="246"/>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/interaction.py" line="247"/>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/interaction.py" line="248"/>
        <source>Practitioner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/interaction.py" line="249"/>
        <source>Appointment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/interaction.py" line="252"/>
        <source> min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/interaction.py" line="253"/>
        <source>I started late by, in minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/interaction.py" line="255"/>
        <source>Past the practice&apos;s threshold the checklist asks you to offer rescheduling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/interaction.py" line="258"/>
        <source>I started late by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/interaction.py" line="267"/>
        <source>Also</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/interaction.py" line="281"/>
        <source>I asked again and wrote it down…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/interaction.py" line="284"/>
        <source>Add what the client told you to their facts to remember (principle 4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/interaction.py" line="289"/>
        <source>e.g. Has a dog called Biscuit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/interaction.py" line="293"/>
        <source>Fact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/interaction.py" line="294"/>
        <source>Money conversation…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/interaction.py" line="297"/>
        <source>Record a conversation about money, linked to this contact (principle 6)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/interaction.py" line="313"/>
        <source>Service principles for this contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/interaction.py" line="336"/>
        <source>Save draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/interaction.py" line="338"/>
        <source>Finalise</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/interaction.py" line="341"/>
        <source>Lock this record; later changes are kept as corrections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/interaction.py" line="343"/>
        <source>Add a correction…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/interaction.py" line="346"/>
        <source>Print summary…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/interaction.py" line="348"/>
        <source>For the file or for the client (Ctrl+P)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/interaction.py" line="355"/>
        <source>Refer…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/interaction.py" line="358"/>
        <source>Refer the client to someone who may be a better fit (principle 7)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/interaction.py" line="361"/>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/interaction.py" line="425"/>
        <source>Greet as “{name}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/interaction.py" line="432"/>
        <source>They told you: “{fact}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/interaction.py" line="493"/>
        <source>{when} {who} corrected {field}: “{old}” → “{new}” ({why})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/interaction.py" line="495"/>
        <source>someone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/interaction.py" line="503"/>
        <source>Corrections:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/interaction.py" line="506"/>
        <source>{kind} — finalised</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/interaction.py" line="508"/>
        <source>Finalised {when}. Corrections are kept beside the original.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/interaction.py" line="514"/>
        <source>{kind} with {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/interaction.py" line="606"/>
        <source>Nothing to look at so far.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/interaction.py" line="608"/>
        <source>…and {n} more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/interaction.py" line="617"/>
        <source>Unsaved changes — saved automatically in a moment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/interaction.py" line="646"/>
        <source>Draft saved at {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/interaction.py" line="738"/>
        <source>Referred to {provider}; principle 7 now applies to this contact.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/interaction.py" line="752"/>
        <source>Write the note first; then it can be printed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/interaction.py" line="781"/>
        <source>Money conversation recorded; principle 6 now applies to this contact.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/interaction.py" line="796"/>
        <source>Added to the facts to remember.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IssueDialog</name>
    <message>
        <location filename="../../ui/dialogs/followups.py" line="188"/>
        <source>Edit issue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/followups.py" line="188"/>
        <source>New issue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/followups.py" line="193"/>
        <source>What needs resolving, in a few words</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/followups.py" line="203"/>
        <source>Crisis: someone&apos;s safety or wellbeing is at stake today. High: this week. Normal: in the usual course. Low: when there is time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/followups.py" line="214"/>
        <source>What it affects for the client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/followups.py" line="217"/>
        <source>What is happening, what the client said, what has been done so far</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/followups.py" line="221"/>
        <source>Resolve by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/followups.py" line="233"/>
        <source>&amp;Client *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/followups.py" line="234"/>
        <source>&amp;Issue *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/followups.py" line="235"/>
        <source>&amp;Urgency *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/followups.py" line="239"/>
        <source>Urgency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/followups.py" line="240"/>
        <source>I&amp;mpact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/followups.py" line="241"/>
        <source>&amp;Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/followups.py" line="242"/>
        <source>&amp;Raised on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/followups.py" line="243"/>
        <source>&amp;Due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/followups.py" line="246"/>
        <source>Due date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/followups.py" line="247"/>
        <source>Save issue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/followups.py" line="250"/>
        <source>Edit “{title}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/followups.py" line="252"/>
        <source>A client issue, ranked by true urgency</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IssuesPanel</name>
    <message>
        <location filename="../../ui/screens/followups.py" line="242"/>
        <source>Search client, issue or notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/followups.py" line="245"/>
        <source>Show issues</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/followups.py" line="246"/>
        <source>Open issues</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/followups.py" line="247"/>
        <source>Open and resolved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/followups.py" line="248"/>
        <source>&amp;New issue…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/followups.py" line="253"/>
        <source>Escalation budget</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/followups.py" line="256"/>
        <source>Issues, most urgent first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/followups.py" line="264"/>
        <source>Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/followups.py" line="265"/>
        <source>Resolve…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/followups.py" line="266"/>
        <source>Reopen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/followups.py" line="310"/>
        <source>{open} open · {urgent} crisis or high</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/followups.py" line="317"/>
        <source>No issue matches “{text}”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/followups.py" line="320"/>
        <source>No open issues. When a client needs something resolved, click “New issue…” and rank it by its true urgency.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/followups.py" line="341"/>
        <source>Choose an issue to see it here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/followups.py" line="350"/>
        <source>Raised {day}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/followups.py" line="352"/>
        <source>, waiting {n} days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/followups.py" line="354"/>
        <source>; due {day}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/followups.py" line="356"/>
        <source>overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/followups.py" line="359"/>
        <source>&lt;b&gt;Impact:&lt;/b&gt; {text}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/followups.py" line="364"/>
        <source>&lt;b&gt;Resolved {day}:&lt;/b&gt; {note}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LatenessChart</name>
    <message>
        <location filename="../../ui/widgets/lateness_chart.py" line="57"/>
        <source>Lateness, both ways</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/lateness_chart.py" line="59"/>
        <source>You</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/lateness_chart.py" line="60"/>
        <source>The client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/lateness_chart.py" line="83"/>
        <source>No lateness recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/lateness_chart.py" line="88"/>
        <source>not late</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/lateness_chart.py" line="89"/>
        <source>late {n}× · avg {avg} min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/lateness_chart.py" line="97"/>
        <source>Rescheduling offered when required: not required so far</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/lateness_chart.py" line="99"/>
        <source>Rescheduling offered when required: {rate} % ({made} of {required})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/lateness_chart.py" line="115"/>
        <source>Late clients chose: {choices}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LedgerModel</name>
    <message>
        <location filename="../../ui/widgets/client_money.py" line="83"/>
        <source>{amount} credit</source>
        <extracomment>How many money conversations the panel lists (the rest are on the Money screen).</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LetterDialog</name>
    <message>
        <location filename="../../ui/dialogs/referral.py" line="552"/>
        <source>Introduction letter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/referral.py" line="555"/>
        <source>Introduce {client} to {provider} in a letter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/referral.py" line="561"/>
        <source>Only what you tick is printed. Share the least the provider needs, and only with the client&apos;s consent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/referral.py" line="569"/>
        <source>They agreed today — record consent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/referral.py" line="588"/>
        <source>Only what the provider needs to know, written for them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/referral.py" line="590"/>
        <source>Relevant background for the letter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/referral.py" line="597"/>
        <source>Preview…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/referral.py" line="599"/>
        <source>Save as PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/referral.py" line="601"/>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/referral.py" line="625"/>
        <source>⚠ {name}&apos;s consent to share their details is not recorded yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/referral.py" line="631"/>
        <source>✓ Consent to share recorded on {day}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/referral.py" line="678"/>
        <source>Save the letter as PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/referral.py" line="678"/>
        <source>PDF (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/referral.py" line="714"/>
        <source>⚠ The PDF was not saved: ClientCare could not write to {folder} ({why}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/referral.py" line="721"/>
        <source>✓ Saved {name} ({pages} page(s)) in {folder}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LockCurtain</name>
    <message>
        <location filename="../../ui/idle_lock.py" line="87"/>
        <source>ClientCare is locked</source>
        <extracomment>Input that counts as &quot;someone is using ClientCare&quot;. Wrong PINs in a row before the lock makes the person wait.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/idle_lock.py" line="90"/>
        <source>Client details are hidden. Enter your PIN to continue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/idle_lock.py" line="95"/>
        <location filename="../../ui/idle_lock.py" line="96"/>
        <source>PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/idle_lock.py" line="100"/>
        <source>Client details are hidden. Enter the database passphrase to continue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/idle_lock.py" line="102"/>
        <location filename="../../ui/idle_lock.py" line="103"/>
        <source>Passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/idle_lock.py" line="105"/>
        <source>&amp;Unlock</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="136"/>
        <source>Sections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="148"/>
        <source>{title} (Ctrl+{n})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="173"/>
        <source>The database was upgraded; the previous version was kept at{where}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="201"/>
        <source>This practice&apos;s database is shared. Tell ClientCare who you are in Settings → Practitioners (“This is me”), so what you change carries your name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="236"/>
        <source>{title}, {n} need care</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="246"/>
        <source>(demo practice)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="316"/>
        <source>Demo practice (fictional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="316"/>
        <source>Database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="320"/>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="321"/>
        <source>&amp;Back up now…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="325"/>
        <source>&amp;Restore…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="329"/>
        <source>&amp;Lock now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="335"/>
        <source>&amp;Print…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="341"/>
        <source>&amp;Export calendar (.ics)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="345"/>
        <source>&amp;Import calendar (.ics)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="350"/>
        <source>Import &amp;clients (CSV)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="351"/>
        <source>Export clien&amp;ts (CSV)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="352"/>
        <source>Export le&amp;dger (CSV)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="359"/>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="367"/>
        <source>&amp;Go</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="378"/>
        <source>&amp;Client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="379"/>
        <source>&amp;Find…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="380"/>
        <source>Search this screen&apos;s list; elsewhere, search the clients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="382"/>
        <source>New c&amp;lient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="387"/>
        <source>New &amp;appointment…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="391"/>
        <source>New &amp;contact / session note…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="398"/>
        <source>I&apos;m &amp;running late…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="401"/>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="402"/>
        <source>User &amp;guide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="406"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="411"/>
        <source>&amp;Set up the practice…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="413"/>
        <source>Open &amp;data folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="416"/>
        <source>&amp;About ClientCare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="479"/>
        <source>Nothing to print here. Today prints the day sheet; a client&apos;s page the pre-session brief; a session note its summary.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="540"/>
        <source>There is no appointment left today to be late for.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="551"/>
        <source>Choose a client first, then press Ctrl+I again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="561"/>
        <source>Back up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="562"/>
        <source>This database is on a server; back it up with the server&apos;s tools.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="567"/>
        <source>Back up the database to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="578"/>
        <source>Backup failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="579"/>
        <source>The backup could not be written: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="582"/>
        <source>Backup saved to {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="603"/>
        <source>Set a PIN in Settings → Security first; it unlocks ClientCare.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="612"/>
        <source>Calendar saved to {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="625"/>
        <source>Import a calendar file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="634"/>
        <source>Imported {n} events from {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="663"/>
        <source>Could not open the data folder: {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="674"/>
        <source>The practice is set up; its details are in Settings → Practice.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MessagesTab</name>
    <message>
        <location filename="../../ui/screens/settings.py" line="819"/>
        <source>The message drafted when you are running late. Past the practice threshold the reschedule offer is always included.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="834"/>
        <source>Running-&amp;late message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="835"/>
        <source>Re&amp;schedule offer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="865"/>
        <source>Placeholders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="883"/>
        <source>Preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="896"/>
        <source>When a client arrives late, offer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="944"/>
        <source>(No preview: {problem})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="961"/>
        <source>For {name}, {minutes} minutes late for {time} with {practitioner}{offer}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="967"/>
        <source> (past the threshold, so with the reschedule offer)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="991"/>
        <source>✓ Saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="994"/>
        <source>The language check points out {words}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MoneyConversationDialog</name>
    <message>
        <location filename="../../ui/dialogs/money.py" line="700"/>
        <source>Money conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/money.py" line="710"/>
        <source>&amp;About</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/money.py" line="711"/>
        <source>&amp;Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/money.py" line="721"/>
        <source>Write their answer as they said it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/money.py" line="722"/>
        <source>Follow up on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/money.py" line="736"/>
        <source>Linked to this contact: principle 6 (no shame around money) will apply to it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/money.py" line="739"/>
        <source>Keep it kind and practical: the sliding scale and payment plans are options.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MoneyDialog</name>
    <message>
        <location filename="../../ui/dialogs/money.py" line="107"/>
        <source>&amp;Reload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/money.py" line="109"/>
        <source>Show the record as now stored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/money.py" line="169"/>
        <source>Your text is still in the form: copy what you need, then Reload.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MoneyScreen</name>
    <message>
        <location filename="../../ui/screens/money.py" line="127"/>
        <source>Money</source>
        <extracomment>What the Money screen shows depends on these kinds of change. Double-click on a client: the main window opens them on the Clients screen.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/money.py" line="159"/>
        <source>Received this month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/money.py" line="160"/>
        <source>Outstanding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/money.py" line="161"/>
        <source>Credit held</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/money.py" line="162"/>
        <source>Overview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/money.py" line="171"/>
        <source>Outstanding, by how long ago it was charged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/money.py" line="182"/>
        <source>Appointments to charge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/money.py" line="185"/>
        <source>Nothing is waiting to be charged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/money.py" line="191"/>
        <source>Charge…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/money.py" line="193"/>
        <source>Confirm or change the amount, then charge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/money.py" line="194"/>
        <location filename="../../ui/screens/money.py" line="531"/>
        <source>Charge all with a known fee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/money.py" line="212"/>
        <source>Money conversations to follow up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/money.py" line="215"/>
        <source>No money conversation is waiting for a follow-up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/money.py" line="222"/>
        <source>Mark followed up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/money.py" line="239"/>
        <location filename="../../ui/screens/money.py" line="344"/>
        <source>To charge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/money.py" line="240"/>
        <location filename="../../ui/screens/money.py" line="354"/>
        <source>Follow-ups due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/money.py" line="246"/>
        <location filename="../../ui/screens/money.py" line="285"/>
        <source>Balances</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/money.py" line="261"/>
        <source>Search by name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/money.py" line="263"/>
        <source>Search balances</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/money.py" line="266"/>
        <source>Record payment…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/money.py" line="268"/>
        <source>Refund…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/money.py" line="270"/>
        <source>Open client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/money.py" line="342"/>
        <source>To charge ({n})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/money.py" line="352"/>
        <source>Follow-ups due ({n})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/money.py" line="362"/>
        <source>{amount} refunded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/money.py" line="370"/>
        <source>{amount} from more than {days} days ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/money.py" line="398"/>
        <source>No balance matches “{text}”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/money.py" line="400"/>
        <source>No client has a balance or credit. Everything is settled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/money.py" line="406"/>
        <source>{owing} with a balance · {credit} with credit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/money.py" line="468"/>
        <source>Refund</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/money.py" line="468"/>
        <source>Payment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/money.py" line="470"/>
        <source>credit held {amount}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/money.py" line="474"/>
        <source>balance {amount}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/money.py" line="478"/>
        <source>{what} of {amount} recorded for {name}; {after}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/money.py" line="502"/>
        <source>{what} recorded as waived: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/money.py" line="508"/>
        <source>{what} charged: {amount}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/money.py" line="520"/>
        <source>Charge {n} appointments, {total} in all?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/money.py" line="525"/>
        <source>Fees a grace rule forgives are recorded as waived, with their reason.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/money.py" line="529"/>
        <source>{n} with no fee set stay in the list, to charge one by one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/money.py" line="544"/>
        <source>Nothing was charged: {message}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/money.py" line="548"/>
        <source>Charged {n} appointments: {total}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/money.py" line="552"/>
        <source>{n} recorded as waived under a grace rule.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/money.py" line="578"/>
        <source>Followed up with {name} ({topic}).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MoneyTab</name>
    <message>
        <location filename="../../ui/screens/settings_money.py" line="496"/>
        <source>Services and standard fees</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_money.py" line="500"/>
        <source>What the practice offers. A client&apos;s fee arrangement, if any, comes first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_money.py" line="503"/>
        <source>No services yet. Press “Add…” to add what the practice offers, with its standard fee and length (e.g. a 50-minute individual session); appointments are charged at that fee.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_money.py" line="509"/>
        <source>Sliding scale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_money.py" line="513"/>
        <source>Named tiers with their fee; a client&apos;s fee arrangement can use one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_money.py" line="516"/>
        <source>No sliding-scale tiers. If the practice offers reduced fees, press “Add…” to name a tier and its fee; a client&apos;s fee arrangement can then use it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_money.py" line="521"/>
        <source>Grace rules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_money.py" line="526"/>
        <source>A fee a rule forgives is still recorded, marked waived with the rule as its reason — never silently left out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_money.py" line="531"/>
        <source>No grace rules: a late-cancellation or missed-session fee in the policy is always charged. Press “Add…” to forgive, say, a client&apos;s first late cancellation in a year, or a session missed through illness.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_money.py" line="538"/>
        <source>Fee policy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_money.py" line="543"/>
        <source>No fee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_money.py" line="545"/>
        <source>Charge completed sessions automatically</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_money.py" line="548"/>
        <source>Ask me to confirm each charge (listed on the Money screen)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_money.py" line="566"/>
        <source>&amp;Late-cancellation fee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_money.py" line="568"/>
        <source>Empty means no fee. The cancellation window is on the Practice tab.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_money.py" line="572"/>
        <source>M&amp;issed-session fee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_money.py" line="574"/>
        <source>Empty means no fee.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_money.py" line="576"/>
        <source>Charging</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_money.py" line="589"/>
        <source>&amp;Save fee policy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_money.py" line="666"/>
        <source>✓ Saved.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MonthGrid</name>
    <message>
        <location filename="../../ui/widgets/month_grid.py" line="28"/>
        <source>Month overview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/month_grid.py" line="39"/>
        <source>{n} appointments in {month}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/month_grid.py" line="110"/>
        <source>+{n} more</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PaymentDialog</name>
    <message>
        <location filename="../../ui/dialogs/payment.py" line="92"/>
        <source>Refund</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/payment.py" line="93"/>
        <source>Refund to {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/payment.py" line="95"/>
        <location filename="../../ui/dialogs/payment.py" line="164"/>
        <source>Record payment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/payment.py" line="96"/>
        <source>Payment from {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/payment.py" line="105"/>
        <source>e.g. {example}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/payment.py" line="113"/>
        <source>Receipt or transfer reference (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/payment.py" line="117"/>
        <source>Towards the payment plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/payment.py" line="121"/>
        <source>&amp;Amount *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/payment.py" line="122"/>
        <source>&amp;How</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/payment.py" line="123"/>
        <source>&amp;Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/payment.py" line="124"/>
        <source>&amp;Reference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/payment.py" line="125"/>
        <source>&amp;Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/payment.py" line="164"/>
        <source>Record refund</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/payment.py" line="197"/>
        <source>Balance now: {amount}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/payment.py" line="199"/>
        <source>Credit held now: {amount}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/payment.py" line="201"/>
        <source>No balance at the moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/payment.py" line="205"/>
        <source>Up to {amount} can be refunded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/payment.py" line="209"/>
        <source>Nothing has been paid that could be refunded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/payment.py" line="218"/>
        <source>Next instalment: {amount} on {day}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/payment.py" line="237"/>
        <source>There is no balance now: it will be kept as credit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/payment.py" line="239"/>
        <source>{extra} more than the balance: it will be kept as credit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/payment.py" line="245"/>
        <source>Credit held after: {credit}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/payment.py" line="248"/>
        <source>Balance after: {amount}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/payment.py" line="250"/>
        <source>Credit held after: {amount}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/payment.py" line="251"/>
        <source>This settles the balance.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PaymentPlanDialog</name>
    <message>
        <location filename="../../ui/dialogs/money.py" line="409"/>
        <source>Payment plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/money.py" line="421"/>
        <source>The balance is {amount}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/money.py" line="423"/>
        <source>There is no balance to spread out at the moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/money.py" line="436"/>
        <source>Why it is stopping, e.g. agreed a new plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/money.py" line="437"/>
        <source>Why the plan in progress is stopping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/money.py" line="438"/>
        <source>Stop this plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/money.py" line="454"/>
        <source> instalments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/money.py" line="459"/>
        <source>Split evenly</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/money.py" line="466"/>
        <source>from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/money.py" line="473"/>
        <source>Due on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/money.py" line="473"/>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/money.py" line="484"/>
        <source>Add instalment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/money.py" line="487"/>
        <source>Remove selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/money.py" line="504"/>
        <source>e.g. Agreed after payday; by bank transfer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/money.py" line="506"/>
        <source>&amp;Total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/money.py" line="507"/>
        <source>&amp;Split into</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/money.py" line="508"/>
        <source>Instalments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/money.py" line="509"/>
        <source>&amp;Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/money.py" line="525"/>
        <source>A plan agreed on {day} is in progress: {paid} of {total} paid. Stop it (with a reason) before agreeing a new one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/money.py" line="559"/>
        <source>Instalment {n} due on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/money.py" line="606"/>
        <source>The total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/money.py" line="619"/>
        <source>{total} is too small to split into {n} instalments.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/money.py" line="640"/>
        <source>No instalments yet: choose how many and press “Split evenly”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/money.py" line="642"/>
        <source>⚠ Instalment {numbers}: type an amount such as 30.00.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/money.py" line="647"/>
        <source>Instalments come to {total}; the balance is {balance}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/money.py" line="655"/>
        <source>That is {over} more than the balance.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/money.py" line="660"/>
        <source>{rest} stays outside the plan.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PracticeTab</name>
    <message>
        <location filename="../../ui/screens/settings.py" line="141"/>
        <source>e.g. Riverside Counselling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="146"/>
        <source>e.g. 020 7946 0000</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="148"/>
        <source>name@example.org</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="150"/>
        <source>e.g. GBP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="153"/>
        <source>e.g. en_GB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="157"/>
        <location filename="../../ui/screens/settings.py" line="161"/>
        <source> minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="164"/>
        <source> hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="180"/>
        <source>Practice &amp;name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="181"/>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="182"/>
        <source>P&amp;hone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="183"/>
        <source>&amp;E-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="184"/>
        <source>&amp;Currency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="185"/>
        <source>&amp;Locale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="187"/>
        <source>Offer rescheduling when running late by more than</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="189"/>
        <source>Default session length</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="190"/>
        <source>Cancellation window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="193"/>
        <source>Three letters, as on an invoice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="194"/>
        <source>Language and country; sets how phone numbers are read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="196"/>
        <source>Cancelling with less notice than this counts as a late cancellation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="271"/>
        <source>✓ Saved.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PractitionerDialog</name>
    <message>
        <location filename="../../ui/screens/settings_practitioners.py" line="100"/>
        <source>Add a practitioner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_practitioners.py" line="102"/>
        <source>Edit {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_practitioners.py" line="105"/>
        <source>e.g. Dr Ada Example</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_practitioners.py" line="107"/>
        <source>name@example.org</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_practitioners.py" line="109"/>
        <source>e.g. 07700 900123 or +44 7700 900123</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_practitioners.py" line="110"/>
        <source>&amp;Name *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_practitioners.py" line="111"/>
        <source>&amp;E-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_practitioners.py" line="112"/>
        <source>P&amp;hone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_practitioners.py" line="113"/>
        <source>This is me: I use ClientCare on this computer</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PractitionerTableModel</name>
    <message>
        <location filename="../../ui/screens/settings_practitioners.py" line="55"/>
        <source>You</source>
        <extracomment>Practitioners appear on referrals (the co-worker directory) as well as in settings. The mark shown with the word &quot;You&quot; (never the colour or the mark alone).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_practitioners.py" line="57"/>
        <source>Archived</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PractitionersTab</name>
    <message>
        <location filename="../../ui/screens/settings_practitioners.py" line="167"/>
        <source>Everyone who works in the practice. Appointments and notes name them, and clients can be referred to them as co-workers. “You” is the person using ClientCare on this computer: Today opens on your day, and letters and the audit log carry your name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_practitioners.py" line="178"/>
        <source>Practitioners</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_practitioners.py" line="197"/>
        <source>Show archi&amp;ved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_practitioners.py" line="201"/>
        <source>A&amp;dd…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_practitioners.py" line="203"/>
        <source>&amp;Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_practitioners.py" line="205"/>
        <source>This is me</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_practitioners.py" line="208"/>
        <source>Mark the selected practitioner as you, on this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_practitioners.py" line="210"/>
        <location filename="../../ui/screens/settings_practitioners.py" line="313"/>
        <source>Arc&amp;hive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_practitioners.py" line="279"/>
        <source>No practitioners yet.

Press “Add…” and add yourself first (tick “This is me”), then your co-workers, so you can book their appointments and refer clients to them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_practitioners.py" line="285"/>
        <source>Everyone here is archived ({n}).

Tick “Show archived” to see and restore them, or press “Add…” to add someone who works here now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_practitioners.py" line="310"/>
        <source>Re&amp;store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_practitioners.py" line="311"/>
        <source>Offer this practitioner again everywhere</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_practitioners.py" line="316"/>
        <source>For someone who no longer works here: kept on past appointments, notes and referrals, no longer offered for new ones</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_practitioners.py" line="338"/>
        <source>✓ Saved {name}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_practitioners.py" line="377"/>
        <source>✓ {name} is now “you” on this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_practitioners.py" line="387"/>
        <source>✓ {name} is back: offered for appointments and referrals again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_practitioners.py" line="393"/>
        <source>✓ {name} is archived: kept on everything past, no longer offered. Tick “Show archived” to see or restore them.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PreSessionBriefDialog</name>
    <message>
        <location filename="../../ui/dialogs/brief.py" line="205"/>
        <source>Before the session — {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/brief.py" line="209"/>
        <source>Pre-session brief</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PrincipleDialog</name>
    <message>
        <location filename="../../ui/screens/settings.py" line="329"/>
        <source>Add a principle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="331"/>
        <source>Principle {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="334"/>
        <source>What to do, in one sentence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="339"/>
        <source>e.g. every session or call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="357"/>
        <source>&amp;Principle *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="358"/>
        <source>&amp;Why</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="359"/>
        <source>&amp;Applies when</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="360"/>
        <source>&amp;Requirement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="361"/>
        <source>R&amp;ule (JSON) *</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PrincipleTableModel</name>
    <message>
        <location filename="../../ui/screens/settings.py" line="293"/>
        <source>(retired)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PrinciplesTab</name>
    <message>
        <location filename="../../ui/screens/settings.py" line="440"/>
        <source>The principles the checklist offers after each contact. Retired ones stay, so past answers keep their meaning.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="470"/>
        <source>&amp;Add…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="472"/>
        <source>&amp;Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="474"/>
        <source>Move &amp;up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="476"/>
        <source>Move &amp;down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="478"/>
        <location filename="../../ui/screens/settings.py" line="547"/>
        <source>&amp;Retire</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="544"/>
        <source>&amp;Restore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="545"/>
        <source>Offer this principle in the checklist again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="549"/>
        <source>Stop offering this principle; past answers keep it</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PrintActions</name>
    <message>
        <location filename="../../ui/widgets/print_actions.py" line="48"/>
        <source>Pre&amp;view…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/print_actions.py" line="50"/>
        <source>&amp;Print…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/print_actions.py" line="52"/>
        <source>Save as P&amp;DF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/print_actions.py" line="77"/>
        <source>Save as PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/print_actions.py" line="77"/>
        <source>PDF (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/print_actions.py" line="107"/>
        <source>✓ Sent to the printer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/print_actions.py" line="123"/>
        <source>The PDF was not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/print_actions.py" line="124"/>
        <source>ClientCare could not write to the folder {folder}: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/print_actions.py" line="131"/>
        <source>1 page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/print_actions.py" line="131"/>
        <source>{n} pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/print_actions.py" line="133"/>
        <source>✓ Saved {name} ({pages}) in {folder}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PrintSummaryDialog</name>
    <message>
        <location filename="../../ui/dialogs/print_summary.py" line="75"/>
        <source>Print session summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/print_summary.py" line="85"/>
        <source>{kind} with {name}, {when}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/print_summary.py" line="95"/>
        <source>For the &amp;file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/print_summary.py" line="97"/>
        <source>For the &amp;client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/print_summary.py" line="105"/>
        <source>Everything: notes, the client&apos;s words, next steps, the checklist answers and your notes for you only. Confidential.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/print_summary.py" line="113"/>
        <source>In plain words: what they told you, the next steps you agreed, expectations, the next appointment and how to reach you. Never your session notes, never your notes for you only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/print_summary.py" line="119"/>
        <source>Include their account balance on this copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/print_summary.py" line="122"/>
        <source>Which summary?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/print_summary.py" line="135"/>
        <source>This record is still a draft; the copy for the file says so.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/print_summary.py" line="139"/>
        <source>Choose which summary to print.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/print_summary.py" line="148"/>
        <source>Pre&amp;view…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/print_summary.py" line="150"/>
        <source>&amp;Print…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/print_summary.py" line="152"/>
        <source>Save as P&amp;DF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/print_summary.py" line="154"/>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/print_summary.py" line="183"/>
        <source>Save the summary as PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/print_summary.py" line="183"/>
        <source>PDF (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/print_summary.py" line="256"/>
        <source>✓ Sent to the printer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/print_summary.py" line="271"/>
        <source>The PDF was not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/print_summary.py" line="272"/>
        <source>ClientCare could not write to the folder {folder}: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/print_summary.py" line="280"/>
        <source>✓ Saved {name} ({pages} pages) in {folder}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/print_summary.py" line="284"/>
        <source>✓ Saved {name} (1 page) in {folder}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PrintoutsTab</name>
    <message>
        <location filename="../../ui/screens/settings_printouts.py" line="70"/>
        <source>Printouts are made from templates. To change one, choose it and press &lt;b&gt;Customise&lt;/b&gt;: a copy goes into your templates folder, where any text editor can change it. Names and notes are always printed as written, never as markup. If your copy has an error, the default is printed and the print dialog names the line.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_printouts.py" line="82"/>
        <source>Printout templates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_printouts.py" line="102"/>
        <source>&amp;Customise</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_printouts.py" line="104"/>
        <source>Copy the default into your templates folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_printouts.py" line="105"/>
        <source>&amp;Open templates folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_printouts.py" line="107"/>
        <source>&amp;Reset to default…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_printouts.py" line="151"/>
        <source>Your templates folder: {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_printouts.py" line="186"/>
        <source>⚠ The copy could not be made in {folder}: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_printouts.py" line="193"/>
        <source>✓ {name} is now yours to edit: {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_printouts.py" line="201"/>
        <source>⚠ The templates folder could not be made: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_printouts.py" line="208"/>
        <source>⚠ No file manager opened; the folder is {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_printouts.py" line="216"/>
        <source>Go back to the default {name}? Your copy is kept beside it as {name}.bak.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_printouts.py" line="218"/>
        <source>Reset to default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_printouts.py" line="224"/>
        <source>⚠ {name} could not be reset: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_printouts.py" line="231"/>
        <source>✓ {name} is the default again; your copy was kept as {backup}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProviderForm</name>
    <message>
        <location filename="../../ui/dialogs/provider.py" line="66"/>
        <source>e.g. Harbour Physiotherapy, or a person&apos;s name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/provider.py" line="68"/>
        <source>e.g. Couples counselling, eating disorders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/provider.py" line="69"/>
        <source>Accepting new clients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/provider.py" line="71"/>
        <source>e.g. 01632 960123 or +44 1632 960123</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/provider.py" line="73"/>
        <source>name@example.org</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/provider.py" line="80"/>
        <source>How to refer, waiting times, fees, who to ask for…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/provider.py" line="83"/>
        <source>&amp;Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/provider.py" line="84"/>
        <source>&amp;Co-worker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/provider.py" line="85"/>
        <source>&amp;Name *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/provider.py" line="86"/>
        <source>&amp;Specialty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/provider.py" line="88"/>
        <source>P&amp;hone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/provider.py" line="89"/>
        <source>&amp;E-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/provider.py" line="90"/>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/provider.py" line="91"/>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/provider.py" line="120"/>
        <location filename="../../ui/dialogs/provider.py" line="271"/>
        <source>Add anyway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/provider.py" line="122"/>
        <source>It is a different provider with a similar name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/provider.py" line="125"/>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/provider.py" line="129"/>
        <location filename="../../ui/dialogs/provider.py" line="214"/>
        <source>Archive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/provider.py" line="132"/>
        <source>Keep it on past referrals but stop offering it for new ones</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/provider.py" line="135"/>
        <source>Delete…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/provider.py" line="167"/>
        <source>(choose)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/provider.py" line="176"/>
        <source>{name} (archived)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/provider.py" line="190"/>
        <source>New provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/provider.py" line="192"/>
        <source>Someone a client may be referred to: an external provider or a co-worker.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/provider.py" line="199"/>
        <source>Archived — kept on past referrals, not offered for new ones. </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/provider.py" line="204"/>
        <source>Named in {n} referrals ({open} open).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/provider.py" line="208"/>
        <source>No referrals yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/provider.py" line="214"/>
        <source>Restore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/provider.py" line="271"/>
        <source>Save anyway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/provider.py" line="321"/>
        <source>Delete provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/provider.py" line="322"/>
        <source>Delete {name} from the directory?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QDialog</name>
    <message>
        <location filename="../../ui/dialogs/passphrase.py" line="163"/>
        <source>This backup is locked with a passphrase</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReceiptDialog</name>
    <message>
        <location filename="../../ui/dialogs/statement.py" line="182"/>
        <source>Receipt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/statement.py" line="192"/>
        <source>Receipt {number} for {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/statement.py" line="199"/>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReferralDialog</name>
    <message>
        <location filename="../../ui/dialogs/referral.py" line="98"/>
        <source>Referral</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/referral.py" line="98"/>
        <source>New referral</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/referral.py" line="102"/>
        <source>(choose a client)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/referral.py" line="116"/>
        <source>(choose from the directory)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/referral.py" line="129"/>
        <source> (co-worker)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/referral.py" line="147"/>
        <source>Why this provider may be a better fit, in a sentence or two</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/referral.py" line="157"/>
        <source>The day to ask the client whether they connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/referral.py" line="161"/>
        <source>The client agreed their details may be shared, on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/referral.py" line="172"/>
        <source>Refer to someone who may be a better fit (principle 7)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/referral.py" line="174"/>
        <source>Referral of {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/referral.py" line="181"/>
        <source>Made during a contact note: principle 7 applies to that contact.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/referral.py" line="184"/>
        <source>Linked to the contact note you are writing: its checklist will ask about principle 7.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/referral.py" line="190"/>
        <source>&amp;Client *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/referral.py" line="191"/>
        <source>Refer &amp;to *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/referral.py" line="195"/>
        <source>&amp;Reason *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/referral.py" line="196"/>
        <source>&amp;Urgency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/referral.py" line="197"/>
        <source>Referred &amp;on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/referral.py" line="198"/>
        <source>&amp;Follow up on *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/referral.py" line="199"/>
        <source>Consent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/referral.py" line="203"/>
        <source>Save referral</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReferralsPanel</name>
    <message>
        <location filename="../../ui/screens/referrals.py" line="89"/>
        <source>Search client, provider or reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/referrals.py" line="91"/>
        <source>Search referrals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/referrals.py" line="94"/>
        <source>Show referrals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/referrals.py" line="95"/>
        <source>Open referrals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/referrals.py" line="96"/>
        <source>All referrals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/referrals.py" line="97"/>
        <source>&amp;New referral…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/referrals.py" line="105"/>
        <source>Referrals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/referrals.py" line="124"/>
        <source>Details…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/referrals.py" line="126"/>
        <source>Mark introduced / hand-off…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/referrals.py" line="128"/>
        <source>Record follow-up…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/referrals.py" line="130"/>
        <source>Mark accepted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/referrals.py" line="132"/>
        <source>The provider has taken the client on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/referrals.py" line="133"/>
        <source>Mark declined</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/referrals.py" line="135"/>
        <source>The client or the provider is not going ahead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/referrals.py" line="136"/>
        <source>Mark completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/referrals.py" line="138"/>
        <source>Introduction letter…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/referrals.py" line="141"/>
        <source>A printable introduction with only the details you tick (needs consent)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/referrals.py" line="212"/>
        <source>1 follow-up is due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/referrals.py" line="214"/>
        <source>{n} follow-ups are due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/referrals.py" line="217"/>
        <source> ({n} overdue)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/referrals.py" line="219"/>
        <source>: ask whether they connected, and record the answer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/referrals.py" line="224"/>
        <source>No referral matches “{text}”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/referrals.py" line="227"/>
        <source>No open referrals. When someone else may be a better fit for a client, click “New referral…” — or “Refer…” in a contact note.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/referrals.py" line="234"/>
        <source>1 referral</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/referrals.py" line="236"/>
        <source>{n} referrals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/referrals.py" line="282"/>
        <source>Choose a referral to see it here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/referrals.py" line="309"/>
        <source>&lt;b&gt;{client}&lt;/b&gt; → &lt;b&gt;{provider}&lt;/b&gt; · {status} · {urgency}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/referrals.py" line="318"/>
        <source>Warm hand-off: {text}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/referrals.py" line="320"/>
        <source>No warm hand-off recorded yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/referrals.py" line="324"/>
        <source>&lt;b&gt;Follow-up due today&lt;/b&gt;: ask whether they connected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/referrals.py" line="327"/>
        <source>&lt;b&gt;Follow-up overdue&lt;/b&gt; since {day}: ask whether they connected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/referrals.py" line="332"/>
        <source>Follow up on {day}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/referrals.py" line="334"/>
        <source>connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/referrals.py" line="334"/>
        <source>not connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/referrals.py" line="337"/>
        <source>Asked on {day}: {said}{answer}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/referrals.py" line="344"/>
        <source>Referred on {day}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/referrals.py" line="347"/>
        <source>Consent to share recorded on {day}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReferralsScreen</name>
    <message>
        <location filename="../../ui/screens/referrals.py" line="579"/>
        <source>Referrals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/referrals.py" line="580"/>
        <source>Provider directory</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReportModel</name>
    <message>
        <location filename="../../ui/dialogs/csv_import.py" line="101"/>
        <source>Refused</source>
        <extracomment>What the preview shows, in this order, when the column is mapped.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/csv_import.py" line="102"/>
        <source>Ready — check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/csv_import.py" line="102"/>
        <source>Ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/csv_import.py" line="117"/>
        <source>(no name)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReportsScreen</name>
    <message>
        <location filename="../../ui/screens/reports.py" line="36"/>
        <source>Service principles: done when they applied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports.py" line="42"/>
        <source>For finalised contacts in the period: how often each principle applied and was done. “Does not apply” answers are left out of the rate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports.py" line="54"/>
        <source>Report from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports.py" line="55"/>
        <source>Report to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports.py" line="57"/>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports.py" line="59"/>
        <source>to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports.py" line="73"/>
        <source>Running late</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports.py" line="80"/>
        <source>Practitioners</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports.py" line="80"/>
        <source>Clients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports.py" line="128"/>
        <source>No contact was finalised between {first} and {last}.

This report fills in as you finalise sessions and calls: open one from Today or a client&apos;s page, answer its checklist, and press Finalise.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports.py" line="148"/>
        <location filename="../../ui/screens/reports.py" line="169"/>
        <source>Referral sources</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports.py" line="175"/>
        <source>No client in this period has a referral source recorded. Record who referred a client on their page, under “Referred by”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports.py" line="191"/>
        <source>Practitioners ran late {n}× (avg {avg} min).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports.py" line="197"/>
        <source>Practitioners did not run late.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports.py" line="200"/>
        <source>Clients arrived late {n}× (avg {avg} min).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports.py" line="206"/>
        <source>Clients did not arrive late.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports.py" line="210"/>
        <source>Rescheduling offered when required: {rate} % ({made} of {required})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports.py" line="219"/>
        <source>Rescheduling offered when required: no notice in the period needed it</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ResolveIssueDialog</name>
    <message>
        <location filename="../../ui/dialogs/followups.py" line="299"/>
        <source>Resolve issue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/followups.py" line="301"/>
        <source>How it was resolved, and what the client said</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/followups.py" line="303"/>
        <source>&amp;How was it resolved? *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/followups.py" line="304"/>
        <source>Resolved &amp;on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/followups.py" line="305"/>
        <source>Mark resolved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/followups.py" line="308"/>
        <source>{client}: {title}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <location filename="../../ui/dialogs/restore.py" line="73"/>
        <source>Restore a backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/restore.py" line="76"/>
        <source>Restore the backup from {when}?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/restore.py" line="86"/>
        <source>Now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/restore.py" line="87"/>
        <source>In the backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/restore.py" line="89"/>
        <source>Practice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/restore.py" line="90"/>
        <source>Clients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/restore.py" line="91"/>
        <source>Appointments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/restore.py" line="93"/>
        <source>Contacts and session notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/restore.py" line="98"/>
        <source>Newest entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/restore.py" line="115"/>
        <source>Everything in ClientCare will be replaced by this backup: anything entered after {when} is not in it. The database as it is now is kept first, in {folder}, so you can go back to it (File → Restore…).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/restore.py" line="134"/>
        <source>This backup was made by an earlier version of ClientCare; it is brought up to date when it is opened (a copy is kept first).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/restore.py" line="145"/>
        <source>&amp;Restore</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReviewExpectationDialog</name>
    <message>
        <location filename="../../ui/dialogs/followups.py" line="386"/>
        <source>Review an expectation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/followups.py" line="392"/>
        <source>Met</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/followups.py" line="393"/>
        <source>Not met</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/followups.py" line="394"/>
        <source>Changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/followups.py" line="405"/>
        <source>What you talked about; if it changed, what you agreed instead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/followups.py" line="409"/>
        <source>“{text}”
Set by {who} on {day}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/followups.py" line="417"/>
        <source>&amp;Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/followups.py" line="418"/>
        <source>&amp;Conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/followups.py" line="419"/>
        <source>Reviewed &amp;on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/followups.py" line="420"/>
        <source>Save review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/followups.py" line="422"/>
        <source>Review with {name}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RunningLateDialog</name>
    <message>
        <location filename="../../ui/dialogs/running_late.py" line="114"/>
        <source>I&apos;m running late</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/running_late.py" line="129"/>
        <source>{name} — {day} {start}–{end} with {practitioner}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/running_late.py" line="143"/>
        <source>Minutes late</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/running_late.py" line="146"/>
        <source> min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/running_late.py" line="149"/>
        <source>Also for my later appointments today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/running_late.py" line="153"/>
        <source>How late each appointment today will be</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/running_late.py" line="160"/>
        <source>Message to the client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/running_late.py" line="170"/>
        <source>This message offers rescheduling (required past {n} minutes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/running_late.py" line="176"/>
        <source>Re-draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/running_late.py" line="178"/>
        <source>Replace the text with a fresh draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/running_late.py" line="182"/>
        <source>How the client is told</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/running_late.py" line="185"/>
        <source>Copy message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/running_late.py" line="187"/>
        <source>Open in e-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/running_late.py" line="189"/>
        <source>Open in SMS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/running_late.py" line="191"/>
        <source>Record as sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/running_late.py" line="200"/>
        <source>&amp;How late will you be?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/running_late.py" line="208"/>
        <source>&amp;Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/running_late.py" line="219"/>
        <source>&amp;Told by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/running_late.py" line="251"/>
        <source>No e-mail address on file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/running_late.py" line="253"/>
        <source>No phone number on file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/running_late.py" line="259"/>
        <source>The client chose:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/running_late.py" line="260"/>
        <source>Wait</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/running_late.py" line="262"/>
        <source>Reschedule…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/running_late.py" line="264"/>
        <location filename="../../ui/dialogs/running_late.py" line="513"/>
        <source>Cancel without fee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/running_late.py" line="271"/>
        <source>Free times to reschedule to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/running_late.py" line="273"/>
        <source>Reschedule to this time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/running_late.py" line="360"/>
        <source>The message was drafted again: at {n} minutes the reschedule offer is {what}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/running_late.py" line="363"/>
        <source>required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/running_late.py" line="363"/>
        <source>not required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/running_late.py" line="401"/>
        <source>{n} min late</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/running_late.py" line="401"/>
        <source>on time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/running_late.py" line="423"/>
        <source>Running late for your {time} appointment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/running_late.py" line="488"/>
        <source>Recorded at {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/running_late.py" line="502"/>
        <source>Recorded: {label}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/running_late.py" line="514"/>
        <source>Cancel {name}&apos;s appointment without a fee?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/running_late.py" line="544"/>
        <source>No free time found in the next weeks.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/running_late.py" line="556"/>
        <source>Reschedule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/running_late.py" line="557"/>
        <source>Move {name}&apos;s appointment to {when}?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/running_late.py" line="574"/>
        <source>New time: {when}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SecurityTab</name>
    <message>
        <location filename="../../ui/screens/settings_security.py" line="71"/>
        <source>Lock when you step away</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_security.py" line="75"/>
        <source> min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_security.py" line="76"/>
        <source>Never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_security.py" line="78"/>
        <source>Lock after minutes without use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_security.py" line="83"/>
        <location filename="../../ui/screens/settings_security.py" line="101"/>
        <source>New PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_security.py" line="84"/>
        <source>The same PIN again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_security.py" line="87"/>
        <location filename="../../ui/screens/settings_security.py" line="421"/>
        <source>&amp;Set PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_security.py" line="89"/>
        <source>Remove PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_security.py" line="91"/>
        <source>&amp;Lock now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_security.py" line="98"/>
        <source>Lock ClientCare after</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_security.py" line="99"/>
        <source>minutes without use (Never: only when you lock it).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_security.py" line="100"/>
        <source>PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_security.py" line="102"/>
        <source>Repeat it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_security.py" line="116"/>
        <source>The lock hides client details behind a curtain, and blocks printing and exporting, until the PIN is entered. It protects the open window, not the file: the database is readable by your user account only. The PIN is kept on this computer for you alone, only as a salted hash.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_security.py" line="137"/>
        <source>Encrypt the database file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_security.py" line="141"/>
        <source>Encrypt with a passphrase…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_security.py" line="143"/>
        <source>Change passphrase…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_security.py" line="145"/>
        <source>Remove encryption…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_security.py" line="173"/>
        <source>Where the practice&apos;s data lives</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_security.py" line="178"/>
        <source>Use a shared practice server…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_security.py" line="180"/>
        <source>Use the database on this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_security.py" line="202"/>
        <source>This window uses the database file on this computer: {path}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_security.py" line="206"/>
        <source>This window uses the practice server {server}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_security.py" line="212"/>
        <source>ClientCare starts on the practice server {server}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_security.py" line="214"/>
        <source>ClientCare starts on the database file on this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_security.py" line="238"/>
        <source> To copy this computer&apos;s practice onto it first (the server&apos;s database must be empty), close ClientCare and run: clientcare migrate-db --from {file} --to {server}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_security.py" line="247"/>
        <source>The server answered. ClientCare opens it the next time it starts; this window stays on the database it has open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_security.py" line="259"/>
        <source>ClientCare opens the database file on this computer the next time it starts. Nothing on the server was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_security.py" line="282"/>
        <source>Encryption is for a database file on this computer; a database on a server is protected by the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_security.py" line="287"/>
        <source>The database file and its backups are encrypted with a passphrase (SQLCipher). ClientCare asks for it when it starts, and the idle lock unlocks with it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_security.py" line="293"/>
        <source>The database file is not encrypted: anyone who can read your files (or a stolen disk) can read it. Encrypt it with a passphrase only you know.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_security.py" line="338"/>
        <source>ClientCare could not reopen the database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_security.py" line="345"/>
        <source>⚠ Nothing was changed: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_security.py" line="349"/>
        <source>✓ The database is encrypted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_security.py" line="350"/>
        <source>✓ The passphrase is changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_security.py" line="351"/>
        <source>✓ The database is no longer encrypted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_security.py" line="354"/>
        <source>The database as it was is kept at {path}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_security.py" line="368"/>
        <source>Encrypt the older backups too?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_security.py" line="370"/>
        <source>{n} backups in {folder} were made before the database was encrypted, and anyone who can read your files can read them. Encrypt them with the same passphrase now?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_security.py" line="383"/>
        <source>⚠ The older backups could not all be encrypted: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_security.py" line="391"/>
        <source>Older backups encrypted too: {n}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_security.py" line="408"/>
        <source>No PIN needed: the database is encrypted, so the lock asks for its passphrase.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_security.py" line="411"/>
        <source>No PIN yet. Set one to turn the lock on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_security.py" line="413"/>
        <source>A PIN is set. ClientCare locks only when you press Lock now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_security.py" line="415"/>
        <source>A PIN is set. ClientCare locks after {n} minutes without use.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_security.py" line="421"/>
        <source>&amp;Change PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_security.py" line="428"/>
        <source>⚠ The setting could not be saved: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_security.py" line="437"/>
        <source>✓ Saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_security.py" line="452"/>
        <source>✓ The PIN is set.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_security.py" line="456"/>
        <source>✓ The PIN is removed; ClientCare will not lock itself.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ServerChoiceDialog</name>
    <message>
        <location filename="../../ui/dialogs/server.py" line="95"/>
        <source>Use a shared practice server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/server.py" line="98"/>
        <source>A group practice can keep one database on a PostgreSQL server it already runs, so every practitioner sees the same clients, calendar and money. Ask the server&apos;s administrator for these four things. ClientCare never stores your password: it reads ~/.pgpass, or asks for it when it starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/server.py" line="107"/>
        <source>e.g. db.practice.lan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/server.py" line="112"/>
        <source>&amp;Server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/server.py" line="113"/>
        <source>&amp;Port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/server.py" line="114"/>
        <source>&amp;Database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/server.py" line="115"/>
        <source>&amp;User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/server.py" line="116"/>
        <source>&amp;Connect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/server.py" line="143"/>
        <source>Not connected, so nothing was changed. Check the details.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ServiceDialog</name>
    <message>
        <location filename="../../ui/screens/settings_money.py" line="208"/>
        <source>Add a service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_money.py" line="208"/>
        <source>Service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_money.py" line="212"/>
        <source>e.g. Individual session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_money.py" line="214"/>
        <source>e.g. 60.00</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_money.py" line="218"/>
        <source> min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_money.py" line="221"/>
        <source>Offered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_money.py" line="223"/>
        <source>&amp;Name *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_money.py" line="224"/>
        <source>Standard &amp;fee *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_money.py" line="225"/>
        <source>&amp;Length</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_money.py" line="230"/>
        <source>Past charges keep their amounts when the fee changes.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ServiceModel</name>
    <message>
        <location filename="../../ui/screens/settings_money.py" line="111"/>
        <source>{n} min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_money.py" line="112"/>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_money.py" line="112"/>
        <source>No longer offered</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SetPassphraseDialog</name>
    <message>
        <location filename="../../ui/dialogs/passphrase.py" line="199"/>
        <source>Encrypt the database with a passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/passphrase.py" line="200"/>
        <source>Change the database passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/passphrase.py" line="201"/>
        <source>Remove the database encryption</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/passphrase.py" line="205"/>
        <source>The database file, and every backup ClientCare makes from now on, will be unreadable without this passphrase. ClientCare asks for it when it starts. There is no way to recover a forgotten passphrase: write it down and keep it somewhere safe.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/passphrase.py" line="211"/>
        <source>A backup is taken first; it still opens with the current passphrase. There is no way to recover a forgotten passphrase.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/passphrase.py" line="215"/>
        <source>The database file will be readable by anyone who can read your files. A backup is taken first; it stays encrypted with the current passphrase.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/passphrase.py" line="228"/>
        <location filename="../../ui/dialogs/passphrase.py" line="230"/>
        <source>Current passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/passphrase.py" line="236"/>
        <location filename="../../ui/dialogs/passphrase.py" line="240"/>
        <source>New passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/passphrase.py" line="237"/>
        <source>The same again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/passphrase.py" line="241"/>
        <source>Repeat it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/passphrase.py" line="245"/>
        <source>&amp;Encrypt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/passphrase.py" line="246"/>
        <source>C&amp;hange passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/passphrase.py" line="247"/>
        <source>&amp;Remove encryption</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/passphrase.py" line="269"/>
        <source>That is not the current passphrase.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsScreen</name>
    <message>
        <location filename="../../ui/screens/settings.py" line="1016"/>
        <source>&amp;Practice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="1020"/>
        <source>Pr&amp;actitioners</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="1021"/>
        <source>P&amp;rinciples</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="1022"/>
        <source>&amp;Words</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="1023"/>
        <source>&amp;Messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="1027"/>
        <source>M&amp;oney</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="1031"/>
        <source>Pr&amp;intouts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="1035"/>
        <source>Sec&amp;urity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="1039"/>
        <source>Audi&amp;t log</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../../ui/dialogs/help.py" line="78"/>
        <location filename="../../ui/dialogs/help.py" line="83"/>
        <source>Keyboard shortcuts</source>
        <extracomment>Shortcuts that belong to one screen or dialog rather than to a menu: (where, keys, what).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/help.py" line="85"/>
        <source>Where</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/help.py" line="85"/>
        <source>Keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/help.py" line="85"/>
        <source>What it does</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SnoozeDialog</name>
    <message>
        <location filename="../../ui/dialogs/followups.py" line="705"/>
        <source>Snooze check-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/followups.py" line="707"/>
        <source>Remind me &amp;on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/followups.py" line="708"/>
        <source>Snooze</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/followups.py" line="710"/>
        <source>Check in with {name} later</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SourceDialog</name>
    <message>
        <location filename="../../ui/dialogs/referral.py" line="454"/>
        <source>Referred by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/referral.py" line="456"/>
        <source>Who referred {name} to the practice?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/referral.py" line="461"/>
        <source>(choose a client)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/referral.py" line="466"/>
        <source>(choose from the directory)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/referral.py" line="471"/>
        <source>e.g. Enquiry form, saw a leaflet in the library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/referral.py" line="473"/>
        <source>&amp;Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/referral.py" line="474"/>
        <source>&amp;Client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/referral.py" line="475"/>
        <source>&amp;Provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/referral.py" line="476"/>
        <source>&amp;Detail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/referral.py" line="477"/>
        <source>Referred &amp;on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/referral.py" line="480"/>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/referral.py" line="483"/>
        <source>Forget the source (recorded by mistake)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StatementDialog</name>
    <message>
        <location filename="../../ui/dialogs/statement.py" line="71"/>
        <source>Statement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/statement.py" line="75"/>
        <source>Statement for {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/statement.py" line="95"/>
        <source>to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/statement.py" line="99"/>
        <source>&amp;Period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/statement.py" line="100"/>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/statement.py" line="104"/>
        <source>The statement lists charges and payments with the balance, in neutral words; forgiven fees show as no charge, without your reasons.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/statement.py" line="115"/>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/statement.py" line="154"/>
        <source>The period ends before it starts; choose a later end date.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TierDialog</name>
    <message>
        <location filename="../../ui/screens/settings_money.py" line="249"/>
        <source>Add a sliding-scale tier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_money.py" line="249"/>
        <source>Tier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_money.py" line="253"/>
        <source>e.g. Tier B</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_money.py" line="255"/>
        <source>e.g. 45.00</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_money.py" line="261"/>
        <source>Optional, e.g. students, or household income under £25,000</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_money.py" line="263"/>
        <source>Offered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_money.py" line="265"/>
        <source>&amp;Name *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_money.py" line="266"/>
        <source>&amp;Fee *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_money.py" line="267"/>
        <source>&amp;Criteria</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_money.py" line="272"/>
        <source>Clients on this tier pay the new fee from now on.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TierModel</name>
    <message>
        <location filename="../../ui/screens/settings_money.py" line="124"/>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_money.py" line="124"/>
        <source>No longer offered</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TimeGrid</name>
    <message>
        <location filename="../../ui/widgets/time_grid.py" line="69"/>
        <source>Appointments grid</source>
        <extracomment>Status colours (Okabe–Ito, from ui.theme); every status is also written in the block with its mark, and cancelled ones are struck through: never colour alone.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/time_grid.py" line="106"/>
        <source>No appointments</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ToChargeModel</name>
    <message>
        <location filename="../../ui/models/money.py" line="182"/>
        <source>no fee set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/models/money.py" line="186"/>
        <source>Forgiven: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TodayScreen</name>
    <message>
        <location filename="../../ui/screens/today.py" line="169"/>
        <source>Show the day of</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/today.py" line="171"/>
        <source>I&apos;m running late…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/today.py" line="186"/>
        <source>Today&apos;s appointments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/today.py" line="208"/>
        <source>No appointments today.

To book one, open the Calendar (Ctrl+2) and double-click a free time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/today.py" line="234"/>
        <source>Print day sheet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/today.py" line="236"/>
        <source>Today&apos;s appointments on paper (Ctrl+P)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/today.py" line="293"/>
        <source>The day of</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/today.py" line="296"/>
        <source>The day of {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/today.py" line="300"/>
        <source>No practitioner is set up yet; the Calendar asks your name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/today.py" line="310"/>
        <source>Today — {day}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/today.py" line="352"/>
        <source>Nothing left today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/today.py" line="353"/>
        <source>Nothing left today.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/today.py" line="357"/>
        <source>Tell {name} you are running late (Ctrl+L)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/today.py" line="362"/>
        <source>Now: {time} with {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/today.py" line="364"/>
        <source>Next: {time} with {name}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UnlockDatabaseDialog</name>
    <message>
        <location filename="../../ui/dialogs/passphrase.py" line="67"/>
        <source>ClientCare — passphrase</source>
        <extracomment>Tries at start-up before ClientCare closes.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/passphrase.py" line="75"/>
        <source>This practice&apos;s database is locked with a passphrase</source>
        <extracomment>True when every try was wrong (the caller says so and quits).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/passphrase.py" line="78"/>
        <source>Type its passphrase to open {where}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/passphrase.py" line="81"/>
        <location filename="../../ui/dialogs/passphrase.py" line="82"/>
        <source>Passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/passphrase.py" line="86"/>
        <source>&amp;Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/passphrase.py" line="90"/>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/passphrase.py" line="119"/>
        <source>The passphrase you typed doesn&apos;t open it; check Caps Lock and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/passphrase.py" line="121"/>
        <source>Type the passphrase first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/passphrase.py" line="125"/>
        <source>One try left.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/passphrase.py" line="127"/>
        <source>{n} tries left.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WaitlistDialog</name>
    <message>
        <location filename="../../ui/widgets/waitlist_panel.py" line="85"/>
        <source>Add to the waitlist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/waitlist_panel.py" line="93"/>
        <source>Any practitioner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/waitlist_panel.py" line="107"/>
        <source>Any time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/waitlist_panel.py" line="121"/>
        <source>from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/waitlist_panel.py" line="123"/>
        <source>to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/waitlist_panel.py" line="126"/>
        <source>Urgent — offer freed slots to them first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/waitlist_panel.py" line="136"/>
        <source>Client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/waitlist_panel.py" line="137"/>
        <source>With</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/waitlist_panel.py" line="138"/>
        <source>Days (none = any)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/waitlist_panel.py" line="139"/>
        <source>Times</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/waitlist_panel.py" line="141"/>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/waitlist_panel.py" line="174"/>
        <source>Choose a client from the list.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WaitlistModel</name>
    <message>
        <location filename="../../ui/widgets/waitlist_panel.py" line="65"/>
        <source>urgent</source>
        <extracomment>A Monday: its week gives the weekday names in the practice&apos;s locale.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/waitlist_panel.py" line="74"/>
        <source>{n} days</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WaitlistPanel</name>
    <message>
        <location filename="../../ui/widgets/waitlist_panel.py" line="195"/>
        <location filename="../../ui/widgets/waitlist_panel.py" line="209"/>
        <location filename="../../ui/widgets/waitlist_panel.py" line="279"/>
        <source>Waitlist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/waitlist_panel.py" line="214"/>
        <source>Nobody is waiting.

The waitlist keeps the clients who asked for a time you cannot offer yet. When an appointment is cancelled, ClientCare offers the freed time to the ones it suits, urgent first.

To add someone, press “Add…” below.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/waitlist_panel.py" line="230"/>
        <source>Add…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/waitlist_panel.py" line="232"/>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WaiveDialog</name>
    <message>
        <location filename="../../ui/dialogs/money.py" line="281"/>
        <source>Waive a charge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/money.py" line="292"/>
        <location filename="../../ui/dialogs/money.py" line="334"/>
        <source>Waive “{what}”?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/money.py" line="296"/>
        <source>e.g. Bereavement — agreed at the session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/money.py" line="299"/>
        <source>&amp;Reason *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/money.py" line="301"/>
        <source>The charge stays in the ledger, marked waived with this reason.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/money.py" line="303"/>
        <source>Waive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/money.py" line="328"/>
        <source>“{what}” is already waived.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/money.py" line="339"/>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WordListBox</name>
    <message>
        <location filename="../../ui/screens/settings.py" line="645"/>
        <source>Word or phrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="646"/>
        <source>New word for {title}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="649"/>
        <source>Suggestion (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="650"/>
        <source>Suggestion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="651"/>
        <source>Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="653"/>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="696"/>
        <source>No pet names in this list. The language check points out the ones listed here (“honey”, “dear”…), so each client is called by their own name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="701"/>
        <source>No money words in this list. The language check points out the ones listed here (“delinquent”, “you owe”…), so money is talked about without shame.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="705"/>
        <source>To add one, type the word or phrase below, with a suggestion if you like, and click Add.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WordsTab</name>
    <message>
        <location filename="../../ui/screens/settings.py" line="761"/>
        <source>Words the language check points out in notes and messages, with a neutral suggestion. Whole words only; capitals do not matter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="766"/>
        <source>Pet names</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="767"/>
        <source>Money words</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>_RowsSection</name>
    <message>
        <location filename="../../ui/screens/settings_money.py" line="426"/>
        <source>Add…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_money.py" line="428"/>
        <source>Edit…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>_WelcomePage</name>
    <message>
        <location filename="../../ui/dialogs/first_run.py" line="65"/>
        <source>Welcome to ClientCare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/first_run.py" line="68"/>
        <source>Your clients, appointments, session notes and money, in one database: on this computer, or on your practice&apos;s shared server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/first_run.py" line="73"/>
        <source>&amp;Set up my practice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/first_run.py" line="74"/>
        <source>About a minute: the practice&apos;s name, yours, money and your working day.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/first_run.py" line="81"/>
        <source>A separate database with made-up clients and a year of appointments. Your own practice stays empty, and this is offered again the next time you start ClientCare.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/first_run.py" line="88"/>
        <source>Use our practice&apos;s shared se&amp;rver (PostgreSQL)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/first_run.py" line="90"/>
        <source>For a group practice whose database is already on a server: the server&apos;s administrator gives you its address, the database and your user name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/first_run.py" line="79"/>
        <source>&amp;Look around the demo practice first (fictional clients)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../../ui/app.py" line="73"/>
        <source>ClientCare is already open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="80"/>
        <source>ClientCare cannot open the database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="150"/>
        <source>The daily backup could not be written: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="156"/>
        <source>Daily backup saved to {path}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>dialog</name>
    <message>
        <location filename="../../ui/dialogs/passphrase.py" line="148"/>
        <source>ClientCare is closing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/passphrase.py" line="150"/>
        <source>The passphrase was not right {n} times, so ClientCare closes now. Nothing was changed. Start ClientCare again to try once more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/passphrase.py" line="165"/>
        <source>Restore — passphrase of the backup</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>followups</name>
    <message>
        <location filename="../../ui/dialogs/followups.py" line="138"/>
        <source>(choose a client)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>labels</name>
    <message>
        <location filename="../../ui/dialogs/running_late.py" line="50"/>
        <location filename="../../ui/label_strings.py" line="11"/>
        <source>In person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/label_strings.py" line="12"/>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/label_strings.py" line="13"/>
        <source>Video</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/label_strings.py" line="15"/>
        <source>Scheduled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/label_strings.py" line="16"/>
        <source>Arrived</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/label_strings.py" line="17"/>
        <source>Completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/label_strings.py" line="18"/>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/label_strings.py" line="19"/>
        <source>Late-cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/label_strings.py" line="20"/>
        <source>No-show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/label_strings.py" line="21"/>
        <source>Rescheduled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/label_strings.py" line="23"/>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/label_strings.py" line="24"/>
        <source>Changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/label_strings.py" line="25"/>
        <source>Deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/label_strings.py" line="26"/>
        <source>Viewed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/label_strings.py" line="27"/>
        <source>Printed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/label_strings.py" line="28"/>
        <source>Exported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/label_strings.py" line="30"/>
        <source>Issues, most urgent first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/label_strings.py" line="31"/>
        <source>Expectations to review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/label_strings.py" line="32"/>
        <source>Check-ins due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/label_strings.py" line="33"/>
        <source>Referral follow-ups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/label_strings.py" line="34"/>
        <source>Money conversations to follow up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/label_strings.py" line="35"/>
        <source>Payment plans to check in about</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/label_strings.py" line="37"/>
        <source>Prospect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/label_strings.py" line="38"/>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/label_strings.py" line="39"/>
        <source>Paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/label_strings.py" line="40"/>
        <source>Closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/label_strings.py" line="41"/>
        <source>Declined</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/label_strings.py" line="43"/>
        <source>(leave out)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/ical.py" line="36"/>
        <source>“Client session” (no names)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/ical.py" line="37"/>
        <source>Initials</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/ical.py" line="39"/>
        <location filename="../../ui/label_strings.py" line="44"/>
        <source>Full name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/label_strings.py" line="45"/>
        <source>First name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/label_strings.py" line="46"/>
        <source>Last name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/ical.py" line="38"/>
        <location filename="../../ui/label_strings.py" line="47"/>
        <source>Preferred name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/label_strings.py" line="48"/>
        <source>Pronunciation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/label_strings.py" line="49"/>
        <source>Pronouns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/label_strings.py" line="50"/>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/label_strings.py" line="51"/>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/label_strings.py" line="52"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/interaction.py" line="60"/>
        <location filename="../../ui/label_strings.py" line="53"/>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/running_late.py" line="47"/>
        <location filename="../../ui/label_strings.py" line="55"/>
        <source>Phone call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/running_late.py" line="48"/>
        <location filename="../../ui/label_strings.py" line="56"/>
        <source>SMS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/running_late.py" line="49"/>
        <location filename="../../ui/label_strings.py" line="57"/>
        <source>E-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/label_strings.py" line="58"/>
        <source>Post</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/label_strings.py" line="59"/>
        <source>Other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/label_strings.py" line="61"/>
        <source>Not asked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/label_strings.py" line="62"/>
        <source>Asked, no answer yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/label_strings.py" line="63"/>
        <source>Given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/label_strings.py" line="64"/>
        <source>Withdrawn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/label_strings.py" line="66"/>
        <source>Not reviewed yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/label_strings.py" line="67"/>
        <source>Met</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/label_strings.py" line="68"/>
        <source>Not met</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/label_strings.py" line="70"/>
        <source>The practice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/label_strings.py" line="71"/>
        <source>The client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/label_strings.py" line="73"/>
        <source>Inquiry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/label_strings.py" line="74"/>
        <source>Consultation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/label_strings.py" line="75"/>
        <source>Became a client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/label_strings.py" line="77"/>
        <source>Crisis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/label_strings.py" line="78"/>
        <source>High</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/label_strings.py" line="79"/>
        <source>Normal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/label_strings.py" line="80"/>
        <source>Low</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/label_strings.py" line="82"/>
        <source>Session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/label_strings.py" line="83"/>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/label_strings.py" line="84"/>
        <source>Contact attempt (no answer)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/label_strings.py" line="86"/>
        <source>keep the end time (a shorter session)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/label_strings.py" line="87"/>
        <source>find another time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/label_strings.py" line="88"/>
        <source>go ahead for the full length</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/label_strings.py" line="90"/>
        <source>No answer yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/label_strings.py" line="91"/>
        <source>Will wait</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/label_strings.py" line="92"/>
        <source>Reschedule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/label_strings.py" line="93"/>
        <source>Cancel without fee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/label_strings.py" line="94"/>
        <source>Shorter session, same end time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/label_strings.py" line="95"/>
        <source>Full session as booked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/label_strings.py" line="97"/>
        <source>Current</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/label_strings.py" line="98"/>
        <source>1–30 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/label_strings.py" line="99"/>
        <source>31–60 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/label_strings.py" line="100"/>
        <source>61–90 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/label_strings.py" line="101"/>
        <source>Over 90 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/label_strings.py" line="103"/>
        <source>Paid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/label_strings.py" line="104"/>
        <source>Part paid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/label_strings.py" line="105"/>
        <source>Due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/label_strings.py" line="106"/>
        <source>Past its date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/label_strings.py" line="108"/>
        <source>Late cancellation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/label_strings.py" line="109"/>
        <source>Missed session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/label_strings.py" line="111"/>
        <source>Cash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/label_strings.py" line="112"/>
        <source>Card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/label_strings.py" line="113"/>
        <source>Bank transfer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/label_strings.py" line="115"/>
        <source>Fee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/label_strings.py" line="116"/>
        <source>Sliding scale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/label_strings.py" line="117"/>
        <source>Payment plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/label_strings.py" line="118"/>
        <source>Balance from earlier sessions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/label_strings.py" line="119"/>
        <source>Insurance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/label_strings.py" line="121"/>
        <source>Not yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/label_strings.py" line="122"/>
        <source>Introduced in person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/label_strings.py" line="123"/>
        <source>They will call the client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/label_strings.py" line="125"/>
        <source>External provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/label_strings.py" line="126"/>
        <source>Co-worker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/label_strings.py" line="128"/>
        <source>Another client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/label_strings.py" line="129"/>
        <source>A provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/label_strings.py" line="130"/>
        <source>The website</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/label_strings.py" line="132"/>
        <source>Suggested</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/label_strings.py" line="133"/>
        <source>Introduced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/label_strings.py" line="134"/>
        <source>Accepted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/label_strings.py" line="136"/>
        <source>Routine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/label_strings.py" line="137"/>
        <source>Soon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/label_strings.py" line="138"/>
        <source>Urgent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/interaction.py" line="61"/>
        <source>In the client&apos;s own words</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/interaction.py" line="62"/>
        <source>Agreed next steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/interaction.py" line="63"/>
        <source>What might have been more helpful? (ask, and write their answer)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/interaction.py" line="66"/>
        <source>For you only (never printed for the client)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/interaction.py" line="71"/>
        <source>I was not at my best today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/interaction.py" line="72"/>
        <source>The plan did not feel right to the client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/interaction.py" line="73"/>
        <source>A referral was considered or made</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/interaction.py" line="74"/>
        <source>We talked about check-ins</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/interaction.py" line="77"/>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/interaction.py" line="78"/>
        <source>Does not apply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/interaction.py" line="79"/>
        <source>Not done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/interaction.py" line="99"/>
        <location filename="../../ui/label_strings.py" line="140"/>
        <source>Required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/interaction.py" line="100"/>
        <location filename="../../ui/label_strings.py" line="141"/>
        <source>Advisory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/interaction.py" line="101"/>
        <source>Checked as you type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/label_strings.py" line="142"/>
        <source>Automatic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/label_strings.py" line="144"/>
        <source>pet names</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/label_strings.py" line="145"/>
        <source>money words</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="53"/>
        <source>Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="54"/>
        <source>Today brings together what needs care: the day&apos;s appointments, follow-ups due, check-ins with consent and issues by true urgency.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="62"/>
        <source>Calendar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="63"/>
        <source>Day and week views of appointments, recurring series, conflicts and the waitlist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="68"/>
        <source>Clients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="71"/>
        <source>Money</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="72"/>
        <source>Fees, sliding scale, charges, payments and gentle money conversations.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="78"/>
        <source>Referrals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="79"/>
        <source>The provider directory, referrals out and in, warm hand-offs and follow-ups.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="85"/>
        <source>Follow-ups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="86"/>
        <source>Client issues by urgency, expectations to review and consent-based check-ins.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="93"/>
        <source>Reports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="94"/>
        <source>Reports on the practice over a period.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="98"/>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="99"/>
        <source>Practice settings, service principles and word lists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/followups.py" line="663"/>
        <source>the last 90 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/followups.py" line="664"/>
        <source>the last 12 months</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/followups.py" line="665"/>
        <source>the last 30 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/care_list.py" line="33"/>
        <location filename="../../ui/widgets/care_list.py" line="34"/>
        <location filename="../../ui/widgets/care_list.py" line="35"/>
        <source>Open in Follow-ups</source>
        <extracomment>What the main button does for each kind of item (shown with ``labels.translate``).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/care_list.py" line="36"/>
        <source>Open in Referrals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/care_list.py" line="37"/>
        <source>Mark followed up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/care_list.py" line="38"/>
        <source>Open client</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>parent</name>
    <message>
        <location filename="../../ui/dialogs/csv_import.py" line="423"/>
        <source>Imported {n} clients.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/csv_import.py" line="428"/>
        <source>Export clients to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/csv_import.py" line="433"/>
        <source>Include notes?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/csv_import.py" line="435"/>
        <source>Include each client&apos;s notes in the file? They are confidential; the file is readable by you only, but wherever you copy it, the notes go with it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/csv_import.py" line="449"/>
        <source>Export the ledger to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/csv_import.py" line="462"/>
        <source>Export failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/csv_import.py" line="463"/>
        <source>The file could not be written: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/csv_import.py" line="466"/>
        <source>{n} lines saved to {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/restore.py" line="179"/>
        <source>Restore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/restore.py" line="180"/>
        <source>This database is on a server; restore it with the server&apos;s tools.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/restore.py" line="186"/>
        <source>Choose a backup to restore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/restore.py" line="188"/>
        <source>ClientCare backups (*.sqlite3);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/restore.py" line="205"/>
        <source>This file cannot be restored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/restore.py" line="243"/>
        <source>The restore did not happen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/restore.py" line="246"/>
        <source>Restored the backup from {when}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/restore.py" line="251"/>
        <source>The backup was not encrypted, so the database is not now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/restore.py" line="253"/>
        <source>The database now opens with the backup&apos;s passphrase.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/restore.py" line="255"/>
        <source>The database as it was is kept at {path}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/restore.py" line="259"/>
        <source>It was brought up to date for this version.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>server</name>
    <message>
        <location filename="../../ui/dialogs/server.py" line="52"/>
        <source>ClientCare cannot open the database</source>
        <extracomment>How many passwords may be tried before giving up (the server logs every failure).</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tab</name>
    <message>
        <location filename="../../ui/screens/settings.py" line="120"/>
        <source>&amp;Save</source>
        <extracomment>Role holding the id of a row (principle or word).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="123"/>
        <source>Cancel changes</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>window</name>
    <message>
        <location filename="../../ui/dialogs/first_run.py" line="344"/>
        <source>The practice is set up. Add your first client with Ctrl+Shift+N.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
