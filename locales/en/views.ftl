# Headings, labels and sentences of the views (roster, schedule, deadlines, notice,
# rotation, report, diff, graph).

## Roles, offices, sides

role-ordinary = ordinary
role-substitute = substitute
role-ex-officio = ex officio
role-adjunct = adjunct
# A derived place: "ex officio, chair of Beredning".
role-of = { $role }, { $office } of { $body }
office-chair = chair
office-vice-chair = vice chair
seat-for = for { $name }
seat-vacant = (vacant)
side-region = region
side-municipality = municipality

chair-rule-alternate-sides = Chair rule: alternate-sides (the chair's side switches every calendar year)
chair-rule-elected = Chair rule: elected (a chair and vice chair are recorded per year)
chair-rule-host = Chair rule: host (each meeting is chaired by the partner owner of the party that hosts it)

## Column headings (table, Markdown, xlsx)

col-party = Party
col-name = Name
col-role = Role
col-from = From
col-to = To
col-chair = Chair
col-vice-chair = Vice chair
col-notes = Notes
col-date = Date
col-time = Time
col-event = Event
col-kind = Kind
col-host = Host
col-place = Place
col-year = Year
col-side = Side
col-chair-side = Chair side
col-vice-chair-side = Vice chair side
col-chair-partner-owner = Chair (partner owner)
col-status = Status
col-parties = Parties
col-in-force-until = In force until
col-body = Body
col-agreement = Agreement
col-meetings = Meetings
col-meetings-min = At least
col-seats-year-end = Seats at year end
col-ordinary-seats = Ordinary members
col-substitute-seats = Substitutes
col-adjusted = Adjusted
col-received = Received
col-counted-from = Counted from
col-out-after = Out after
col-duty = Duty
col-owner = Owner
col-done = Done
col-next-due = Next due
col-case = Case
col-raised = Raised
col-action = Action
col-outcome = Outcome
col-code = Code
col-count = Count

## CSV headers: stable field names for scripts

csv-on = on
csv-body = body
csv-body-name = body_name
csv-party = party
csv-party-name = party_name
csv-name = name
csv-role = role
csv-from = from
csv-to = to
csv-chair = chair
csv-vice-chair = vice_chair
csv-vacant = vacant
csv-of = of
csv-of-role = of_role
csv-notes = notes
csv-date = date
csv-start = start
csv-adjusted = adjusted
csv-kind = kind
csv-subject = subject
csv-meeting-kind = meeting_kind
csv-host = host
csv-host-name = host_name
csv-place = place
csv-chair-party = chair_party
csv-chair-side = chair_side
csv-agreement = agreement
csv-id = id
csv-year = year
csv-vice-chair-side = vice_chair_side
csv-vice-chair-party = vice_chair_party
csv-status = status
csv-role-ordinary = ordinary
csv-role-substitute = substitute
csv-role-ex-officio = ex-officio
csv-role-adjunct = adjunct
csv-office-chair = chair
csv-office-vice-chair = vice-chair
csv-true = true
csv-false = false

## roster

roster-heading = Roster on { $day }
roster-no-body-active = No body is active on that day.
roster-not-active = Not active on this day.
roster-nobody = Nobody holds a seat.

## schedule

schedule-heading = Schedule { $from } to { $to }
schedule-empty = Nothing is scheduled in this period.
schedule-adjusted = last day adjusted to { $day }

event-kind-chair-term = chair-term
event-kind-meeting = meeting
event-kind-obligation = obligation
event-kind-notice-effective = notice-effective
event-kind-agreement-end = agreement-end
event-kind-body-end = body-end

meeting-kind-ordinary = ordinary
meeting-kind-extra = extra
meeting-kind-ledningsdialog = ledningsdialog
meeting-kind-seminar = seminar
meeting-kind-bilateral = bilateral

event-meeting-kind = { $body } ({ $kind })
event-chair-term = { $body }: { $year } chair term starts; chair { $chair }
event-chair-term-vice = { $body }: { $year } chair term starts; chair { $chair }, vice chair { $vice }
event-chair-term-planned = { $body }: { $year } chair term starts; planned: chair from the { $side } side ({ $rule } rule), none recorded yet
event-chair-term-unknown = { $body }: { $year } chair term starts; no chair recorded yet
event-obligation-done = Done: { $title } (owner: { $owner }; due { $date })
event-obligation-not-done = Due: { $title } (owner: { $owner }; not done)
event-notice-effective = { $party }: notice of { $agreement } (received { $date }) takes effect; last day in force
event-agreement-end-fixed = { $agreement }: last day in force (fixed term)
event-agreement-end-notice = { $agreement }: last day in force (by notice)
event-body-end = { $body }: last day of the body

ics-body = Body: { $body }
ics-meeting-kind = Meeting kind: { $kind }
ics-host = Host: { $host }
ics-chair = Chair: { $chair }
ics-adjusted = Last day adjusted to { $date } (Lag 1930:173)

## rotation

rotation-chairs-of = Made of the chair and vice chair of { $body }.
rotation-no-rule = No chair rule: nothing rotates.
rotation-no-years = No year of the period is an active year of the body.
rotation-host-note = Years without a recorded meeting are left out.
rotation-recorded = recorded
rotation-recorded-extended = recorded, extended ({ $extension })
rotation-planned = planned
rotation-not-recorded = not recorded
rotation-host = host

## report

report-heading = Samverkan { $year }
report-as-of = As the registry stood on { $date }.
report-no-agreement = No agreement was in force that year.
# Format 2, annexes: after an annex's id in the report.
report-annex-of = annex of { $main }
report-parties = { $count ->
    [one] { $count } party
   *[other] { $count } parties
}
report-in-force-until = in force until { $date }
report-bodies = Bodies
report-meetings-min = { $count } (at least { $min })
report-extended = extended
report-notices = Notices
report-notice = { $party } gave notice on { $date }: { $ends }
report-notice-pending = pending handling
report-notice-out = out after { $date }
report-duties = Duties
report-duty-done = done { $dates }
report-duty-not-done = not done this year
report-next-due = next due { $date }
report-costs = Cost split
report-cost-share = { $name } { $percent } %
report-cost-population = by population
report-cost-amount = { $sek } kr { $per ->
    [once] once
   *[year] a year
}
report-cases = Cases
report-case-raised = raised { $date }
report-case-event = { $date } { $action } at { $body }
report-check = Check
report-sheet-agreements = Agreements
report-sheet-meetings = Meetings
report-sheet-decisions = Decisions
report-sheet-check = Check

case-action-raised = raised
case-action-prepared = prepared
case-action-discussed = discussed
case-action-recommended = recommended
case-action-decided = decided
case-action-escalated = escalated
case-action-referred = referred
case-action-closed = closed
case-action-withdrawn = withdrawn

outcome-adopted = adopted
outcome-rejected = rejected
outcome-undecided = undecided

## diff

diff-summary = { $files ->
    [one] { $files } file changed
   *[other] { $files } files changed
} · { $errors ->
    [one] { $errors } error
   *[other] { $errors } errors
} and { $warnings ->
    [one] { $warnings } warning
   *[other] { $warnings } warnings
} introduced · { $resolved } resolved
diff-working-tree = working tree
diff-introduced = Introduced
diff-resolved = Resolved
diff-changes = Changes
diff-none = (none)
change-added = added
change-removed = removed
change-modified = modified

## graph: what an edge means, read from → to

edge-reports-to = reports to
edge-part-of = annex of
edge-prepares = prepares
edge-escalates-to = escalates to
edge-chairs-of = AU of
edge-chair-sits-in = chair sits in
edge-vice-chair-sits-in = vice chair sits in
edge-chair-co-opted = chair co-opted to
edge-vice-chair-co-opted = vice chair co-opted to
# Format 2: associations and constituencies in the graph
edge-gathers = gathers
edge-acts-in = acts for its members in
edge-serves = serves

## xlsx

xlsx-sheet-roster = Roster
xlsx-sheet-schedule = Schedule
xlsx-sheet-rotation = Rotation
xlsx-sheet-deadlines = Deadlines

## Chair terms longer than a year (format 2: `[chair] term`)

chair-rule-fixed-side = Chair rule: fixed-side (one side always holds the chair; the vice chair, if any, is of another side)
rotation-term = Chair term: { $term ->
        [two-years] two years, counted from the year the body was established
       *[mandate-period] the mandate period, four years from the year after a general election
    }; one [[chair]] covers the whole term
chair-rule-alternate-sides-term = Chair rule: alternate-sides (the chair's side switches every term)
col-term = Term
csv-term = term
## Format 2, duties due in a month
event-obligation-due-month = Due { $month }: { $title } (owner: { $owner }; not done)
report-duty-parties-not-done = not done by { $parties }
report-owner-each-party = each party
report-owner-parties = the parties together
event-obligation-done-month = Done in { $month }: { $title } (owner: { $owner }; due { $date })

## Format 2: people without a seat, and attendance (people)

role-observer = observer
role-secretary = secretary
csv-role-observer = observer
csv-role-secretary = secretary
roster-without-seat = Without a seat
seat-partner-coordinator = partner coordinator (co-opted to the steering group)
seat-coordinator = coordinator (co-opted to the steering group)
report-attendance = Attendance
report-attendance-body = { $body }: { $meetings ->
        [one] one meeting records attendance
       *[other] { $meetings } meetings record attendance
    }; { $absences } absent, { $substitutes ->
        [one] one substitute sat in
       *[other] { $substitutes } substitutes sat in
    }, { $unrepresented ->
        [0] every party represented
        [one] a party unrepresented at one meeting
       *[other] a party unrepresented at { $unrepresented } meetings
    }
col-absent = Absent
col-substitutes-present = Substitutes who sat in
col-unrepresented = Unrepresented
col-minutes = Minutes

## Format 2: the yearly report as a spreadsheet (xlsx)

col-annex-of = Annex of
