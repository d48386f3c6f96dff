//! Names people use for agreements, bodies and parties: a command takes an id, a name (an
//! agreement's title), a `short` name or an alias, compared without case and with å, ä and
//! ö folded; a unique beginning of one works too. A miss says which are closest.

use super::Registry;

/// What a name is looked up among.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Agreement,
    Body,
    Party,
}

impl Kind {
    fn noun(self) -> &'static str {
        match self {
            Kind::Agreement => "agreement",
            Kind::Body => "body",
            Kind::Party => "party",
        }
    }

    fn plural(self) -> &'static str {
        match self {
            Kind::Agreement => "agreements",
            Kind::Body => "bodies",
            Kind::Party => "parties",
        }
    }
}

/// One entity and the names it answers to: its id first, then its name.
struct Named<'a> {
    id: &'a str,
    names: Vec<&'a str>,
}

impl Named<'_> {
    /// `lanssamverkansgruppen (Länssamverkansgruppen, LSG)`.
    fn describe(&self) -> String {
        match self.names.get(1..) {
            Some(names) if !names.is_empty() => format!("{} ({})", self.id, names.join(", ")),
            _ => self.id.to_owned(),
        }
    }
}

fn named(reg: &Registry, kind: Kind) -> Vec<Named<'_>> {
    fn entry<'a>(
        id: &'a str,
        name: &'a str,
        short: Option<&'a crate::model::Spanned<String>>,
        aliases: &'a [crate::model::Spanned<String>],
    ) -> Named<'a> {
        let mut names = vec![id, name];
        names.extend(short.map(|s| s.get_ref().as_str()));
        names.extend(aliases.iter().map(|a| a.get_ref().as_str()));
        Named { id, names }
    }
    match kind {
        Kind::Agreement => reg
            .agreements
            .iter()
            .map(|(id, a)| {
                let a = &a.value;
                entry(id, a.title.get_ref(), a.short.as_ref(), &a.aliases)
            })
            .collect(),
        Kind::Body => reg
            .bodies
            .iter()
            .map(|(id, b)| {
                let b = &b.value;
                entry(id, b.name.get_ref(), b.short.as_ref(), &b.aliases)
            })
            .collect(),
        Kind::Party => reg
            .parties
            .iter()
            .map(|(id, p)| {
                let p = &p.value;
                entry(id, p.name.get_ref(), p.short.as_ref(), &p.aliases)
            })
            .collect(),
    }
}

/// A name as compared: lowercase, å/ä → a, ö → o, é → e, ü → u, one space between words.
pub fn fold(name: &str) -> String {
    let folded: String = name
        .to_lowercase()
        .chars()
        .map(|c| match c {
            'å' | 'ä' | 'á' | 'à' => 'a',
            'ö' | 'ø' | 'ó' => 'o',
            'é' | 'è' => 'e',
            'ü' => 'u',
            c => c,
        })
        .collect();
    folded.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The id of the one `kind` that `input` names. Err: a message for a usage error, naming
/// the candidates when several match or the closest ones when none does.
pub fn resolve<'a>(reg: &'a Registry, kind: Kind, input: &str) -> Result<&'a str, String> {
    let all = named(reg, kind);
    let wanted = fold(input);
    let exact: Vec<&Named> = all
        .iter()
        .filter(|n| n.names.iter().any(|name| fold(name) == wanted))
        .collect();
    let matches = if exact.is_empty() && !wanted.is_empty() {
        all.iter()
            .filter(|n| n.names.iter().any(|name| fold(name).starts_with(&wanted)))
            .collect()
    } else {
        exact
    };
    match matches.as_slice() {
        [one] => Ok(one.id),
        [] => Err(miss(kind, input, &wanted, &all)),
        several => Err(format!(
            "{input:?} names {} {}: {}; give more of the name, or the id",
            several.len(),
            kind.plural(),
            several
                .iter()
                .take(8)
                .map(|n| n.describe())
                .collect::<Vec<_>>()
                .join("; ")
        )),
    }
}

/// How alike two names must be (Jaro-Winkler) to be offered as "did you mean".
const ALIKE: f64 = 0.75;

fn miss(kind: Kind, input: &str, wanted: &str, all: &[Named]) -> String {
    let mut scored: Vec<(f64, &Named)> = all
        .iter()
        .map(|n| {
            let best = n
                .names
                .iter()
                .map(|name| strsim::jaro_winkler(wanted, &fold(name)))
                .fold(0.0, f64::max);
            (best, n)
        })
        .filter(|(score, _)| *score >= ALIKE)
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0));
    if scored.is_empty() {
        let ids: Vec<&str> = all.iter().map(|n| n.id).collect();
        return format!(
            "no {} is called {input:?}; the {} are: {}",
            kind.noun(),
            kind.plural(),
            if ids.is_empty() {
                "(none)".to_owned()
            } else {
                ids.join(", ")
            }
        );
    }
    format!(
        "no {} is called {input:?}; did you mean {}?",
        kind.noun(),
        scored
            .iter()
            .take(3)
            .map(|(_, n)| n.describe())
            .collect::<Vec<_>>()
            .join(" or ")
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::load_texts;

    fn registry() -> Registry {
        let body = |name: &str, extra: &str| {
            format!(
                "name = \"{name}\"\nagreement = \"a\"\nlevel = \"official\"\nkind = \"standing\"\npower = \"advisory\"\nestablished = 2020-01-01\n{extra}[seats]\n"
            )
        };
        let files = [
            ("parties/r.toml", "name = \"Region Västerbotten\"\nkind = \"region\"\n".to_owned()),
            ("parties/umea.toml", "name = \"Umeå kommun\"\nkind = \"municipality\"\n".to_owned()),
            (
                "agreements/a.toml",
                "title = \"Överenskommelse om samverkan\"\nshort = \"HSA\"\nparties = [\"r\", \"umea\"]\neffective = 2020-01-01\n".to_owned(),
            ),
            ("bodies/lanssamverkansgruppen.toml", body("Länssamverkansgruppen", "short = \"LSG\"\n")),
            (
                "bodies/samrad.toml",
                body("Samråd för vård och omsorg", "aliases = [\"Samrådet\"]\n"),
            ),
            ("bodies/samrad-au.toml", body("Arbetsutskott till Samrådet", "")),
        ];
        let (reg, findings) = load_texts(files.iter().map(|(p, t)| (*p, t.as_str())));
        assert!(findings.is_empty(), "{findings:?}");
        reg
    }

    #[test]
    fn an_id_a_name_a_short_name_or_an_alias() {
        let reg = registry();
        for input in [
            "lanssamverkansgruppen",
            "Länssamverkansgruppen",
            "LANSSAMVERKANSGRUPPEN",
            "lsg",
            "LSG",
        ] {
            assert_eq!(
                resolve(&reg, Kind::Body, input),
                Ok("lanssamverkansgruppen"),
                "{input}"
            );
        }
        assert_eq!(resolve(&reg, Kind::Body, "samrådet"), Ok("samrad"));
        assert_eq!(resolve(&reg, Kind::Body, "Samradet"), Ok("samrad"));
        assert_eq!(resolve(&reg, Kind::Agreement, "hsa"), Ok("a"));
        assert_eq!(
            resolve(&reg, Kind::Agreement, "överenskommelse om samverkan"),
            Ok("a")
        );
        assert_eq!(resolve(&reg, Kind::Party, "umeå kommun"), Ok("umea"));
    }

    #[test]
    fn a_unique_beginning_works_and_an_exact_name_wins_over_beginnings() {
        let reg = registry();
        assert_eq!(
            resolve(&reg, Kind::Body, "läns"),
            Ok("lanssamverkansgruppen")
        );
        assert_eq!(resolve(&reg, Kind::Party, "Region"), Ok("r"));
        // "samrad" is an id, and the beginning of samrad-au's id: the id wins.
        assert_eq!(resolve(&reg, Kind::Body, "samrad"), Ok("samrad"));
    }

    #[test]
    fn several_or_none_say_which_are_meant() {
        let reg = registry();
        let several = resolve(&reg, Kind::Body, "sam").unwrap_err();
        assert!(several.contains("names 2 bodies"), "{several}");
        assert!(
            several.contains("samrad (Samråd för vård och omsorg, Samrådet)"),
            "{several}"
        );
        let typo = resolve(&reg, Kind::Body, "lanssamverkansgrupen").unwrap_err();
        assert_eq!(
            typo,
            "no body is called \"lanssamverkansgrupen\"; did you mean lanssamverkansgruppen (Länssamverkansgruppen, LSG)?"
        );
        let nothing = resolve(&reg, Kind::Party, "xyz").unwrap_err();
        assert_eq!(
            nothing,
            "no party is called \"xyz\"; the parties are: r, umea"
        );
        assert!(resolve(&reg, Kind::Body, "").is_err());
    }
}
