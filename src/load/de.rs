//! serde over a [`tree`](super::tree): how a file's tree becomes the typed model.
//!
//! It behaves as toml's own deserializer does over its tree — the same visits, the same
//! messages, an error placed at the innermost value that has none — so a date-time reads
//! as toml hands it over, and a finding reads the same as when toml deserialized the
//! model. A [`Spanned`] value gets its span as `model::spanned` asks for it.

use std::fmt;
use std::ops::Range;

use serde::de::value::{BorrowedStrDeserializer, StrDeserializer, U64Deserializer};
use serde::de::{self, DeserializeSeed, MapAccess, SeqAccess, Visitor};
use serde::forward_to_deserialize_any;

use super::tree::{Entry, Item, Table, Value};
use crate::model::Spanned;
use crate::model::date::{TOML_DATETIME, TOML_DATETIME_FIELD};
use crate::model::spanned::SPANNED;

/// What could not be read, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    message: String,
    span: Option<Range<usize>>,
}

impl Error {
    pub fn message(&self) -> &str {
        &self.message
    }

    pub fn span(&self) -> Option<Range<usize>> {
        self.span.clone()
    }

    /// Placed at `span` unless an inner value placed it already.
    fn at(mut self, span: &Range<usize>) -> Self {
        if self.span.is_none() {
            self.span = Some(span.clone());
        }
        self
    }
}

impl de::Error for Error {
    fn custom<T: fmt::Display>(message: T) -> Self {
        Error {
            message: message.to_string(),
            span: None,
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Error {}

/// Reads a `T` from a file's tree.
pub fn from_tree<'de, T: de::Deserialize<'de>>(tree: &'de Item<'_>) -> Result<T, Error> {
    T::deserialize(ValueDeserializer { item: tree })
}

/// Reads a `T` from TOML text, as the loader would (without its schema): for tests.
#[cfg(test)]
pub fn from_str<T: de::DeserializeOwned>(text: &str) -> Result<T, Error> {
    let tree = super::tree::read(text).map_err(|errors| Error {
        message: errors.iter().map(|e| e.message().to_owned()).collect(),
        span: errors.first().and_then(toml::de::Error::span),
    })?;
    from_tree(&tree)
}

#[derive(Clone, Copy)]
struct ValueDeserializer<'de, 'i> {
    item: &'de Item<'i>,
}

impl<'de> de::Deserializer<'de> for ValueDeserializer<'de, '_> {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        let span = &self.item.span;
        match &self.item.value {
            Value::String(s) => visitor.visit_borrowed_str(s),
            Value::Integer(_, Some(v)) => {
                if let Ok(v) = i64::try_from(*v) {
                    visitor.visit_i64(v)
                } else if let Ok(v) = u64::try_from(*v) {
                    visitor.visit_u64(v)
                } else {
                    visitor.visit_i128(*v)
                }
            }
            Value::Integer(_, None) => Err(de::Error::custom("integer number overflowed")),
            Value::Float(Some(v)) => visitor.visit_f64(*v),
            Value::Float(None) => Err(de::Error::custom("floating-point number overflowed")),
            Value::Boolean(b) => visitor.visit_bool(*b),
            Value::Datetime(text) => visitor.visit_map(DatetimeAccess { text: Some(text) }),
            Value::Array(array) => visitor.visit_seq(ArrayAccess {
                items: array.items.iter(),
            }),
            Value::Table(table) => visitor.visit_map(TableAccess::new(table)),
        }
        .map_err(|e| e.at(span))
    }

    // A present value: `None` is a missing key.
    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_some(self).map_err(|e| e.at(&self.item.span))
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Error> {
        visitor
            .visit_newtype_struct(self)
            .map_err(|e| e.at(&self.item.span))
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        if name == SPANNED {
            return visitor.visit_seq(SpannedAccess::new(&self.item.span, self));
        }
        if name == TOML_DATETIME
            && let Value::Datetime(text) = &self.item.value
        {
            return visitor
                .visit_map(DatetimeAccess { text: Some(text) })
                .map_err(|e| e.at(&self.item.span));
        }
        self.deserialize_any(visitor)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        let span = &self.item.span;
        match &self.item.value {
            Value::String(s) => visitor.visit_enum(StrDeserializer::<Error>::new(s)),
            Value::Table(t) if t.len() == 1 => visitor.visit_enum(TableEnum {
                entry: &t.entries[0],
            }),
            Value::Table(t) if t.is_empty() => Err(de::Error::custom(
                "wanted exactly 1 element, found 0 elements",
            )),
            Value::Table(_) => Err(de::Error::custom(
                "wanted exactly 1 element, more than 1 element",
            )),
            _ => Err(de::Error::custom("wanted string or table")),
        }
        .map_err(|e| e.at(span))
    }

    forward_to_deserialize_any! {
        bool u8 u16 u32 u64 u128 i8 i16 i32 i64 i128 f32 f64 char str string seq
        bytes byte_buf map unit ignored_any unit_struct tuple_struct tuple identifier
    }
}

/// A key: its text, or (for a `Spanned` key) its text and span.
struct KeyDeserializer<'de> {
    key: &'de str,
    span: &'de Range<usize>,
}

impl<'de> de::Deserializer<'de> for KeyDeserializer<'de> {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_borrowed_str(self.key)
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        if name == SPANNED {
            return visitor.visit_seq(SpannedAccess::new(self.span, self));
        }
        self.deserialize_any(visitor)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        visitor.visit_enum(StrDeserializer::<Error>::new(self.key))
    }

    forward_to_deserialize_any! {
        bool u8 u16 u32 u64 u128 i8 i16 i32 i64 i128 f32 f64 char str string seq
        bytes byte_buf map unit ignored_any unit_struct tuple_struct tuple identifier
        option newtype_struct
    }
}

struct TableAccess<'de, 'i> {
    entries: std::slice::Iter<'de, Entry<'i>>,
    value: Option<&'de Entry<'i>>,
}

impl<'de, 'i> TableAccess<'de, 'i> {
    fn new(table: &'de Table<'i>) -> Self {
        TableAccess {
            entries: table.entries.iter(),
            value: None,
        }
    }
}

impl<'de> MapAccess<'de> for TableAccess<'de, '_> {
    type Error = Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Error> {
        let Some(entry) = self.entries.next() else {
            return Ok(None);
        };
        self.value = Some(entry);
        seed.deserialize(KeyDeserializer {
            key: &entry.key,
            span: &entry.key_span,
        })
        .map(Some)
        .map_err(|e| e.at(&entry.key_span))
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Error> {
        let entry = self
            .value
            .take()
            .ok_or_else(|| de::Error::custom("a value asked for before its key"))?;
        seed.deserialize(ValueDeserializer { item: &entry.item })
            .map_err(|e| e.at(&entry.item.span))
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.entries.len())
    }
}

struct ArrayAccess<'de, 'i> {
    items: std::slice::Iter<'de, Item<'i>>,
}

impl<'de> SeqAccess<'de> for ArrayAccess<'de, '_> {
    type Error = Error;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, Error> {
        match self.items.next() {
            Some(item) => seed
                .deserialize(ValueDeserializer { item })
                .map(Some)
                .map_err(|e| e.at(&item.span)),
            None => Ok(None),
        }
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.items.len())
    }
}

/// A date-time as toml hands it over: a map of one private key to the date-time's text.
struct DatetimeAccess<'de> {
    text: Option<&'de str>,
}

impl<'de> MapAccess<'de> for DatetimeAccess<'de> {
    type Error = Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Error> {
        if self.text.is_none() {
            return Ok(None);
        }
        seed.deserialize(BorrowedStrDeserializer::new(TOML_DATETIME_FIELD))
            .map(Some)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Error> {
        let text = self
            .text
            .take()
            .ok_or_else(|| de::Error::custom("a value asked for before its key"))?;
        seed.deserialize(StrDeserializer::new(text))
    }
}

/// An enum written as a table of one key, the variant, and its value.
struct TableEnum<'de, 'i> {
    entry: &'de Entry<'i>,
}

impl<'de, 'i> de::EnumAccess<'de> for TableEnum<'de, 'i> {
    type Error = Error;
    type Variant = ValueDeserializer<'de, 'i>;

    fn variant_seed<V: DeserializeSeed<'de>>(
        self,
        seed: V,
    ) -> Result<(V::Value, Self::Variant), Error> {
        let entry = self.entry;
        let variant = seed
            .deserialize(KeyDeserializer {
                key: &entry.key,
                span: &entry.key_span,
            })
            .map_err(|e| e.at(&entry.key_span))?;
        Ok((variant, ValueDeserializer { item: &entry.item }))
    }
}

impl<'de> de::VariantAccess<'de> for ValueDeserializer<'de, '_> {
    type Error = Error;

    fn unit_variant(self) -> Result<(), Error> {
        match &self.item.value {
            Value::Table(t) if t.is_empty() => Ok(()),
            _ => Err(<Error as de::Error>::custom("expected empty table").at(&self.item.span)),
        }
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value, Error> {
        seed.deserialize(self)
    }

    fn tuple_variant<V: Visitor<'de>>(self, _len: usize, visitor: V) -> Result<V::Value, Error> {
        de::Deserializer::deserialize_seq(self, visitor)
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        de::Deserializer::deserialize_struct(self, "", fields, visitor)
    }
}

/// A [`Spanned`] value handed over: its packed span, then the value.
struct SpannedAccess<D> {
    span: Option<u64>,
    value: Option<D>,
}

impl<D> SpannedAccess<D> {
    fn new(span: &Range<usize>, value: D) -> Self {
        SpannedAccess {
            span: Some(Spanned::<()>::pack(span)),
            value: Some(value),
        }
    }
}

impl<'de, D: de::Deserializer<'de, Error = Error>> SeqAccess<'de> for SpannedAccess<D> {
    type Error = Error;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, Error> {
        if let Some(span) = self.span.take() {
            return seed.deserialize(U64Deserializer::new(span)).map(Some);
        }
        match self.value.take() {
            Some(value) => seed.deserialize(value).map(Some),
            None => Ok(None),
        }
    }
}
