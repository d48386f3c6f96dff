# Rubriker, etiketter och meningar i vyerna (ledamöter, mötesplan, frister, uppsägning,
# ordförandeskap, årsrapport, diff, graf). Termerna i spec/cli.md gäller ordagrant.

## Roller, uppdrag, sidor

role-ordinary = ordinarie ledamot
role-substitute = ersättare
role-ex-officio = självskriven
role-adjunct = adjungerad
# En härledd plats: "självskriven, ordförande i Beredning".
role-of = { $role }, { $office } i { $body }
office-chair = ordförande
office-vice-chair = vice ordförande
seat-for = för { $name }
seat-vacant = (vakant)
side-region = regionsidan
side-municipality = kommunsidan

chair-rule-alternate-sides = Ordföranderegel: alternate-sides (ordförandeskapet växlar sida varje kalenderår)
chair-rule-elected = Ordföranderegel: elected (ordförande och vice ordförande registreras per år)
chair-rule-host = Ordföranderegel: host (varje möte leds av partnerägaren för den part som är värd)

## Kolumnrubriker (tabell, Markdown, xlsx)

col-party = Part
col-name = Namn
col-role = Roll
col-from = Från
col-to = Till
col-chair = Ordförande
col-vice-chair = Vice ordförande
col-notes = Anteckningar
col-date = Datum
col-time = Tid
col-event = Händelse
col-kind = Typ
col-host = Värd
col-place = Plats
col-year = År
col-side = Sida
col-chair-side = Ordförandens sida
col-vice-chair-side = Vice ordförandens sida
col-chair-partner-owner = Ordförande (partnerägare)
col-status = Status
col-parties = Parter
col-in-force-until = Gäller till och med
col-body = Organ
col-agreement = Överenskommelse
col-meetings = Möten
col-meetings-min = Minst
col-seats-year-end = Platser vid årets slut
col-ordinary-seats = Ordinarie ledamöter
col-substitute-seats = Ersättare
col-adjusted = Agera senast
col-received = Mottagen
col-counted-from = Räknas från
col-out-after = Utträder efter
col-duty = Åtagande
col-owner = Ansvarig
col-done = Utfört
col-next-due = Ska vara klart nästa gång
col-case = Ärende
col-raised = Väckt
col-action = Åtgärd
col-outcome = Beslut
col-code = Kod
col-count = Antal

## CSV-rubriker

csv-on = per
csv-body = organ
csv-body-name = organets_namn
csv-party = part
csv-party-name = partens_namn
csv-name = namn
csv-role = roll
csv-from = från
csv-to = till
csv-chair = ordförande
csv-vice-chair = vice_ordförande
csv-vacant = vakant
csv-of = via_organ
csv-of-role = via_uppdrag
csv-notes = anteckningar
csv-date = datum
csv-start = start
csv-adjusted = agera_senast
csv-kind = typ
csv-subject = avser
csv-meeting-kind = mötestyp
csv-host = värd
csv-host-name = värdens_namn
csv-place = plats
csv-chair-party = ordförandens_part
csv-chair-side = ordförandens_sida
csv-agreement = överenskommelse
csv-id = id
csv-year = år
csv-vice-chair-side = vice_ordförandens_sida
csv-vice-chair-party = vice_ordförandens_part
csv-status = status
csv-role-ordinary = ordinarie ledamot
csv-role-substitute = ersättare
csv-role-ex-officio = självskriven
csv-role-adjunct = adjungerad
csv-office-chair = ordförande
csv-office-vice-chair = vice ordförande
csv-true = ja
csv-false = nej

## ledamöter (roster)

roster-heading = Ledamöter per { $day }
roster-no-body-active = Inget organ är aktivt den dagen.
roster-not-active = Inte aktivt den här dagen.
roster-nobody = Ingen har en plats.

## mötesplan (schedule)

schedule-heading = Mötesplan { $from } till { $to }
schedule-empty = Inget är planerat under perioden.
schedule-adjusted = sista dag flyttad till { $day }

event-kind-chair-term = ordförandeskap
event-kind-meeting = möte
event-kind-obligation = åtagande
event-kind-notice-effective = uppsägning
event-kind-agreement-end = överenskommelse upphör
event-kind-body-end = organ upphör

meeting-kind-ordinary = möte
meeting-kind-extra = extra möte
meeting-kind-ledningsdialog = ledningsdialog
meeting-kind-seminar = seminarium
meeting-kind-bilateral = bilateralt möte

event-meeting-kind = { $body } ({ $kind })
event-chair-term = { $body }: ordförandeskapets period { $year } börjar; ordförande { $chair }
event-chair-term-vice = { $body }: ordförandeskapets period { $year } börjar; ordförande { $chair }, vice ordförande { $vice }
event-chair-term-planned = { $body }: ordförandeskapets period { $year } börjar; planerad: ordförande från { $side } (regeln { $rule }), ingen registrerad ännu
event-chair-term-unknown = { $body }: ordförandeskapets period { $year } börjar; ingen ordförande registrerad ännu
event-obligation-done = Utfört: { $title } (ansvarig: { $owner }; skulle vara klart { $date })
event-obligation-not-done = Ska vara klart: { $title } (ansvarig: { $owner }; inte utfört)
event-notice-effective = { $party }: uppsägningen av { $agreement } (mottagen { $date }) får verkan; sista dag överenskommelsen gäller för parten
event-agreement-end-fixed = { $agreement }: sista dag som överenskommelsen gäller (tidsbegränsad)
event-agreement-end-notice = { $agreement }: sista dag som överenskommelsen gäller (genom uppsägning)
event-body-end = { $body }: organets sista dag

ics-body = Organ: { $body }
ics-meeting-kind = Mötestyp: { $kind }
ics-host = Värd: { $host }
ics-chair = Ordförande: { $chair }
ics-adjusted = Sista dag flyttad till { $date } (lag 1930:173)

## ordförandeskap (rotation)

rotation-chairs-of = Består av ordförande och vice ordförande i { $body }.
rotation-no-rule = Ingen ordföranderegel: ordförandeskapet växlar inte.
rotation-no-years = Organet är inte aktivt något år i perioden.
rotation-host-note = År utan registrerat möte visas inte.
rotation-recorded = registrerad
rotation-recorded-extended = registrerad, förlängd ({ $extension })
rotation-planned = planerad
rotation-not-recorded = inte registrerad
rotation-host = värd

## årsrapport (report)

report-heading = Årsrapport { $year }
report-as-of = Enligt registret per { $date }.
report-no-agreement = Ingen överenskommelse gällde det året.
# Format 2, annexes: after an annex's id in the report.
report-annex-of = bilaga till { $main }
report-parties = { $count ->
    [one] { $count } part
   *[other] { $count } parter
}
report-in-force-until = gäller till och med { $date }
report-bodies = Organ
report-meetings-min = { $count } (minst { $min })
report-extended = förlängd
report-notices = Uppsägningar
report-notice = { $party } sade upp överenskommelsen { $date }: { $ends }
report-notice-pending = väntar på behandling
report-notice-out = utträder efter { $date }
report-duties = Åtaganden
report-duty-done = utfört { $dates }
report-duty-not-done = inte utfört i år
report-next-due = ska vara klart nästa gång { $date }
report-costs = Kostnadsfördelning
report-cost-share = { $name } { $percent } %
report-cost-population = efter befolkning
report-cost-amount = { $sek } kr { $per ->
    [once] en gång
   *[year] per år
}
report-cases = Ärenden
report-case-raised = väckt { $date }
report-case-event = { $date } { $action } i { $body }
report-check = Kontroll
report-sheet-agreements = Överenskommelser
report-sheet-meetings = Möten
report-sheet-decisions = Beslut
report-sheet-check = Kontroll

case-action-raised = väckt
case-action-prepared = berett
case-action-discussed = diskuterat
case-action-recommended = rekommenderat
case-action-decided = beslutat
case-action-escalated = lyft vidare
case-action-referred = remitterat
case-action-closed = avslutat
case-action-withdrawn = återkallat

outcome-adopted = antagen
outcome-rejected = avslagen
outcome-undecided = ej beslutad

## diff

diff-summary = { $files ->
    [one] { $files } fil ändrad
   *[other] { $files } filer ändrade
} · { $errors } fel och { $warnings ->
    [one] { $warnings } varning
   *[other] { $warnings } varningar
} tillkommer · { $resolved } åtgärdade
diff-working-tree = arbetskatalogen
diff-introduced = Tillkommer
diff-resolved = Åtgärdade
diff-changes = Ändringar
diff-none = (inget)
change-added = tillagd
change-removed = borttagen
change-modified = ändrad

## graf: vad en pil betyder, läst från → till

edge-reports-to = rapporterar till
edge-part-of = bilaga till
edge-prepares = bereder åt
edge-escalates-to = lyfter frågor till
edge-chairs-of = AU för
edge-chair-sits-in = ordförande sitter i
edge-vice-chair-sits-in = vice ordförande sitter i
edge-chair-co-opted = ordförande adjungerad till
edge-vice-chair-co-opted = vice ordförande adjungerad till
# Format 2: associations and constituencies in the graph
edge-gathers = samlar
edge-acts-in = företräder sina medlemmar i
edge-serves = betjänar

## xlsx

xlsx-sheet-roster = Ledamöter
xlsx-sheet-schedule = Mötesplan
xlsx-sheet-rotation = Ordförandeskap
xlsx-sheet-deadlines = Frister

## Ordförandeperioder längre än ett år (format 2: `[chair] term`)

chair-rule-fixed-side = Ordföranderegel: fixed-side (samma sida har alltid ordförandeskapet och är sammankallande; en eventuell vice ordförande kommer från en annan sida)
rotation-term = Ordförandeperiod: { $term ->
        [two-years] tvåårsperiod, räknad från året då organet inrättades
       *[mandate-period] mandatperiod, fyra år från året efter ett allmänt val
    }; en [[chair]] gäller hela perioden
chair-rule-alternate-sides-term = Ordföranderegel: alternate-sides (ordförandeskapet växlar sida varje period)
col-term = Period
csv-term = period
## Format 2, åtaganden med en månad som sista tid
event-obligation-due-month = Ska vara klart { $month }: { $title } (ansvarig: { $owner }; inte utfört)
report-duty-parties-not-done = inte utfört av { $parties }
report-owner-each-party = varje part
report-owner-parties = parterna gemensamt
event-obligation-done-month = Utfört under { $month }: { $title } (ansvarig: { $owner }; skulle vara klart { $date })

## Format 2: personer utan plats och närvaro (people)

role-observer = observatör
role-secretary = sekreterare
csv-role-observer = observatör
csv-role-secretary = sekreterare
roster-without-seat = Utan plats
seat-partner-coordinator = partnerkoordinator (adjungerad till styrgruppen)
seat-coordinator = koordinator (adjungerad till styrgruppen)
report-attendance = Närvaro
report-attendance-body = { $body }: { $meetings ->
        [one] ett möte med närvaroanteckning
       *[other] { $meetings } möten med närvaroanteckning
    }; { $absences } frånvarande, { $substitutes } ersättare tjänstgjorde, { $unrepresented ->
        [0] alla parter företrädda
        [one] en part saknades vid ett möte
       *[other] en part saknades vid { $unrepresented } möten
    }
col-absent = Frånvarande
col-substitutes-present = Tjänstgörande ersättare
col-unrepresented = Ej företrädda
col-minutes = Protokoll

## Format 2: the yearly report as a spreadsheet (xlsx)

col-annex-of = Bilaga till
