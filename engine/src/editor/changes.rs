//! What changed between two versions of a survey file: entries of a list are matched by their
//! id (an area is the same area wherever it moved), so the list says "the element reach was
//! added", not "every element after it changed".

use crate::editor::write::rank;
use serde_json::Value;
use std::collections::BTreeMap;

/// One difference, at a place written with ids where the lists have them
/// (`areas.brand.elements.reach.label.de`).
#[derive(Clone, Debug, PartialEq)]
pub enum Change {
    Added {
        place: String,
        value: Value,
    },
    Removed {
        place: String,
        value: Value,
    },
    Changed {
        place: String,
        from: Value,
        to: Value,
    },
    /// The same entries in another order.
    Reordered {
        place: String,
    },
}

impl Change {
    pub fn place(&self) -> &str {
        match self {
            Change::Added { place, .. }
            | Change::Removed { place, .. }
            | Change::Changed { place, .. }
            | Change::Reordered { place } => place,
        }
    }
}

/// Most changes listed: a file rewritten whole is one long list, no use past this.
pub const MAX_CHANGES: usize = 500;

fn join(place: &str, key: &str) -> String {
    if place.is_empty() {
        key.to_owned()
    } else {
        format!("{place}.{key}")
    }
}

/// A list's entries by id, when every entry is an object with its own id.
fn by_id(entries: &[Value]) -> Option<BTreeMap<&str, &Value>> {
    let mut map = BTreeMap::new();
    for entry in entries {
        let id = entry.get("id")?.as_str()?;
        if map.insert(id, entry).is_some() {
            return None;
        }
    }
    Some(map)
}

fn ids(entries: &[Value]) -> Vec<&str> {
    entries
        .iter()
        .filter_map(|e| e.get("id")?.as_str())
        .collect()
}

/// Every change from `before` to `after`, in the order the editor writes the file, at most
/// `MAX_CHANGES`.
pub fn changes(before: &Value, after: &Value) -> Vec<Change> {
    let mut found = Vec::new();
    walk(String::new(), before, after, &mut found);
    found.truncate(MAX_CHANGES);
    found
}

fn walk(place: String, before: &Value, after: &Value, found: &mut Vec<Change>) {
    if found.len() >= MAX_CHANGES || before == after {
        return;
    }
    match (before, after) {
        (Value::Object(old), Value::Object(new)) => {
            let mut keys: Vec<&String> = old.keys().collect();
            keys.sort_by_key(|key| rank(key));
            for key in keys {
                let value = &old[key];
                match new.get(key) {
                    Some(now) => walk(join(&place, key), value, now, found),
                    None => found.push(Change::Removed {
                        place: join(&place, key),
                        value: value.clone(),
                    }),
                }
            }
            let mut added: Vec<(&String, &Value)> = new
                .iter()
                .filter(|(key, _)| !old.contains_key(*key))
                .collect();
            added.sort_by_key(|(key, _)| rank(key));
            for (key, value) in added {
                found.push(Change::Added {
                    place: join(&place, key),
                    value: value.clone(),
                });
            }
        }
        (Value::Array(old), Value::Array(new)) => match (by_id(old), by_id(new)) {
            (Some(old_ids), Some(new_ids)) => {
                for (id, entry) in ids(old).into_iter().zip(old) {
                    match new_ids.get(id) {
                        Some(now) => walk(join(&place, id), entry, now, found),
                        None => found.push(Change::Removed {
                            place: join(&place, id),
                            value: entry.clone(),
                        }),
                    }
                }
                for (id, entry) in ids(new)
                    .into_iter()
                    .zip(new)
                    .filter(|(id, _)| !old_ids.contains_key(id))
                {
                    found.push(Change::Added {
                        place: join(&place, id),
                        value: entry.clone(),
                    });
                }
                let kept = |list: &[Value], other: &BTreeMap<&str, &Value>| -> Vec<String> {
                    ids(list)
                        .into_iter()
                        .filter(|id| other.contains_key(id))
                        .map(str::to_owned)
                        .collect()
                };
                if kept(old, &new_ids) != kept(new, &old_ids) {
                    found.push(Change::Reordered { place });
                }
            }
            _ => found.push(Change::Changed {
                place,
                from: before.clone(),
                to: after.clone(),
            }),
        },
        _ => found.push(Change::Changed {
            place,
            from: before.clone(),
            to: after.clone(),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn entries_are_matched_by_id_wherever_they_moved() {
        let before = json!({"title": {"en": "A"}, "areas": [
            {"id": "brand", "elements": [{"id": "reach", "label": {"en": "Reach"}}, {"id": "fit"}]},
            {"id": "ops", "weight": 1}
        ]});
        let after = json!({"title": {"en": "A", "de": "A"}, "areas": [
            {"id": "ops", "weight": 2},
            {"id": "brand", "elements": [{"id": "reach", "label": {"en": "Market reach"}}]},
            {"id": "new"}
        ]});
        assert_eq!(
            changes(&before, &after),
            vec![
                Change::Added {
                    place: "title.de".into(),
                    value: json!("A")
                },
                Change::Changed {
                    place: "areas.brand.elements.reach.label.en".into(),
                    from: json!("Reach"),
                    to: json!("Market reach")
                },
                Change::Removed {
                    place: "areas.brand.elements.fit".into(),
                    value: json!({"id": "fit"})
                },
                Change::Changed {
                    place: "areas.ops.weight".into(),
                    from: json!(1),
                    to: json!(2)
                },
                Change::Added {
                    place: "areas.new".into(),
                    value: json!({"id": "new"})
                },
                Change::Reordered {
                    place: "areas".into()
                },
            ]
        );
    }

    #[test]
    fn lists_without_ids_compare_whole_and_no_change_is_an_empty_list() {
        let before = json!({"show_if": [{"question": "side", "none_of": ["vendor"]}]});
        let after = json!({"show_if": [{"question": "side", "none_of": []}]});
        assert_eq!(changes(&before, &before), vec![]);
        assert_eq!(changes(&before, &after).len(), 1);
        assert_eq!(changes(&before, &after)[0].place(), "show_if");
    }

    #[test]
    fn a_file_rewritten_whole_lists_at_most_the_limit() {
        let before: Value = (0..2000)
            .map(|i| (format!("k{i}"), json!(i)))
            .collect::<serde_json::Map<_, _>>()
            .into();
        assert_eq!(changes(&before, &json!({})).len(), MAX_CHANGES);
    }
}
