# Deadlines and notice: days to act by, notice terms, passed deadlines.

## The deadlines view

deadlines-heading = Deadlines seen from { $today }
deadlines-within = , within { $days } days (overdue ones included)
deadlines-none = No deadlines.
deadlines-col-date = Last day
deadlines-col-act-by = Act by
deadlines-col-days-left = Days left
deadlines-col-kind = Kind
deadlines-col-subject = Subject
deadlines-footer = Act by: a last day written in the registry (a reply, a duty) that falls on a closed day (a weekend, public holiday, midsommarafton, julafton or nyårsafton) moves to the next open day, Lag (1930:173). A latest day worked out backwards from a wanted end (the latest notice) moves to the open day before it, since acting later would give a later end. Days left count to the day to act by.
days-left-overdue = { $days } (overdue)
days-left-today = 0 (today)

deadline-kind-notice = notice
deadline-kind-notice-handled = notice (handling)
deadline-kind-notice-renewal = notice (renewal)
deadline-kind-notice-effective = notice takes effect
deadline-kind-obligation = duty
deadline-kind-reply = reply
deadline-kind-fixed-term-end = fixed term ends
deadline-kind-nomination = nomination
deadline-kind-chair-term = chair term

# Who an entry is about: one party by name, or every party still concerned.
deadline-parties = { $count ->
    [one] { $name }
   *[other] each party ({ $count })
}

subject-fixed-term-end = { $title }: last day in force (fixed term)
subject-notice-effective = { $party }: notice of { $title } (received { $received }) takes effect; last day in force
subject-notice-effective-ends = { $party }: notice of { $title } (received { $received }) takes effect; last day in force; the agreement ends with it
subject-notice = { $parties }: last day to give notice of { $title } and be out by { $out_by } ({ $months } months from receipt)
subject-notice-handled-meeting = { $parties }: last day to give notice of { $title } and be out by { $out_by } ({ $months } months from handling): the notice must reach { $body } in time for its meeting on { $meeting }, its last recorded meeting on or before { $handling }
subject-notice-handled-calendar = { $parties }: last day for { $body } to handle a notice of { $title } and be out by { $out_by } ({ $months } months from handling); the notice must reach { $body } in time for its last meeting on or before that day, which the recorded meetings do not show yet
subject-notice-renewal = { $parties }: last day to give notice of { $title } so that it ends with the term on { $term_end }; without notice it renews for { $renewal } months
subject-obligation = { $title } (owner: { $owner })
subject-reply = { $action ->
    [recommended] Reply on the recommendation “{ $case }” ({ $body }, { $date })
   *[other] Reply on “{ $case }” ({ $action } by { $body } on { $date })
}; undecided: { $undecided }
subject-nomination = { $party }: nominate a successor to { $member } ({ $role ->
    [substitute] substitute
   *[other] ordinary
} seat in { $body }, last day { $last_day })
subject-chair-term = { $body }: the { $year } chair term starts and no chair is recorded
subject-chair-term-planned = { $body }: the { $year } chair term starts and no chair is recorded (planned: chair from the { $side ->
    [region] region
   *[other] municipality
} side)

## The notice view

notice-label-agreement = Agreement
notice-label-party = Party
notice-label-terms = Notice period
notice-terms-renewal = { $months } months before the end of a term; without notice the agreement renews { $renewal } months at a time
notice-terms-received = { $months } months, counted from receipt
notice-terms-handled = { $months } months, counted from handling by { $body } ({ $id })
notice-label-given = Notice given
notice-label-handled = Handled
notice-label-ends = Last day in force
notice-label-out-by = Out by
notice-label-latest-handling = Latest handling
notice-label-meeting = Meeting to reach
notice-label-latest-notice = Latest notice
notice-label-act-by = Act by
notice-act-by-moved = { $act_by } ({ $latest } is not a working day)
notice-label-days-left = Days left
notice-label-passed = Passed
notice-passed = yes: the day to act by was { $act_by }
notice-label-earliest-end = Earliest end
notice-earliest-end = { $end }, for a notice given today ({ $today })
notice-label-note = Note
notice-unknown = unknown
notice-none-recorded = none recorded

note-already-given = { $party } already gave notice (received { $received }); it takes effect after { $ends }
note-already-given-pending = { $party } already gave notice (received { $received }); it waits to be handled
note-pending = no meeting of { $body } is recorded on or after { $given }: the notice counts from the meeting that handles it and ends { $months } months after that meeting
note-agreement-ends-first = the agreement itself ends on { $ends } (fixed term)
note-reach-meeting = { $body } must handle the notice by { $handling }; its last meeting recorded on or before then is on { $meeting }, so the notice must reach it in time for that meeting
note-depends-on-calendar = depends on the meeting calendar: the notice must reach { $body } in time for its last meeting on or before { $handling }, the latest day it can handle the notice, and the recorded meetings do not yet show which meeting that is
note-no-meeting-in-time = no meeting of { $body } is recorded on or before { $handling }, the latest day it can handle the notice: unless a meeting is added by then, no notice is handled in time
note-no-meeting-after-today = no meeting of { $body } is recorded after { $today }, so the earliest end is not known yet
note-before-effective = that is before the agreement took effect on { $effective }

## Deadlines as CSV and iCalendar

deadlines-csv-agreement = agreement
deadlines-csv-parties = parties
deadlines-csv-body = body
deadlines-csv-case = case
deadlines-csv-id = id
deadlines-ics-kind = Kind: { $kind }
deadlines-ics-date = Last day: { $date }
deadlines-ics-act-by = Last day: { $date }; act by { $act_by }
deadlines-ics-days-left = Days left on { $today }: { $days }
note-first-term-ends-later = no term ends by then: the first ends on { $term_end }, and the answer is for it

## Format 2, duties of each party
subject-obligation-parties = { $title } (not done: { $parties })
deadline-parties-more = { $names } and { $more } more
