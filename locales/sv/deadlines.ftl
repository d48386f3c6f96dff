# Deadlines and notice: days to act by, notice terms, passed deadlines.

## Vyn deadlines (tidsfrister)

deadlines-heading = Tidsfrister sedda från { $today }
deadlines-within = , inom { $days } dagar (försenade medräknade)
deadlines-none = Inga tidsfrister.
deadlines-col-date = Sista dag
deadlines-col-act-by = Agera senast
deadlines-col-days-left = Dagar kvar
deadlines-col-kind = Typ
deadlines-col-subject = Avser
deadlines-footer = Agera senast: en sista dag som står i registret (ett svar, ett åtagande) och som infaller på en dag som inte är arbetsdag (lördag, söndag, allmän helgdag, midsommarafton, julafton eller nyårsafton) flyttas till nästa arbetsdag enligt lag (1930:173). En sista dag som räknas baklänges från ett önskat slut (sista dag för uppsägning) flyttas i stället till närmast föregående arbetsdag, eftersom den som agerar senare får ett senare slut. Dagar kvar räknas till dagen att agera senast.
days-left-overdue = { $days } (försenad)
days-left-today = 0 (i dag)

deadline-kind-notice = uppsägning
deadline-kind-notice-handled = uppsägning (behandling)
deadline-kind-notice-renewal = uppsägning (förlängning)
deadline-kind-notice-effective = uppsägning träder i kraft
deadline-kind-obligation = åtagande
deadline-kind-reply = svar
deadline-kind-fixed-term-end = avtalstiden löper ut
deadline-kind-nomination = nominering
deadline-kind-chair-term = ordförandeperiod

deadline-parties = { $count ->
    [one] { $name }
   *[other] varje part ({ $count })
}

subject-fixed-term-end = { $title }: sista dag i kraft (tidsbegränsad)
subject-notice-effective = { $party }: uppsägning av { $title } (mottagen { $received }) träder i kraft; sista dag i kraft
subject-notice-effective-ends = { $party }: uppsägning av { $title } (mottagen { $received }) träder i kraft; sista dag i kraft; överenskommelsen upphör med den
subject-notice = { $parties }: sista dag att säga upp { $title } och vara ute senast { $out_by } (uppsägningstid { $months } månader från mottagandet)
subject-notice-handled-meeting = { $parties }: sista dag att säga upp { $title } och vara ute senast { $out_by } (uppsägningstid { $months } månader från behandlingen): uppsägningen måste nå { $body } i tid till mötet { $meeting }, dess sista registrerade möte på eller före { $handling }
subject-notice-handled-calendar = { $parties }: sista dag för { $body } att behandla en uppsägning av { $title } och vara ute senast { $out_by } (uppsägningstid { $months } månader från behandlingen); uppsägningen måste nå { $body } i tid till dess sista möte på eller före den dagen, vilket de registrerade mötena ännu inte visar
subject-notice-renewal = { $parties }: sista dag att säga upp { $title } så att den upphör när avtalsperioden slutar { $term_end }; utan uppsägning förlängs den med { $renewal } månader
subject-obligation = { $title } (ansvarig: { $owner })
subject-reply = { $action ->
    [recommended] Svar på rekommendationen ”{ $case }” ({ $body }, { $date })
   *[other] Svar på ”{ $case }” ({ $body }, { $date })
}; ej beslutad: { $undecided }
subject-nomination = { $party }: nominera en efterträdare till { $member } ({ $role ->
    [substitute] ersättare
   *[other] ordinarie ledamot
} i { $body }, sista dag { $last_day })
subject-chair-term = { $body }: ordförandeperioden { $year } börjar och ingen ordförande är registrerad
subject-chair-term-planned = { $body }: ordförandeperioden { $year } börjar och ingen ordförande är registrerad (planerad: ordförande från { $side ->
    [region] regionsidan
   *[other] kommunsidan
})

## Vyn notice (uppsägning)

notice-label-agreement = Överenskommelse
notice-label-party = Part
notice-label-terms = Uppsägningstid
notice-terms-renewal = { $months } månader före en avtalsperiods slut; utan uppsägning förlängs överenskommelsen med { $renewal } månader i taget
notice-terms-received = { $months } månader, räknat från mottagandet
notice-terms-handled = { $months } månader, räknat från behandlingen i { $body } ({ $id })
notice-label-given = Uppsägning lämnad
notice-label-handled = Behandlad
notice-label-ends = Sista dag i kraft
notice-label-out-by = Ute senast
notice-label-latest-handling = Senaste behandling
notice-label-meeting = Möte att hinna till
notice-label-latest-notice = Sista dag för uppsägning
notice-label-act-by = Agera senast
notice-act-by-moved = { $act_by } ({ $latest } är inte en arbetsdag)
notice-label-days-left = Dagar kvar
notice-label-passed = Passerad
notice-passed = ja: sista dag att agera var { $act_by }
notice-label-earliest-end = Tidigaste slut
notice-earliest-end = { $end }, för en uppsägning som lämnas i dag ({ $today })
notice-label-note = Anmärkning
notice-unknown = okänd
notice-none-recorded = inget registrerat

note-already-given = { $party } har redan sagt upp (mottagen { $received }); uppsägningen träder i kraft efter { $ends }
note-already-given-pending = { $party } har redan sagt upp (mottagen { $received }); uppsägningen väntar på behandling
note-pending = inget möte i { $body } är registrerat på eller efter { $given }: uppsägningstiden räknas från mötet som behandlar uppsägningen och löper ut { $months } månader efter det mötet
note-agreement-ends-first = överenskommelsen upphör själv { $ends } (tidsbegränsad)
note-reach-meeting = { $body } måste behandla uppsägningen senast { $handling }; dess sista registrerade möte på eller före den dagen är { $meeting }, så uppsägningen måste nå det i tid till det mötet
note-depends-on-calendar = beror på mötesplanen: uppsägningen måste nå { $body } i tid till dess sista möte på eller före { $handling }, den sista dag då uppsägningen kan behandlas, och de registrerade mötena visar ännu inte vilket möte det är
note-no-meeting-in-time = inget möte i { $body } är registrerat på eller före { $handling }, den sista dag då uppsägningen kan behandlas: om inget möte läggs till före dess hinner ingen uppsägning behandlas i tid
note-no-meeting-after-today = inget möte i { $body } är registrerat efter { $today }, så det tidigaste slutet är ännu inte känt
note-before-effective = det är före den dag överenskommelsen trädde i kraft, { $effective }

## Tidsfrister som CSV och iCalendar

deadlines-csv-agreement = överenskommelse
deadlines-csv-parties = parter
deadlines-csv-body = organ
deadlines-csv-case = ärende
deadlines-csv-id = id
deadlines-ics-kind = Typ: { $kind }
deadlines-ics-date = Sista dag: { $date }
deadlines-ics-act-by = Sista dag: { $date }; agera senast { $act_by }
deadlines-ics-days-left = Dagar kvar { $today }: { $days }
note-first-term-ends-later = ingen avtalsperiod slutar så tidigt: den första slutar { $term_end }, och svaret gäller den

## Format 2, åtaganden för varje part
subject-obligation-parties = { $title } (inte utfört: { $parties })
deadline-parties-more = { $names } och { $more } till
