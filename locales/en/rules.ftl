# The rule table and explain: one line per rule.
