//! The views as JSON: each view's fields are the document (`docs/cli.md` names the keys
//! scripts may rely on). Dates are `"YYYY-MM-DD"`, absent values `null`.

use serde::Serialize;

/// A view as pretty-printed JSON with a final newline.
pub fn view<T: Serialize>(view: &T) -> String {
    // The views hold strings, numbers, booleans, dates and lists: serializing cannot fail.
    let mut s = serde_json::to_string_pretty(view).expect("views serialize to JSON");
    s.push('\n');
    s
}
