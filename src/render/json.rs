//! The views as JSON: each view's fields are the document (`docs/cli.md` names the keys
//! scripts may rely on). Dates are `"YYYY-MM-DD"`, absent values `null`.

use chrono::NaiveDate;
use serde::Serialize;

use super::deadline_words;
use crate::i18n::Lang;
use crate::views::deadlines::{Deadline, Deadlines};
use crate::views::notice::Notice;

/// A view as pretty-printed JSON with a final newline.
pub fn view<T: Serialize>(view: &T) -> String {
    // The views hold strings, numbers, booleans, dates and lists: serializing cannot fail.
    let mut s = serde_json::to_string_pretty(view).expect("views serialize to JSON");
    s.push('\n');
    s
}

/// The deadlines, their subjects worded in English: JSON is the same whatever `--lang`.
pub fn deadlines(view: &Deadlines) -> String {
    #[derive(Serialize)]
    struct Entry<'a> {
        #[serde(flatten)]
        deadline: &'a Deadline,
        subject: String,
    }
    #[derive(Serialize)]
    struct Document<'a> {
        today: NaiveDate,
        within: Option<u32>,
        deadlines: Vec<Entry<'a>>,
    }
    self::view(&Document {
        today: view.today,
        within: view.within,
        deadlines: view
            .deadlines
            .iter()
            .map(|deadline| Entry {
                deadline,
                subject: deadline_words::subject(Lang::En, &deadline.subject),
            })
            .collect(),
    })
}

/// The notice answer with its notes as one English `note` (null without notes).
pub fn notice(view: &Notice) -> String {
    #[derive(Serialize)]
    struct Document<'a> {
        #[serde(flatten)]
        answer: &'a Notice,
        note: Option<String>,
    }
    self::view(&Document {
        answer: view,
        note: deadline_words::notes(Lang::En, view.notes()),
    })
}
