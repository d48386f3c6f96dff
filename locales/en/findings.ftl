# Finding messages of the rules and the loader: `msg!("id", name = value)` in src/.
# Values in messages (ids, names, dates, keys) are quoted as they are; only words change.
# JSON output carries these English texts.

# check
check-summary = { $errors }, { $warnings }
check-summary-baseline = Findings already present in { $rev } are not listed.
check-summary-severity = severity
check-summary-rule = rule
check-summary-place = place
check-summary-message = message
severity-error = error
severity-warning = warning

## Loading: files

load-symlink = { $path } is a symbolic link, and links are never followed; put the file itself in the registry
load-not-a-file = { $path } is { $what }, not a file; the registry holds TOML files only: remove it or give it a name that does not end in .toml
load-unreadable = cannot read { $path }: { $reason }
load-not-utf8 = { $path } is not UTF-8 text (invalid byte at offset { $offset }); save it as UTF-8
load-unexpected-file = { $path } is not a place the registry layout knows: { $hint }; move or rename it
load-hint-meetings = meetings files are named by year, e.g. meetings/2026.toml
load-hint-cases = cases live in cases/<year>/<id>.toml
load-hint-layout = the layout knows registry.toml, parties/, agreements/, bodies/, members/, meetings/ and cases/<year>/
load-invalid-id = "{ $id }" is not a valid id: use lowercase ASCII letters, digits and '-', starting with a letter or digit (å, ä → a; ö → o), and rename the file
load-duplicate-case = { $path }: another case already has the id "{ $id }"; rename one of the files
# A command that reports on the registry refuses one that does not load, and shows why.
registry-unreadable = the registry cannot be read:
# A registry that cannot be read at all: the reason as the loader gives it.
load-registry-unreadable = { $reason }

## Loading: syntax and schema

toml-syntax-too-deep = invalid TOML: { $detail }: a key of { $parts } dotted parts is more than a reader follows; nest with tables instead
toml-syntax = invalid TOML: { $detail }
schema-empty-file = the file is empty: { $problem }
# A problem serde reports while reading a value, in its own words.
schema-deserialize = { $detail }
schema-unknown-key = unknown key `{ $key }`, expected one of the keys { $keys }
schema-unknown-key-in = unknown key `{ $key }` in `{ $table }`, expected one of the keys { $keys }
schema-missing-key = missing required key { $key }
schema-missing-keys = missing required keys { $keys } and { $last }
schema-missing-key-or = missing required key { $key } (an annex may give { $instead } instead)
schema-wrong-value = `{ $key }` is { $value }; expected { $expected }
schema-wrong-one-of = `{ $key }` is { $value }; expected { $description }
schema-below-minimum = `{ $key }` is { $value }; expected at least { $min }
schema-value-fraction = a number with a fraction
schema-value-array = an array
schema-value-table = a table
schema-expected-one-of = one of { $values }
schema-expected-value = { $value }
schema-expected-date = a date such as 2026-03-20
schema-expected-date-time = a date (2026-03-20) or a local date-time (2026-03-20T09:30:00)
schema-expected-table = a table
schema-expected-array = an array
schema-expected-unquoted-date = a date such as 2026-03-20, without quotes
schema-expected-unquoted-date-time = a date (2026-03-20) or a local date-time (2026-03-20T09:30:00), without quotes
schema-expected-string = a string
schema-expected-integer = a whole number
schema-expected-boolean = true or false
# Options of a value that may take one of several shapes (the Swedish message lists them).
schema-did-you-mean-key = { $problem }; did you mean `{ $key }`?
schema-expected-one-of-hint = one of { $values }; did you mean "{ $value }"?
schema-expected-number = a number
schema-expected-other = another value
schema-expected-id = an id: lowercase a-z, digits and -, starting with a letter or a digit (å, ä → a; ö → o)
schema-expected-month = a month such as "2020-11"
schema-expected-pattern = text matching { $pattern }
schema-option-either = { $first } or { $second }

## Loading: the model

reference-meeting-body = meeting body
reference-meeting-host = meeting host
reference-secretariat = secretariat
reference-party = party
reference-notice-party = notice party
reference-role-party = role party
reference-member-party = member party
reference-seat-of = seat of
reference-event-body = event body
reference-decision-party = decision party
dangling-party = { $what } "{ $id }" names no party: expected a file parties/{ $id }.toml
dangling-body = { $what } "{ $id }" names no body: expected a file bodies/{ $id }.toml
dangling-agreement = { $what } "{ $id }" names no agreement: expected a file agreements/{ $id }.toml
part-of-cycle = `part_of` of { $id } goes round in a circle ({ $circle }): an annex must lead to a main agreement that is not itself part of it
dangling-obligation-owner = obligation owner "{ $owner }" names no body and no party
dangling-roster = members/{ $id }.toml is the roster of "{ $id }", which names no body: expected bodies/{ $id }.toml
invalid-range = { $end_key } { $end } is before { $start_key } { $start }
schema-checks-unknown-code-hint = [checks] names "{ $code }", which is no rule code; did you mean `{ $suggestion }`? `samverkan rules` lists them
schema-checks-unknown-code = [checks] names "{ $code }", which is no rule code; `samverkan rules` lists them
duplicate-party = party "{ $party }" is listed twice
duplicate-obligation = obligation id "{ $id }" is used twice in this agreement
duplicate-chair-year = [[chair]] for year { $year } is recorded twice
schema-notice-months-zero = notice_months is 0; expected a number of months of at least 1
schema-handled-without-body = counted_from = "handled" needs handled_by: the body that handles a notice
schema-obligation-due-or-every = obligation "{ $id }" needs exactly one of `due` (a one-off duty), `every_months` (a recurring one) and `due_each_year` (a yearly one)
schema-every-months-zero = every_months is 0; expected at least 1
schema-working-group-without-end = a working group needs `ends`: the last day it works
schema-missing-seats = missing required table [seats] (only a body with `chairs_of` has none)
schema-chairs-of-with-seats = a body with `chairs_of` is made of that body's chair and vice chair; remove [seats]
schema-roster-of-chairs-of = "{ $id }" is made of another body's chairs (`chairs_of`), so it has no roster; remove this file

## Parties

invalid-org-number = organisation number "{ $number }" { $why }
org-number-shape = is not of the form NNNNNN-NNNN
org-number-check-digit = has check digit { $digit }, expected { $expected }

## Agreements

renewal-without-term-renewal = [renewal] renews a fixed term, and this agreement has no `ends`: give the first term's last day in `ends`, or remove [renewal] for an agreement that runs until notice
renewal-without-term-extension = [[extension]] moves a fixed term's last day, and this agreement has no `ends`: give the term's last day in `ends`, or remove the extension
cost-split-sum = the split of "{ $title }" sums to { $sum } percent; expected 100
cost-split-unknown = the split of "{ $title }" names "{ $name }", which is neither a side (region, municipality) nor a party of the agreement
cost-split-absent-side = the split of "{ $title }" gives a share to the { $side } side, which has no party in the agreement
cost-split-mixed = the split of "{ $title }" mixes sides and parties; split by sides or by parties
fixed-term-expired = the agreement ended on { $ends } and is still in the registry as it was; record its successor or archive it
notice-from-non-party = notice from "{ $party }", which is not among the agreement's parties
handled-by-foreign-body = handled_by "{ $body }" belongs to agreement "{ $agreement }", not to this one
outlives-until = until { $to }
outlives-no-end = with no end date
outlives-member = { $name } serves in { $body } { $served }, after agreement "{ $agreement }" ended on { $end }; end the seat by { $end }
outlives-meeting = { $body } meets on { $date }, after agreement "{ $agreement }" ended on { $end }
annex-foreign-party = "{ $party }" is not a party of the main agreement "{ $main }"; an annex binds only parties of its main agreement
annex-outlives-ends = the annex is in force to { $ends }, after its main agreement "{ $main }" ends on { $end }; end it by { $end }
annex-outlives-body = { $body } ends on { $ends }, after "{ $main }", the main agreement of its annex "{ $annex }", ends on { $end }

## Representation

seat-limit = { $party } holds { $count } { $role ->
        [ordinary] { $count ->
            [one] ordinary seat
           *[other] ordinary seats
        }
       *[substitute] { $count ->
            [one] substitute seat
           *[other] substitute seats
        }
    } on { $day }, its limit is { $limit } ({ $source ->
        [no-rule] no seat rule
        [no-rule-covers] no seat rule covers it
       *[other] { $source }
    })
constituency-foreign-party = { $body } serves "{ $party }", which is not a party of its agreement { $agreement }
member-not-in-constituency = { $name } sits in { $body } for "{ $party }", which is not among the parties the body serves (its `parties`)
member-not-party = { $name } sits in { $body } for "{ $party }", which is not a party of the body's agreement
member-after-exit = { $name } sits in { $body } for "{ $party }" after { $exit }, when its notice took effect and it left the agreement; end the seat by { $exit }
double-seat = { $name } holds two seats in { $body } on { $day }: { $first_role } for { $first_party } from { $first_from } and { $second_role } for { $second_party } from { $second_from }
substitute-other-party = { $name } substitutes for { $paired } of "{ $paired_party }", but represents "{ $party }"; a substitute stands in for a member of the same party
substitute-not-on-roster = { $name } is substitute for "{ $paired }", who is not on this roster while { $name } serves (from { $from })
substitute-uncovered = { $name } is substitute for { $paired }, who is not on this roster on { $day } while { $name } still serves; pair the substitute anew
vacant-no-roster = { $body } gives every party a seat, but has no roster (members/{ $body }.toml): all { $count } parties' seats are vacant from { $start }
vacant-seat = { $party } ({ $name }) has no ordinary member in { $body } { $period }
period-on = on { $day }
period-from-to = from { $from } to { $to }
period-from-on = from { $from } on

## Rotation

schema-host-chair-recorded = { $body } is chaired by each meeting's host (rule = "host"), so it records no [[chair]]; remove this entry
chair-missing = { $body } has no [[chair]] for { $year }; record who chairs it that year
vice-chair-missing = { $body } records no vice_chair for { $year }; under alternate-sides the other side holds it
chair-not-member = { $role ->
        [chair] chair
       *[vice-chair] vice chair
    } { $name } of { $year } is not an ordinary member of { $body } on { $day }; a chair must hold an ordinary seat all year
schema-chair-party-without-side = { $party } is of kind "{ $kind }" and holds a chair in { $body } under alternate-sides: give it `side = "region"` or `side = "municipality"`
chair-same-side = chair { $chair } and vice chair { $vice_chair } of { $year } are both from the { $side } side; the vice chair comes from the other side
chair-wrong-side = { $name }, chair in { $year }, sits for the { $side } side; under fixed-side the chair is always of the { $fixed } side
vice-chair-wrong-side = { $name }, vice chair in { $year }, sits for the { $fixed } side, which holds the chair under fixed-side; the vice chair is of another side
schema-fixed-side-without-side = { $body } has rule = "fixed-side" and no `side`: say which side always holds the chair, side = "region" or side = "municipality"
chair-not-rotated = the { $side } side chairs { $body } in { $last_year } and again in { $year }; the chair switches sides every year unless an extension is recorded
chair-extension-never = { $body } allows no extension (extension = "never"), yet the { $side } side keeps the chair in { $year }
chair-extension-not-unanimous = { $body } extends a chair only by unanimous decision; the { $year } extension does not say `unanimous = true`
# Chair terms longer than a year (format 2: `[chair] term`).
chair-term-start = [[chair]] year = { $year } does not start a chair term of { $body }: under term = "{ $rule }" it falls in the term { $term }; write year = { $start }, the term's first year
chair-missing-term = { $body } has no [[chair]] for the term { $term }; record who chairs it with year = { $year }
chair-not-member-term = { $role ->
        [chair] chair
       *[vice-chair] vice chair
    } { $name } of { $term } is not an ordinary member of { $body } on { $day }; a chair must hold an ordinary seat throughout the term
chair-not-rotated-term = the { $side } side chairs { $body } in the term { $last_term } and again in { $term }; the chair switches sides every term unless an extension is recorded
host-missing = the { $date } meeting of { $body } names no host; its host's partner owner chairs it
host-not-party = host "{ $host }" is not a party of agreement "{ $agreement }"
host-without-owner = host "{ $host }" has no partner owner on { $date } to chair the meeting; record a [[role]] role = "partner-owner" in agreements/{ $agreement }.toml
host-not-alternating = "{ $host }" hosts { $body } twice in a row (again on { $date }); hosts take turns

## Meetings

meeting-wrong-file = a meeting on { $date } is filed in meetings/{ $file_year }.toml; move it to meetings/{ $year }.toml
meeting-before-established = { $body } meets on { $date }, before it was established on { $established }
meeting-after-body-end = { $body } meets on { $date }, after it ended on { $ends }
meeting-on-holiday = { $body } meets on { $date }, which is { $day }
day-saturday = a Saturday
day-sunday = a Sunday
too-few-meetings = { $body } met { $count ->
        [one] { $count } time
       *[other] { $count } times
    } in { $year }; it meets at least { $min } times a year
last-meeting-kind = the last meeting of { $body } in { $year } ({ $date }) is of kind "{ $kind }"; the year ends with a "{ $expected }"
last-meeting-missing = { $body } has no meeting in { $year }; the year ends with a "{ $expected }"

## Cases

event-before-raised = event on { $date } is before the case was raised on { $raised }
event-out-of-order = event on { $date } comes after one on { $previous }; list events in date order
advisory-decision = { $body } is advisory and only recommends; decisions are taken in each party's own line organisation (record `recommended` here and a [[decision]] per party)
case-not-prepared = the case reaches { $body } on { $date } before { $preparer } prepared it; cases come to { $body } through { $preparer }
reply-overdue = replies were due by { $due }; still undecided: { $parties }
bilateral-question = the case concerns { $party } alone but goes to the county-wide { $body }; a question for one municipality is taken bilaterally with the region
due-date = { $date }
due-date-adjusted = { $date } (adjusted to { $adjusted })

## Obligations and roles

obligation-overdue = "{ $id }" ({ $owner }) was due by { $due } and is not recorded as done; add the date to `done`
owner-change-unnotified = { $name } follows { $before } as partner owner for { $party } from { $from }, but `notified` does not say when the other parties were told in writing

## Format 2: people without a seat, and attendance (people)

chair-without-seat = { $role ->
        [chair] chair
       *[vice-chair] vice chair
    } { $name } of { $year } is listed in { $body } as { $seat_role }, without a seat; a chair must hold an ordinary seat

attendance-absent-unknown = `absent` names { $name }, who is not an ordinary member of { $body } on { $day }; list only ordinary members who were away, by their name on the roster
attendance-substitute-unknown = `substitutes` names { $name }, who is not a substitute of { $body } on { $day }; list only substitutes who sat in, by their name on the roster
substitute-without-absence = { $name } sat in as a substitute in { $body } on { $day }, but nobody they stand in for is recorded in `absent`; a substitute takes part only when an ordinary member is away
party-unrepresented = { $party } was not represented in { $body } on { $day }: all its ordinary members are recorded absent and none of its substitutes sat in

# A check that could not run, in the words of the command line.
usage = { $message }

## Format 2: associations, side and group caps, party events

reference-event-party = event party
schema-event-body-and-party = an event happens at a `body` or in a `party`'s own organisation, not both: keep one
schema-event-without-body = an event needs `body` (the body where it happened) or `party` (for an action in a party's own organisation)
schema-members-not-association = `members` lists the parties an association gathers, but this party's kind is { $kind }; set kind = "association" or remove `members`
schema-group-without-members = by_group caps the seats of an association's members, but "{ $id }" has no `members`; list them in parties/{ $id }.toml
association-not-listed = { $name } sits in { $body } for the association "{ $party }", which is neither a party of agreement { $agreement } nor in its `associations`; add it to `associations`
side-seat-limit = the { $side ->
        [region] region
       *[municipality] municipality
    } side holds { $count } { $role ->
        [ordinary] { $count ->
            [one] ordinary seat
           *[other] ordinary seats
        }
       *[substitute] { $count ->
            [one] substitute seat
           *[other] substitute seats
        }
    } on { $day }, its limit is { $limit } ({ $source ->
        [pooled] pooled: the sum of its parties' substitute limits
       *[other] { $source }
    })
group-seat-limit = the members of { $group } hold { $count } { $role ->
        [ordinary] { $count ->
            [one] ordinary seat
           *[other] ordinary seats
        }
       *[substitute] { $count ->
            [one] substitute seat
           *[other] substitute seats
        }
    } on { $day }, its limit is { $limit } (by_group)
party-event-foreign = an event by "{ $party }", which is neither a party nor an association of agreement { $agreement }
## Format 2, duties of each party (obligation-overdue)
obligation-overdue-parties = "{ $id }" (each party) was due by { $due } and is not recorded as done by { $count } of its { $total } parties: { $parties }; add their dates to `done_by`
party-list = { $shown }
party-list-more = { $shown } and { $more } more
schema-obligation-done-by-owner = `done_by` is for a duty of each party; with owner "{ $owner }" write the dates in `done`
schema-obligation-done-each-party = a duty of each party records who did it in `done_by = {"{"} party = [date] {"}"}`, not in `done`
done-by-foreign-party = `done_by` names "{ $party }", which is not a party of this agreement; list only its parties
schema-expected-month-day = a day of every year as "MM-DD", such as "03-31" ("02-29" is not every year's: write "02-28" or "03-01")
