# Regeltabellen och explain: en rad per regel, `rule-<kod>`.

rule-toml-syntax = en fil är inte giltig TOML (avslutar med status 2)
rule-unreadable-file = en fil kan inte läsas eller är inte UTF-8 (avslutar med status 2)
rule-schema = okänd nyckel, saknad nyckel, fel typ eller ett värde som inte är tillåtet
rule-invalid-id = ett filnamn är inget giltigt id
rule-duplicate-id = två poster av samma slag har samma id
rule-dangling-reference = en hänvisning till en part, överenskommelse, ett organ eller en person som inte finns
rule-unexpected-file = en .toml-fil på en plats som registrets struktur inte känner till
rule-invalid-range = ett slutdatum före sitt startdatum
rule-invalid-org-number = organisationsnumret har fel form eller fel kontrollsiffra
rule-renewal-without-term = `[renewal]` eller `[[extension]]` i en överenskommelse utan `ends`
rule-cost-split = en `[[cost]]`-fördelning summerar inte till 100, eller nämner en sida eller part som inte finns i överenskommelsen
rule-annex-outlives-agreement = en bilaga (`part_of`) har `ends`, eller ett organ, en ledamot eller ett möte, efter huvudöverenskommelsens slut
rule-annex-foreign-party = en bilaga anger en part som inte är part i huvudöverenskommelsen
rule-fixed-term-expired = en tidsbegränsad överenskommelse har passerat `ends` på --today
rule-body-outlives-agreement = ett organ har en ledamot i tjänst, eller ett möte, efter att dess överenskommelse har upphört
rule-notice-from-non-party = en uppsägning från en part som inte är part i överenskommelsen
rule-handled-by-foreign-body = `handled_by` är inget organ inom överenskommelsen
rule-seat-limit = en part har fler ordinarie platser eller ersättarplatser än sin gräns någon dag
rule-constituency-foreign-party = ett organs `parties` nämner en part som inte är part i dess överenskommelse
rule-member-not-party = en ledamot företräder en part som inte är (eller inte längre är) part i organets överenskommelse
rule-vacant-seat = med `every_party` saknar en part ordinarie ledamot någon dag
rule-double-seat = en person har två platser i samma organ samma dag
rule-substitute-pairing = `substitute_for` pekar inte på någon i ledamotslistan vid den tiden, eller på en ledamot från en annan part
rule-chair-missing = ett aktivt år (eller ordförandeperiod) till och med i år saknar [[chair]], eller (alternate-sides) vice ordförande
rule-chair-same-side = med alternate-sides kommer ordförande och vice ordförande från samma sida
rule-chair-not-member = ordförande eller vice ordförande är inte ordinarie ledamot i organet hela året (eller perioden)
rule-chair-wrong-side = vid fixed-side är ordföranden inte från `side`, eller så är vice ordföranden det
rule-chair-not-rotated = med alternate-sides har ordförandeskapet samma sida som förra året (eller perioden) utan giltig förlängning
rule-chair-term-start = ett [[chair]]-år som inte är första året i en ordförandeperiod (two-years, mandate-period)
rule-host-chair = med host saknar ett möte värd, har en värd som inte är part, eller en värd utan partnerägare den dagen
rule-host-not-alternating = med host har två möten i följd samma värd
rule-too-few-meetings = ett avslutat år har färre möten än `per_year_min`
rule-last-meeting-kind = ett avslutat års sista möte är inte av slaget `last_of_year`
rule-meeting-inactive-body = ett möte utanför organets verksamma tid, eller registrerat under ett annat år
rule-meeting-on-holiday = ett möte en lördag, söndag, svensk allmän helgdag eller helgdagsafton
rule-case-event-order = händelser som inte står i datumordning, eller före `raised`
rule-case-not-prepared = en händelse i ett organ med `prepared_by` innan det organet har berett ärendet
rule-advisory-decision = en `decided`-händelse i ett rådgivande organ
rule-reply-overdue = `reply_by` (justerat för helgdagar) har passerat och en part som ska svara har inte beslutat
rule-bilateral-question = ett ärende för en enda kommun har en händelse i ett länsgemensamt organ
rule-obligation-overdue = ett åtagande skulle vara klart före --today och är inte utfört
rule-owner-change-unnotified = en partnerägare byts utan `notified`

# Format 2: personer utan plats och närvaro (people)
rule-chair-without-seat = en adjungerad, observatör eller sekreterare är utsedd till ordförande eller vice ordförande
rule-substitute-without-absence = närvaron visar en ersättare som tjänstgjort fast ingen ordinarie ledamot som ersättaren kan ersätta är antecknad som frånvarande
rule-party-unrepresented = med every_party visar närvaron en part vars ordinarie ledamöter alla var frånvarande utan att någon ersättare för parten tjänstgjorde

rules-code = kod
rules-family = familj
rules-severity = nivå
rules-fires-when = slår till när

level-error = fel
level-warn = varning
level-allow = tillåten
explain-heading = { $code } ({ $family }, nivå som standard: { $severity })

# Format 2: kommunförbund, tak per sida och grupp, parters egna händelser
rule-association-not-listed = en ledamots part är ett kommunförbund som varken finns i överenskommelsens `associations` eller är part
rule-side-seat-limit = en sida innehar fler ordinarie platser eller ersättarplatser än sitt tak i `by_side`, eller (gemensamma ersättare) sin gemensamma ersättargräns, någon dag
rule-group-seat-limit = ett kommunförbunds medlemmar innehar fler platser än kommunförbundets tak i `by_group` någon dag
rule-party-event-foreign = en händelse med `party` nämner en part som varken är part eller kommunförbund i ärendets överenskommelse
