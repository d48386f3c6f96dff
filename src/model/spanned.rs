//! A value and the place in its file it was read from.

use std::borrow::Borrow;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::marker::PhantomData;
use std::ops::Range;

use serde::de::{self, Deserialize, Deserializer, SeqAccess, Visitor};

/// A value and its byte range in its file, for findings to point at. Compared, ordered
/// and hashed by the value alone.
///
/// Not `toml::Spanned`: that keeps two `usize`s and takes its span through three string
/// keys per value. A national registry holds about two million spanned values; as two
/// `u32`s, handed over as one number, they cost 16 MB and a twentieth of `check` less.
/// A span past 4 GiB is cut to its end, which no registry file reaches.
#[derive(Clone)]
pub struct Spanned<T> {
    start: u32,
    end: u32,
    value: T,
}

/// The name under which [`Spanned`] asks a deserializer for its span: the loader's (in
/// `load::de`) answers with a sequence of the span (start in the high 32 bits) and the value.
pub(crate) const SPANNED: &str = "$__samverkan_spanned";

fn clamp(offset: usize) -> u32 {
    u32::try_from(offset).unwrap_or(u32::MAX)
}

impl<T> Spanned<T> {
    pub fn new(span: Range<usize>, value: T) -> Self {
        Spanned {
            start: clamp(span.start),
            end: clamp(span.end),
            value,
        }
    }

    pub fn span(&self) -> Range<usize> {
        self.start as usize..self.end as usize
    }

    pub fn get_ref(&self) -> &T {
        &self.value
    }

    pub fn get_mut(&mut self) -> &mut T {
        &mut self.value
    }

    pub fn into_inner(self) -> T {
        self.value
    }

    /// The span as the loader hands it over: start in the high half, end in the low.
    pub(crate) fn pack(span: &Range<usize>) -> u64 {
        (u64::from(clamp(span.start)) << 32) | u64::from(clamp(span.end))
    }
}

impl<T: fmt::Debug> fmt::Debug for Spanned<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Spanned")
            .field("span", &self.span())
            .field("value", &self.value)
            .finish()
    }
}

impl<T: fmt::Display> fmt::Display for Spanned<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.value.fmt(f)
    }
}

impl<T: PartialEq> PartialEq for Spanned<T> {
    fn eq(&self, other: &Self) -> bool {
        self.value == other.value
    }
}

impl<T: Eq> Eq for Spanned<T> {}

impl<T: PartialOrd> PartialOrd for Spanned<T> {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        self.value.partial_cmp(&other.value)
    }
}

impl<T: Ord> Ord for Spanned<T> {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.value.cmp(&other.value)
    }
}

impl<T: Hash> Hash for Spanned<T> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.value.hash(state);
    }
}

impl Borrow<str> for Spanned<String> {
    fn borrow(&self) -> &str {
        &self.value
    }
}

impl<T> AsRef<T> for Spanned<T> {
    fn as_ref(&self) -> &T {
        &self.value
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Spanned<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_struct(SPANNED, &[], SpannedVisitor(PhantomData))
    }
}

struct SpannedVisitor<T>(PhantomData<T>);

impl<'de, T: Deserialize<'de>> Visitor<'de> for SpannedVisitor<T> {
    type Value = Spanned<T>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a value read by the registry's loader")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Spanned<T>, A::Error> {
        let span: u64 = seq
            .next_element()?
            .ok_or_else(|| de::Error::invalid_length(0, &self))?;
        let value: T = seq
            .next_element()?
            .ok_or_else(|| de::Error::invalid_length(1, &self))?;
        Ok(Spanned {
            start: (span >> 32) as u32,
            end: span as u32,
            value,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_value_keeps_its_span_and_compares_by_value_alone() {
        let a = Spanned::new(3..9, "x".to_owned());
        let b = Spanned::new(40..46, "x".to_owned());
        assert_eq!(a.span(), 3..9);
        assert_eq!(a, b);
        let far = Spanned::new(5_000_000_000..5_000_000_001, 1);
        assert_eq!(far.span(), u32::MAX as usize..u32::MAX as usize);
    }

    #[test]
    fn the_loader_reads_a_value_with_its_span() {
        #[derive(serde::Deserialize)]
        struct Doc {
            name: Spanned<String>,
            seats: Vec<Spanned<u32>>,
        }
        let text = "name = \"Samrådet\"\nseats = [1, 22]\n";
        let doc: Doc = crate::load::de::from_str(text).unwrap();
        assert_eq!(&text[doc.name.span()], "\"Samrådet\"");
        assert_eq!(doc.name.get_ref(), "Samrådet");
        let seats: Vec<&str> = doc.seats.iter().map(|s| &text[s.span()]).collect();
        assert_eq!(seats, ["1", "22"]);
    }
}
