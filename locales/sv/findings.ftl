# Meddelanden för fynd från reglerna och inläsningen: `msg!("id", namn = värde)` i src/.
# Värden i meddelandena (id, namn, datum, nycklar) citeras som de är; bara orden översätts.
# Termerna i spec/cli.md ("Swedish output terms") gäller ordagrant.

# check
check-summary = { $errors }, { $warnings }
check-summary-baseline = Fynd som redan finns i { $rev } visas inte.
check-summary-severity = allvarlighet
check-summary-rule = regel
check-summary-place = plats
check-summary-message = meddelande
severity-error = fel
severity-warning = varning

## Inläsning: filer

load-symlink = { $path } är en symbolisk länk, och länkar följs aldrig; lägg själva filen i registret
load-not-a-file = { $path } är { $what }, inte en fil; registret innehåller bara TOML-filer: ta bort den eller ge den ett namn som inte slutar på .toml
load-unreadable = kan inte läsa { $path }: { $reason }
load-not-utf8 = { $path } är inte UTF-8-text (ogiltig byte vid position { $offset }); spara filen som UTF-8
load-unexpected-file = { $path } ligger på en plats som registrets struktur inte känner till: { $hint }; flytta eller byt namn på filen
load-hint-meetings = mötesfiler heter som året, t.ex. meetings/2026.toml
load-hint-cases = ärenden ligger i cases/<år>/<id>.toml
load-hint-layout = strukturen känner till registry.toml, parties/, agreements/, bodies/, members/, meetings/ och cases/<år>/
load-invalid-id = "{ $id }" är inget giltigt id: använd små ASCII-bokstäver, siffror och '-', med en bokstav eller siffra först (å, ä → a; ö → o), och byt namn på filen
load-duplicate-case = { $path }: ett annat ärende har redan id "{ $id }"; byt namn på en av filerna
# Ett kommando som rapporterar om registret vägrar ett som inte går att läsa in, och visar varför.
registry-unreadable = registret kan inte läsas:
# Ett register som inte kan läsas alls: skälet som inläsningen anger det.
load-registry-unreadable = registret kan inte läsas: { $reason }

## Inläsning: syntax och schema

toml-syntax-too-deep = ogiltig TOML: { $detail }: en nyckel med { $parts } punktade delar är mer än en läsare följer; nästla med tabeller i stället
toml-syntax = ogiltig TOML: { $detail }
schema-empty-file = filen är tom: { $problem }
# Ett problem som serde rapporterar när ett värde läses, med dess egna ord.
schema-deserialize = värdet kan inte läsas: { $detail }
schema-unknown-key = okänd nyckel `{ $key }`, tillåtna nycklar är { $keys }
schema-unknown-key-in = okänd nyckel `{ $key }` i `{ $table }`, tillåtna nycklar är { $keys }
schema-missing-key = obligatorisk nyckel { $key } saknas
schema-missing-keys = obligatoriska nycklar { $keys } och { $last } saknas
schema-missing-key-or = obligatorisk nyckel { $key } saknas (en bilaga kan ange { $instead } i stället)
schema-wrong-value = `{ $key }` är { $value }; här ska stå { $expected }
schema-wrong-one-of = `{ $key }` är { $value }; här ska stå { $options }
schema-below-minimum = `{ $key }` är { $value }; här ska stå minst { $min }
schema-value-fraction = ett tal med decimaler
schema-value-array = en lista
schema-value-table = en tabell
schema-expected-one-of = ett av { $values }
schema-expected-value = { $value }
schema-expected-date = ett datum, t.ex. 2026-03-20
schema-expected-date-time = ett datum (2026-03-20) eller en lokal tidpunkt (2026-03-20T09:30:00)
schema-expected-table = en tabell
schema-expected-array = en lista
schema-expected-unquoted-date = ett datum, t.ex. 2026-03-20, utan citattecken
schema-expected-unquoted-date-time = ett datum (2026-03-20) eller en lokal tidpunkt (2026-03-20T09:30:00), utan citattecken
schema-expected-string = en text inom citattecken
schema-expected-integer = ett heltal
schema-expected-boolean = true eller false
# Alternativen för ett värde som kan ha flera former.
schema-did-you-mean-key = { $problem }; menade du `{ $key }`?
schema-expected-one-of-hint = ett av { $values }; menade du "{ $value }"?
schema-expected-number = ett tal
schema-expected-other = ett annat värde
schema-expected-id = ett id: små a-z, siffror och -, med en bokstav eller siffra först (å, ä → a; ö → o)
schema-expected-month = en månad, t.ex. "2020-11"
schema-expected-pattern = text som matchar { $pattern }
schema-option-either = { $first } eller { $second }

## Inläsning: modellen

reference-meeting-body = mötets organ
reference-meeting-host = mötets värd
reference-secretariat = sekretariat
reference-party = part
reference-notice-party = uppsägande part
reference-role-party = rollens part
reference-member-party = ledamotens part
reference-seat-of = platsens organ
reference-event-body = händelsens organ
reference-decision-party = beslutets part
dangling-party = { $what } "{ $id }" är ingen part: filen parties/{ $id }.toml finns inte
dangling-body = { $what } "{ $id }" är inget organ: filen bodies/{ $id }.toml finns inte
dangling-agreement = { $what } "{ $id }" är ingen överenskommelse: filen agreements/{ $id }.toml finns inte
part-of-cycle = `part_of` i { $id } går runt i en cirkel ({ $circle }): en bilaga måste leda till en huvudöverenskommelse som inte själv ingår i den
dangling-obligation-owner = åtagandets ägare "{ $owner }" är varken ett organ eller en part
dangling-roster = members/{ $id }.toml är ledamöterna i "{ $id }", som inte är något organ: filen bodies/{ $id }.toml finns inte
invalid-range = { $end_key } { $end } ligger före { $start_key } { $start }
schema-checks-unknown-code-hint = [checks] nämner "{ $code }", som inte är någon regelkod; menade du `{ $suggestion }`? `samverkan rules` listar dem
schema-checks-unknown-code = [checks] nämner "{ $code }", som inte är någon regelkod; `samverkan rules` listar dem
duplicate-party = parten "{ $party }" står med två gånger
duplicate-obligation = åtagandet med id "{ $id }" förekommer två gånger i den här överenskommelsen
duplicate-chair-year = [[chair]] för år { $year } är registrerad två gånger
schema-notice-months-zero = notice_months är 0; uppsägningstiden ska vara minst 1 månad
schema-handled-without-body = counted_from = "handled" kräver handled_by: det organ som behandlar en uppsägning
schema-obligation-due-or-every = åtagandet "{ $id }" ska ha precis ett av `due` (ett engångsåtagande), `every_months` (ett återkommande) och `due_each_year` (ett årligt)
schema-every-months-zero = every_months är 0; värdet ska vara minst 1
schema-working-group-without-end = en arbetsgrupp behöver `ends`: den sista dagen den arbetar
schema-missing-seats = tabellen [seats] saknas (bara ett organ med `chairs_of` saknar den)
schema-chairs-of-with-seats = ett organ med `chairs_of` består av det organets ordförande och vice ordförande; ta bort [seats]
schema-roster-of-chairs-of = "{ $id }" består av ett annat organs ordförande (`chairs_of`) och har därför inga ledamöter; ta bort den här filen

## Parter

invalid-org-number = organisationsnumret "{ $number }" { $why }
org-number-shape = har inte formen NNNNNN-NNNN
org-number-check-digit = har kontrollsiffran { $digit }, den ska vara { $expected }

## Överenskommelser

renewal-without-term-renewal = [renewal] förlänger en avtalstid, och överenskommelsen saknar `ends`: ange den första avtalsperiodens sista dag i `ends`, eller ta bort [renewal] för en överenskommelse som gäller tills vidare
renewal-without-term-extension = [[extension]] flyttar en avtalstids sista dag, och överenskommelsen saknar `ends`: ange avtalstidens sista dag i `ends`, eller ta bort förlängningen
cost-split-sum = fördelningen av "{ $title }" summerar till { $sum } procent; den ska summera till 100
cost-split-unknown = fördelningen av "{ $title }" nämner "{ $name }", som varken är en sida (region, municipality) eller en part i överenskommelsen
cost-split-absent-side = fördelningen av "{ $title }" ger en andel till sidan { $side }, som ingen part i överenskommelsen tillhör
cost-split-mixed = fördelningen av "{ $title }" blandar sidor och parter; fördela per sida eller per part
fixed-term-expired = överenskommelsen upphörde { $ends } och står kvar oförändrad i registret; registrera den överenskommelse som ersätter den, eller arkivera den
notice-from-non-party = uppsägning från "{ $party }", som inte är part i överenskommelsen
handled-by-foreign-body = handled_by "{ $body }" hör till överenskommelsen "{ $agreement }", inte till den här
outlives-until = till och med { $to }
outlives-no-end = utan slutdatum
outlives-member = { $name } sitter i { $body } { $served }, efter att överenskommelsen "{ $agreement }" upphörde { $end }; avsluta platsen senast { $end }
outlives-meeting = { $body } har möte { $date }, efter att överenskommelsen "{ $agreement }" upphörde { $end }
annex-foreign-party = "{ $party }" är inte part i huvudöverenskommelsen "{ $main }"; en bilaga binder bara parter i huvudöverenskommelsen
annex-outlives-ends = bilagan gäller till och med { $ends }, efter att huvudöverenskommelsen "{ $main }" upphör { $end }; låt den upphöra senast { $end }
annex-outlives-body = { $body } upphör { $ends }, efter att "{ $main }", huvudöverenskommelsen för bilagan "{ $annex }", upphör { $end }

## Representation

seat-limit = { $party } innehar { $count } { $role ->
        [ordinary] ordinarie { $count ->
            [one] plats
           *[other] platser
        }
       *[substitute] { $count ->
            [one] ersättarplats
           *[other] ersättarplatser
        }
    } { $day }, gränsen är { $limit } ({ $source ->
        [no-rule] ingen platsregel
        [no-rule-covers] ingen platsregel gäller parten
       *[other] { $source }
    })
constituency-foreign-party = { $body } betjänar "{ $party }", som inte är part i organets överenskommelse { $agreement }
member-not-in-constituency = { $name } sitter i { $body } för "{ $party }", som inte hör till de parter organet betjänar (dess `parties`)
member-not-party = { $name } sitter i { $body } för "{ $party }", som inte är part i organets överenskommelse
member-after-exit = { $name } sitter i { $body } för "{ $party }" efter { $exit }, då uppsägningen fick verkan och parten lämnade överenskommelsen; avsluta platsen senast { $exit }
double-seat = { $name } har två platser i { $body } { $day }: { $first_role ->
        [ordinary] ordinarie ledamot
       *[substitute] ersättare
    } för { $first_party } från { $first_from } och { $second_role ->
        [ordinary] ordinarie ledamot
       *[substitute] ersättare
    } för { $second_party } från { $second_from }
substitute-other-party = { $name } är ersättare för { $paired } från "{ $paired_party }", men företräder "{ $party }"; en ersättare går in för en ledamot från samma part
substitute-not-on-roster = { $name } är ersättare för "{ $paired }", som inte finns bland ledamöterna medan { $name } sitter (från { $from })
substitute-uncovered = { $name } är ersättare för { $paired }, som inte finns bland ledamöterna { $day } medan { $name } fortfarande sitter; para ihop ersättaren på nytt
vacant-no-roster = { $body } ger varje part en plats men har inga ledamöter (members/{ $body }.toml): alla { $count } parters platser är vakanta från { $start }
vacant-seat = { $party } ({ $name }) har ingen ordinarie ledamot i { $body } { $period }
period-on = den { $day }
period-from-to = från { $from } till { $to }
period-from-on = från { $from } och framåt

## Ordförandeskap

schema-host-chair-recorded = { $body } leds av värden för varje möte (rule = "host") och registrerar därför ingen [[chair]]; ta bort den här posten
chair-missing = { $body } har ingen [[chair]] för { $year }; registrera vem som är ordförande det året
vice-chair-missing = { $body } registrerar ingen vice_chair för { $year }; med alternate-sides har den andra sidan vice ordförandeposten
chair-not-member = { $role ->
        [chair] ordförande
       *[vice-chair] vice ordförande
    } { $name } för { $year } är inte ordinarie ledamot i { $body } { $day }; en ordförande ska ha en ordinarie plats hela året
schema-chair-party-without-side = { $party } är av slaget "{ $kind }" och har en ordförandepost i { $body } med alternate-sides: ge parten `side = "region"` eller `side = "municipality"`
chair-same-side = ordförande { $chair } och vice ordförande { $vice_chair } för { $year } kommer båda från { $side ->
        [region] regionsidan
       *[municipality] kommunsidan
    }; vice ordförande kommer från den andra sidan
chair-wrong-side = { $name }, ordförande { $year }, företräder sidan { $side }; vid fixed-side är ordföranden alltid från sidan { $fixed }
vice-chair-wrong-side = { $name }, vice ordförande { $year }, företräder sidan { $fixed }, som har ordförandeskapet vid fixed-side; vice ordföranden ska vara från en annan sida
schema-fixed-side-without-side = { $body } har rule = "fixed-side" men ingen `side`: ange vilken sida som alltid är sammankallande, side = "region" eller side = "municipality"
chair-not-rotated = { $side ->
        [region] regionsidan
       *[municipality] kommunsidan
    } har ordförandeskapet i { $body } både { $last_year } och { $year }; ordförandeskapet växlar sida varje år om ingen förlängning är registrerad
chair-extension-never = { $body } tillåter ingen förlängning (extension = "never"), ändå behåller { $side ->
        [region] regionsidan
       *[municipality] kommunsidan
    } ordförandeskapet { $year }
chair-extension-not-unanimous = { $body } förlänger ett ordförandeskap bara genom enhälligt beslut; förlängningen { $year } anger inte `unanimous = true`
# Ordförandeperioder längre än ett år (format 2: `[chair] term`).
chair-term-start = [[chair]] year = { $year } inleder ingen ordförandeperiod i { $body }: med term = "{ $rule }" ligger året i perioden { $term }; skriv year = { $start }, periodens första år
chair-missing-term = { $body } har ingen [[chair]] för perioden { $term }; registrera vem som är ordförande med year = { $year }
chair-not-member-term = { $role ->
        [chair] ordförande
       *[vice-chair] vice ordförande
    } { $name } för { $term } är inte ordinarie ledamot i { $body } { $day }; en ordförande ska ha en ordinarie plats hela perioden
chair-not-rotated-term = { $side ->
        [region] regionsidan
       *[municipality] kommunsidan
    } har ordförandeskapet i { $body } både perioden { $last_term } och perioden { $term }; ordförandeskapet växlar sida varje period om ingen förlängning är registrerad
host-missing = mötet { $date } i { $body } har ingen värd; värdpartens partnerägare är ordförande
host-not-party = värden "{ $host }" är inte part i överenskommelsen "{ $agreement }"
host-without-owner = värden "{ $host }" har ingen partnerägare { $date } som kan vara ordförande; registrera en [[role]] role = "partner-owner" i agreements/{ $agreement }.toml
host-not-alternating = "{ $host }" är värd för { $body } två gånger i rad (igen { $date }); värdskapet växlar mellan parterna

## Möten

meeting-wrong-file = ett möte { $date } ligger i meetings/{ $file_year }.toml; flytta det till meetings/{ $year }.toml
meeting-before-established = { $body } har möte { $date }, innan organet inrättades { $established }
meeting-after-body-end = { $body } har möte { $date }, efter att organet upphörde { $ends }
meeting-on-holiday = { $body } har möte { $date }, som är { $day }
day-saturday = en lördag
day-sunday = en söndag
too-few-meetings = { $body } hade { $count ->
        [one] { $count } möte
       *[other] { $count } möten
    } { $year }; organet ska ha minst { $min } möten om året
last-meeting-kind = det sista mötet i { $body } { $year } ({ $date }) är av slaget "{ $kind }"; året avslutas med ett "{ $expected }"
last-meeting-missing = { $body } hade inget möte { $year }; året avslutas med ett "{ $expected }"

## Ärenden

event-before-raised = händelsen { $date } ligger före { $raised }, då ärendet väcktes
event-out-of-order = händelsen { $date } står efter en händelse { $previous }; skriv händelserna i datumordning
advisory-decision = { $body } är rådgivande och lämnar bara rekommendationer; beslut fattas i varje parts egen linjeorganisation (registrera `recommended` här och ett [[decision]] per part)
case-not-prepared = ärendet når { $body } { $date } innan { $preparer } har berett det; ärenden kommer till { $body } via { $preparer }
reply-overdue = svaren skulle ha kommit senast { $due }; ännu inte beslutat: { $parties }
bilateral-question = ärendet gäller bara { $party } men går till det länsgemensamma { $body }; en fråga för en enda kommun tas bilateralt med regionen
due-date = { $date }
due-date-adjusted = { $date } (flyttat till { $adjusted })

## Åtaganden och roller

obligation-overdue = "{ $id }" ({ $owner }) skulle vara klart senast { $due } och är inte registrerat som utfört; lägg till datumet i `done`
owner-change-unnotified = { $name } efterträder { $before } som partnerägare för { $party } från { $from }, men `notified` anger inte när de andra parterna underrättades skriftligt

## Format 2: personer utan plats och närvaro (people)

chair-without-seat = { $role ->
        [chair] ordförande
       *[vice-chair] vice ordförande
    } { $name } för { $year } står i { $body } som { $seat_role ->
        [adjunct] adjungerad
        [observer] observatör
       *[secretary] sekreterare
    }, utan plats; en ordförande ska ha en ordinarie plats

attendance-absent-unknown = `absent` nämner { $name }, som inte är ordinarie ledamot i { $body } { $day }; ange bara ordinarie ledamöter som var frånvarande, med namnet i ledamotslistan
attendance-substitute-unknown = `substitutes` nämner { $name }, som inte är ersättare i { $body } { $day }; ange bara ersättare som tjänstgjorde, med namnet i ledamotslistan
substitute-without-absence = { $name } tjänstgjorde som ersättare i { $body } { $day }, men ingen som { $name } ersätter är antecknad i `absent`; en ersättare deltar bara när en ordinarie ledamot är frånvarande
party-unrepresented = { $party } var inte företrädd i { $body } { $day }: alla partens ordinarie ledamöter är antecknade som frånvarande och ingen av dess ersättare tjänstgjorde

# A check that could not run, in the words of the command line.
usage = { $message }

## Format 2: kommunförbund, tak per sida och grupp, parters egna händelser

reference-event-party = händelsens part
schema-event-body-and-party = en händelse sker i ett organ (`body`) eller i en parts egen organisation (`party`), inte båda: behåll en
schema-event-without-body = en händelse behöver `body` (organet där den skedde) eller `party` (för en åtgärd i en parts egen organisation)
schema-members-not-association = `members` anger de parter ett kommunförbund samlar, men partens kind är { $kind }; sätt kind = "association" eller ta bort `members`
schema-group-without-members = by_group begränsar platserna för ett kommunförbunds medlemmar, men "{ $id }" har inga `members`; ange dem i parties/{ $id }.toml
association-not-listed = { $name } sitter i { $body } för kommunförbundet "{ $party }", som varken är part i överenskommelsen { $agreement } eller finns i dess `associations`; lägg till det i `associations`
side-seat-limit = { $side ->
        [region] regionsidan
       *[municipality] kommunsidan
    } innehar { $count } { $role ->
        [ordinary] ordinarie { $count ->
            [one] plats
           *[other] platser
        }
       *[substitute] { $count ->
            [one] ersättarplats
           *[other] ersättarplatser
        }
    } { $day }, gränsen är { $limit } ({ $source ->
        [pooled] gemensamma ersättare: summan av sidans parters ersättargränser
       *[other] { $source }
    })
group-seat-limit = medlemmarna i { $group } innehar { $count } { $role ->
        [ordinary] ordinarie { $count ->
            [one] plats
           *[other] platser
        }
       *[substitute] { $count ->
            [one] ersättarplats
           *[other] ersättarplatser
        }
    } { $day }, gränsen är { $limit } (by_group)
party-event-foreign = en händelse hos "{ $party }", som varken är part eller kommunförbund i överenskommelsen { $agreement }
## Format 2, åtaganden för varje part (obligation-overdue)
obligation-overdue-parties = "{ $id }" (varje part) skulle vara klart senast { $due } och är inte registrerat som utfört av { $count } av dess { $total } parter: { $parties }; lägg till deras datum i `done_by`
party-list = { $shown }
party-list-more = { $shown } och { $more } till
schema-obligation-done-by-owner = `done_by` är för ett åtagande för varje part; med ägaren "{ $owner }" skrivs datumen i `done`
schema-obligation-done-each-party = ett åtagande för varje part anger vem som utfört det i `done_by = {"{"} part = [datum] {"}"}`, inte i `done`
done-by-foreign-party = `done_by` nämner "{ $party }", som inte är part i den här överenskommelsen; ange bara dess parter
schema-expected-month-day = en dag som finns varje år, skriven "MM-DD", till exempel "03-31" ("02-29" finns inte varje år: skriv "02-28" eller "03-01")
