# Headings, labels and sentences of the views (roster, schedule, deadlines, notice,
# rotation, report, diff, graph).
