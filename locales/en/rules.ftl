# The rule table and explain: one line per rule, `rule-<code>`; the English ones are
# also the `summary` of `rules --format json`.

rule-toml-syntax = a file is not valid TOML (exit 2)
rule-unreadable-file = a file cannot be read or is not UTF-8 (exit 2)
rule-schema = unknown key, missing key, wrong type or value not allowed
rule-invalid-id = a file stem is not a valid id
rule-duplicate-id = two entities of one kind share an id
rule-dangling-reference = a reference to a party, agreement, body or person that does not exist
rule-unexpected-file = a .toml file in a place the layout does not know
rule-invalid-range = an end date before its start date
rule-invalid-org-number = organisation number malformed or its check digit wrong
rule-renewal-without-term = `[renewal]` or `[[extension]]` on an agreement without `ends`
rule-cost-split = a `[[cost]]` split does not sum to 100, or names a side or party not in the agreement
rule-annex-outlives-agreement = an annex (`part_of`) has `ends`, or a body, member or meeting, after its main agreement's end
rule-annex-foreign-party = an annex lists a party that is not a party of its main agreement
rule-fixed-term-expired = a fixed-term agreement has passed `ends` on --today
rule-body-outlives-agreement = a body has a member serving, or a meeting, after its agreement's end
rule-notice-from-non-party = a notice from a party that is not a party of the agreement
rule-handled-by-foreign-body = `handled_by` is not a body of the agreement
rule-seat-limit = a party holds more ordinary or substitute seats than its limit on some day
rule-constituency-foreign-party = a body's `parties` names a party that is not a party of its agreement
rule-member-not-party = a member represents a party that is not (or no longer) a party of the body's agreement
rule-vacant-seat = with `every_party`, a party has no ordinary member on some day
rule-double-seat = one person holds two seats in the same body on the same day
rule-substitute-pairing = `substitute_for` names nobody on the roster then, or a member of another party
rule-chair-missing = an active year (or chair term) up to today's has no [[chair]], or (alternate-sides) no vice chair
rule-chair-same-side = under alternate-sides, chair and vice chair come from the same side
rule-chair-not-member = chair or vice chair is not an ordinary member of the body all that year (or chair term)
rule-chair-wrong-side = under fixed-side, the chair is not of `side`, or the vice chair is
rule-chair-not-rotated = under alternate-sides, the chair's side is last year's (or last term's) without a valid extension
rule-chair-term-start = a [[chair]] year that is not the first year of a chair term (two-years, mandate-period)
rule-host-chair = under host, a meeting has no host, a host that is no party, or a host without a partner owner that day
rule-host-not-alternating = under host, consecutive meetings have the same host
rule-too-few-meetings = a finished year has fewer meetings than `per_year_min`
rule-last-meeting-kind = a finished year's last meeting is not of kind `last_of_year`
rule-meeting-inactive-body = a meeting outside its body's active period, or filed under another year
rule-meeting-on-holiday = a meeting on a weekend or Swedish public holiday or eve
rule-case-event-order = events not in date order, or before `raised`
rule-case-not-prepared = an event at a body with `prepared_by` before that body prepared the case
rule-advisory-decision = a `decided` event at an advisory body
rule-reply-overdue = `reply_by` (holiday-adjusted) has passed and a party that must reply is undecided
rule-bilateral-question = a single-municipality case has an event at a county-wide body
rule-obligation-overdue = an obligation is due before --today and not done
rule-owner-change-unnotified = a partner owner changes without `notified`

# Format 2: people without a seat, and attendance (people)
rule-chair-without-seat = an adjunct, observer or secretary is named chair or vice chair
rule-substitute-without-absence = attendance records a substitute while no ordinary member they could stand in for is recorded absent
rule-party-unrepresented = with every_party, attendance shows a party whose ordinary members were all away and no substitute of it sat in

rules-code = code
rules-family = family
rules-severity = severity
rules-fires-when = fires when

level-error = error
level-warn = warn
level-allow = allow
explain-heading = { $code } ({ $family }, default severity: { $severity })

# Format 2: associations, side and group caps, party events
rule-association-not-listed = a member's party is an association that is neither in the agreement's `associations` nor a party
rule-side-seat-limit = a side holds more ordinary or substitute seats than its `by_side` total, or (pooled) its pooled substitute limit, on some day
rule-group-seat-limit = the members of an association hold more seats than its `by_group` total on some day
rule-party-event-foreign = an event by `party` names a party that is neither a party nor an association of the case's agreement
