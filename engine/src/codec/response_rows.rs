//! Reads responses from JSON straight into scoring rows.
//!
//! Parsing 10,000 responses into `Response` values builds a map of owned strings per answer;
//! here each id is looked up as it streams by (borrowed from the input where it can be) and
//! only positions and numbers are kept. `ScoringModel::row` gives the same rows from parsed
//! `Response`s; a property test holds the two paths equal.

use crate::answers::response::{ProfileAnswers, Rating};
use crate::scoring::model::{Row, RowBuilder, ScoringModel};
use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;
use std::borrow::Cow;
use std::fmt;

/// Rows of a JSON text holding one response or an array of them. A response of another
/// survey fails the whole read, naming its position and the survey it belongs to.
pub fn rows_from_json(model: &ScoringModel, json: &str) -> Result<Vec<Row>, String> {
    let mut reader = serde_json::Deserializer::from_str(json);
    let rows = Rows(model)
        .deserialize(&mut reader)
        .and_then(|rows| reader.end().map(|()| rows))
        .map_err(|e| e.to_string())?;
    Ok(rows)
}

/// A string that borrows from the input unless it had escapes.
struct Key<'de>(Cow<'de, str>);

impl<'de> Deserialize<'de> for Key<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct KeyVisitor;
        impl<'de> Visitor<'de> for KeyVisitor {
            type Value = Key<'de>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a string")
            }
            fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Borrowed(v)))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Owned(v.to_owned())))
            }
        }
        deserializer.deserialize_str(KeyVisitor)
    }
}

struct Rows<'m, 's>(&'m ScoringModel<'s>);

impl<'de> DeserializeSeed<'de> for Rows<'_, '_> {
    type Value = Vec<Row>;
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Vec<Row>, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Rows<'_, '_> {
    type Value = Vec<Row>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a response or an array of responses")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<Row>, A::Error> {
        let mut rows = Vec::with_capacity(seq.size_hint().unwrap_or(0));
        while let Some(row) = seq.next_element_seed(OneRow {
            model: self.0,
            position: rows.len() + 1,
        })? {
            rows.push(row);
        }
        Ok(rows)
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Vec<Row>, A::Error> {
        OneRow {
            model: self.0,
            position: 1,
        }
        .visit_map(map)
        .map(|row| vec![row])
    }
}

struct OneRow<'m, 's> {
    model: &'m ScoringModel<'s>,
    /// 1-based, for messages.
    position: usize,
}

impl<'de> DeserializeSeed<'de> for OneRow<'_, '_> {
    type Value = Row;
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Row, D::Error> {
        deserializer.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for OneRow<'_, '_> {
    type Value = Row;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a response object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Row, A::Error> {
        let mut builder = self.model.row_builder();
        let mut id = String::new();
        // Borrowed from the input: checked, never kept.
        let (mut survey_id, mut hash) = (None::<Key>, Key(Cow::Borrowed("")));
        let mut profile = ProfileAnswers::default();
        while let Some(key) = map.next_key::<Key>()? {
            match key.0.as_ref() {
                "id" => id = map.next_value()?,
                "survey_id" => survey_id = Some(map.next_value()?),
                "structure_hash" => hash = map.next_value()?,
                "profile" => profile = map.next_value()?,
                "ratings" => map.next_value_seed(Answers(&mut builder, Kind::Ratings))?,
                "items" => map.next_value_seed(Answers(&mut builder, Kind::Items))?,
                "criteria" => map.next_value_seed(Answers(&mut builder, Kind::Criteria))?,
                "maturity" => map.next_value_seed(Answers(&mut builder, Kind::Maturity))?,
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        let position = self.position;
        let survey_id = survey_id.ok_or_else(|| {
            de::Error::custom(format!("response {position}: missing field `survey_id`"))
        })?;
        self.model
            .accepts_ids(&survey_id.0, &hash.0)
            .map_err(|e| de::Error::custom(format!("response {position}: {e}")))?;
        Ok(builder.finish(id, profile))
    }
}

#[derive(Clone, Copy)]
enum Kind {
    Ratings,
    Items,
    Criteria,
    Maturity,
}

/// One of a response's answer maps, fed into the row builder entry by entry.
struct Answers<'b, 'm, 's>(&'b mut RowBuilder<'m, 's>, Kind);

impl<'de> DeserializeSeed<'de> for Answers<'_, '_, '_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for Answers<'_, '_, '_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a map of answers by id")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let Answers(builder, kind) = self;
        while let Some(key) = map.next_key::<Key>()? {
            let id = key.0.as_ref();
            match kind {
                Kind::Ratings => builder.rating(id, map.next_value::<Rating>()?),
                Kind::Items => builder.item(id, map.next_value()?),
                Kind::Criteria => builder.criterion(id, map.next_value()?),
                Kind::Maturity => builder.maturity(id, &map.next_value::<Key>()?.0),
            }
        }
        Ok(())
    }
}
