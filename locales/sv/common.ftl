# Ord som alla vyer delar: veckodagar, månader, antal.
# Termerna i spec/cli.md ("Swedish output terms") gäller ordagrant.

weekday-mon = mån
weekday-tue = tis
weekday-wed = ons
weekday-thu = tor
weekday-fri = fre
weekday-sat = lör
weekday-sun = sön

month-1 = januari
month-2 = februari
month-3 = mars
month-4 = april
month-5 = maj
month-6 = juni
month-7 = juli
month-8 = augusti
month-9 = september
month-10 = oktober
month-11 = november
month-12 = december
month-year = { $month } { $year }

count-errors = { $count } fel
count-warnings = { $count ->
    [one] { $count } varning
   *[other] { $count } varningar
}
