//! The views as JSON: each view's fields are the document (`docs/cli.md` names the keys
//! scripts may rely on). Dates are `"YYYY-MM-DD"`, absent values `null`.

use serde::Serialize;

/// The version of the documents' shape: every document the tool prints carries it at its
/// top level (cli.md), so that a script can tell a future, changed shape from this one.
pub const VERSION: u32 = 1;

/// A document: `"version"` first, then the view's own keys.
#[derive(Serialize)]
struct Document<'a, T> {
    version: u32,
    #[serde(flatten)]
    view: &'a T,
}

/// A view as a pretty-printed JSON document with a final newline.
pub fn view<T: Serialize>(view: &T) -> String {
    let document = Document {
        version: VERSION,
        view,
    };
    // The views hold strings, numbers, booleans, dates and lists: serializing cannot fail.
    let mut s = serde_json::to_string_pretty(&document).expect("views serialize to JSON");
    s.push('\n');
    s
}
