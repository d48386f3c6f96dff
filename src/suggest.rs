//! "Did you mean": the closest of the allowed words to a misspelt one, for rule codes,
//! unknown keys and values not allowed. One helper, so that every place suggests alike.

/// How alike two words must be (Jaro-Winkler, 0 to 1) to be worth suggesting: close enough
/// for a typo or a swapped pair of letters (`komun` → `kind` is not suggested).
const THRESHOLD: f64 = 0.8;

/// The candidate most like `input`, if one is alike enough; never `input` itself.
pub fn closest<'a>(input: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let input = input.to_lowercase();
    candidates
        .into_iter()
        .filter(|c| *c != input)
        .map(|c| (strsim::jaro_winkler(&input, &c.to_lowercase()), c))
        .filter(|(score, _)| *score >= THRESHOLD)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::closest;

    #[test]
    fn suggests_the_closest_word_alike_enough() {
        let codes = ["seat-limit", "vacant-seat", "double-seat"];
        assert_eq!(closest("seat-limt", codes), Some("seat-limit"));
        assert_eq!(closest("vacantseat", codes), Some("vacant-seat"));
        assert_eq!(closest("quorum", codes), None);
        assert_eq!(
            closest("municpality", ["region", "municipality"]),
            Some("municipality")
        );
    }
}
