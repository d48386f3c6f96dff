# Deadlines and notice: days to act by, notice terms, passed deadlines.
