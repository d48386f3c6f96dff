# Finding messages of the rules, and the rule table.

# check
check-summary = { $errors }, { $warnings }
