//! Registry text on its way out: whatever a user typed into a name or a note must not
//! steer a terminal, forge a CI annotation, break a Markdown table or run in a spreadsheet.

use std::borrow::Cow;
use std::fmt::Write;

/// Control characters (escape sequences, carriage returns, newlines …) as visible escapes.
pub fn terminal(s: &str) -> Cow<'_, str> {
    if !s.chars().any(is_unsafe_control) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if is_unsafe_control(c) {
            match c {
                '\n' => out.push_str("\\n"),
                '\r' => out.push_str("\\r"),
                '\t' => out.push_str("\\t"),
                _ => {
                    let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
                }
            }
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// C0 and C1 controls, DEL, and the bidirectional overrides that can reorder what a
/// reader sees.
fn is_unsafe_control(c: char) -> bool {
    c.is_control() || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// The message part of a GitHub workflow command (`::error file=…::MESSAGE`).
pub fn github_message(s: &str) -> String {
    terminal_free_github(s, false)
}

/// A property value of a GitHub workflow command (`file=…`), where `:` and `,` are syntax.
pub fn github_property(s: &str) -> String {
    terminal_free_github(s, true)
}

fn terminal_free_github(s: &str, property: bool) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '%' => out.push_str("%25"),
            '\r' => out.push_str("%0D"),
            '\n' => out.push_str("%0A"),
            ':' if property => out.push_str("%3A"),
            ',' if property => out.push_str("%2C"),
            c if is_unsafe_control(c) => {
                let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out
}

/// Text inside a Markdown table cell or paragraph: no HTML, links, emphasis or pipes.
pub fn markdown(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in terminal(s).chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '#' | '!' | '~' | '&'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// A Markdown code span holding `s` verbatim: a fence longer than any run of backticks
/// inside, so a name cannot close the span and turn the rest of the line into Markdown.
pub fn markdown_code(s: &str) -> String {
    let s = terminal(s);
    let mut longest = 0;
    let mut run = 0;
    for c in s.chars() {
        run = if c == '`' { run + 1 } else { 0 };
        longest = longest.max(run);
    }
    let fence = "`".repeat(longest + 1);
    // CommonMark strips one space from each end, and a backtick at either end would join
    // the fence: pad both.
    if s.starts_with(['`', ' ']) || s.ends_with(['`', ' ']) {
        format!("{fence} {s} {fence}")
    } else {
        format!("{fence}{s}{fence}")
    }
}

/// A CSV cell a spreadsheet will not evaluate: formula starters get a leading `'`.
pub fn csv_cell(s: &str) -> Cow<'_, str> {
    let s = terminal(s);
    if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        Cow::Owned(format!("'{s}"))
    } else {
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_do_not_reach_the_terminal() {
        assert_eq!(terminal("Umeå\u{1b}[31m"), "Umeå\\u{1b}[31m");
        assert_eq!(terminal("a\nb"), "a\\nb");
        assert_eq!(terminal("Skellefteå kommun"), "Skellefteå kommun");
        assert_eq!(terminal("x\u{202e}y"), "x\\u{202e}y");
    }

    #[test]
    fn annotations_cannot_be_forged() {
        assert_eq!(github_message("a\n::error::forged"), "a%0A::error::forged");
        assert_eq!(github_message("100%"), "100%25");
        assert_eq!(github_property("a,b:c"), "a%2Cb%3Ac");
    }

    #[test]
    fn markdown_is_inert() {
        assert_eq!(markdown("<script>|x|"), "\\<script\\>\\|x\\|");
        assert_eq!(markdown("[länk](http://x)"), "\\[länk\\](http://x)");
    }

    #[test]
    fn a_code_span_cannot_be_closed_from_inside() {
        assert_eq!(markdown_code("parties/umea.toml"), "`parties/umea.toml`");
        assert_eq!(markdown_code("a`b"), "``a`b``");
        assert_eq!(markdown_code("`x``"), "``` `x`` ```");
        assert_eq!(markdown_code("a\nb"), "`a\\nb`");
        assert_eq!(markdown_code("a\n# b"), "`a\\n# b`");
    }

    #[test]
    fn csv_formulas_are_defused() {
        assert_eq!(csv_cell("=SUM(A1)"), "'=SUM(A1)");
        assert_eq!(csv_cell("-1"), "'-1");
        assert_eq!(csv_cell("Umeå"), "Umeå");
    }
}
