//! Edits of a survey file's JSON tree, each with the edit that takes it back. The editor works
//! on the tree rather than on the typed `Survey`, so that a broken file opens too, and every
//! place in it has the path the survey reader's findings name.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use std::fmt;

/// One step down a JSON tree: an object's key or a list's position.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Step {
    Index(usize),
    Key(String),
}

/// A place in the tree, from the root.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Path(pub Vec<Step>);

impl Path {
    /// The path one key further down.
    pub fn key(&self, key: &str) -> Path {
        let mut steps = self.0.clone();
        steps.push(Step::Key(key.to_owned()));
        Path(steps)
    }

    /// The path one list position further down.
    pub fn index(&self, index: usize) -> Path {
        let mut steps = self.0.clone();
        steps.push(Step::Index(index));
        Path(steps)
    }

    /// The value at this path, if there is one.
    pub fn get<'v>(&self, root: &'v Value) -> Option<&'v Value> {
        self.0.iter().try_fold(root, |value, step| match step {
            Step::Key(key) => value.get(key),
            Step::Index(index) => value.get(index),
        })
    }

    /// Whether one of the two places holds the other (or they are one): a change at either
    /// can change what the other reads.
    pub fn overlaps(&self, other: &Path) -> bool {
        self.0.starts_with(&other.0) || other.0.starts_with(&self.0)
    }

    fn get_mut<'v>(&self, root: &'v mut Value) -> Option<&'v mut Value> {
        self.0.iter().try_fold(root, |value, step| match step {
            Step::Key(key) => value.get_mut(key),
            Step::Index(index) => value.get_mut(index),
        })
    }
}

/// Written as the survey reader names places: `areas[1].elements[0].id`.
impl fmt::Display for Path {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, step) in self.0.iter().enumerate() {
            match step {
                Step::Key(key) if i == 0 => f.write_str(key)?,
                Step::Key(key) => write!(f, ".{key}")?,
                Step::Index(index) => write!(f, "[{index}]")?,
            }
        }
        Ok(())
    }
}

/// One change to the tree.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "op", rename_all = "lowercase")]
pub enum Op {
    /// Sets an object's key (made, with any object above it that is missing) or a list's
    /// entry; `None` removes the key.
    Put { at: Path, value: Option<Value> },
    /// A new entry in the list at `list`, at `index` (at most its length).
    Insert {
        list: Path,
        index: usize,
        value: Value,
    },
    /// Takes the entry at `index` out of the list at `list`.
    Remove { list: Path, index: usize },
    /// Moves an entry of the list at `list` from one position to another.
    Move { list: Path, from: usize, to: usize },
}

impl Op {
    /// The place whose value the op changes: the key or entry it puts, or the list whose
    /// entries it adds, takes out or moves (which moves every entry after them).
    pub fn place(&self) -> &Path {
        match self {
            Op::Put { at, .. } => at,
            Op::Insert { list, .. } | Op::Remove { list, .. } | Op::Move { list, .. } => list,
        }
    }
}

/// An edit that does not fit the tree: its place is missing or of another kind. The editor
/// builds its edits from the tree, so this means a bug or a stale edit, never a user's typing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Misfit(pub String);

impl fmt::Display for Misfit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "no place for this edit at {}", self.0)
    }
}

fn list_at<'v>(root: &'v mut Value, list: &Path) -> Result<&'v mut Vec<Value>, Misfit> {
    list.get_mut(root)
        .and_then(Value::as_array_mut)
        .ok_or_else(|| Misfit(list.to_string()))
}

/// Applies `op` to `root` and returns the op that undoes it; on a misfit, `root` is unchanged.
pub fn apply(root: &mut Value, op: &Op) -> Result<Op, Misfit> {
    match op {
        Op::Put { at, value } => put(root, at, value.clone()),
        Op::Insert { list, index, value } => {
            let entries = list_at(root, list)?;
            if *index > entries.len() {
                return Err(Misfit(list.index(*index).to_string()));
            }
            entries.insert(*index, value.clone());
            Ok(Op::Remove {
                list: list.clone(),
                index: *index,
            })
        }
        Op::Remove { list, index } => {
            let entries = list_at(root, list)?;
            if *index >= entries.len() {
                return Err(Misfit(list.index(*index).to_string()));
            }
            let value = entries.remove(*index);
            Ok(Op::Insert {
                list: list.clone(),
                index: *index,
                value,
            })
        }
        Op::Move { list, from, to } => {
            let entries = list_at(root, list)?;
            if *from >= entries.len() || *to >= entries.len() {
                return Err(Misfit(list.index((*from).max(*to)).to_string()));
            }
            let entry = entries.remove(*from);
            entries.insert(*to, entry);
            Ok(Op::Move {
                list: list.clone(),
                from: *to,
                to: *from,
            })
        }
    }
}

fn put(root: &mut Value, at: &Path, value: Option<Value>) -> Result<Op, Misfit> {
    let misfit = || Misfit(at.to_string());
    let Some((last, parents)) = at.0.split_last() else {
        // The whole tree.
        let value = value.ok_or_else(misfit)?;
        let old = std::mem::replace(root, value);
        return Ok(Op::Put {
            at: at.clone(),
            value: Some(old),
        });
    };
    // Below a missing key, only keys can follow (objects are made for them); checked before
    // anything changes, so a misfit leaves the tree as it was.
    let missing =
        (0..parents.len()).find(|&depth| Path(at.0[..=depth].to_vec()).get(root).is_none());
    if missing.is_some_and(|depth| at.0[depth..].iter().any(|s| matches!(s, Step::Index(_)))) {
        return Err(misfit());
    }
    // The first object this put makes, if any: undoing the put removes it whole.
    let mut made: Option<usize> = None;
    let mut node = &mut *root;
    for (depth, step) in parents.iter().enumerate() {
        node = match step {
            Step::Key(key) => {
                let object = node.as_object_mut().ok_or_else(misfit)?;
                if !object.contains_key(key) {
                    if value.is_none() {
                        // Removing a key under a missing object: nothing to do.
                        return Ok(Op::Put {
                            at: at.clone(),
                            value: None,
                        });
                    }
                    made.get_or_insert(depth);
                    object.insert(key.clone(), Value::Object(Map::new()));
                }
                object.get_mut(key).ok_or_else(misfit)?
            }
            Step::Index(index) => node.get_mut(*index).ok_or_else(misfit)?,
        };
    }
    let old = match (last, node) {
        (Step::Key(key), Value::Object(object)) => match value {
            Some(value) => object.insert(key.clone(), value),
            None => object.remove(key),
        },
        (Step::Index(index), Value::Array(entries)) if *index < entries.len() => {
            let value = value.ok_or_else(misfit)?;
            Some(std::mem::replace(&mut entries[*index], value))
        }
        _ => return Err(misfit()),
    };
    Ok(match made {
        Some(depth) => Op::Put {
            at: Path(at.0[..=depth].to_vec()),
            value: None,
        },
        None => Op::Put {
            at: at.clone(),
            value: old,
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn path(steps: &[Step]) -> Path {
        Path(steps.to_vec())
    }

    fn key(k: &str) -> Step {
        Step::Key(k.into())
    }

    #[test]
    fn a_path_is_written_as_the_reader_names_places() {
        let p = Path::default()
            .key("areas")
            .index(1)
            .key("elements")
            .index(0)
            .key("id");
        assert_eq!(p.to_string(), "areas[1].elements[0].id");
    }

    #[test]
    fn places_overlap_when_one_holds_the_other() {
        let area = Path::default().key("areas").index(1);
        let label = area.key("label").key("en");
        assert!(label.overlaps(&area));
        assert!(area.overlaps(&label));
        assert!(area.overlaps(&area.clone()));
        // The whole tree holds every place.
        assert!(Path::default().overlaps(&label));
        // A sibling, and a key that merely starts with the same letters, do not.
        assert!(!label.overlaps(&area.key("label").key("de")));
        assert!(!Path::default().key("area").overlaps(&area));
        assert!(!Path::default().key("areas").index(2).overlaps(&label));
    }

    #[test]
    fn an_op_changes_its_key_or_its_whole_list() {
        let areas = path(&[key("areas")]);
        let title = path(&[key("title"), key("en")]);
        let put = Op::Put {
            at: title.clone(),
            value: None,
        };
        assert_eq!(put.place(), &title);
        let remove = Op::Remove {
            list: areas.clone(),
            index: 0,
        };
        // Taking out the first area moves the second into its place: the list changes.
        assert_eq!(remove.place(), &areas);
        let moved = Op::Move {
            list: areas.clone(),
            from: 0,
            to: 2,
        };
        assert_eq!(moved.place(), &areas);
    }

    #[test]
    fn every_op_is_undone_by_the_op_it_returns() {
        let start = json!({"title": {"en": "A"}, "areas": [{"id": "a"}, {"id": "b"}, {"id": "c"}]});
        let areas = path(&[key("areas")]);
        let ops = [
            Op::Put {
                at: path(&[key("title"), key("de")]),
                value: Some(json!("B")),
            },
            Op::Put {
                at: path(&[key("title"), key("en")]),
                value: Some(json!("Z")),
            },
            Op::Put {
                at: path(&[key("title"), key("en")]),
                value: None,
            },
            Op::Put {
                at: path(&[key("description"), key("de")]),
                value: Some(json!("neu")),
            },
            Op::Put {
                at: path(&[key("areas"), Step::Index(2)]),
                value: Some(json!({"id": "x"})),
            },
            Op::Insert {
                list: areas.clone(),
                index: 3,
                value: json!({"id": "d"}),
            },
            Op::Remove {
                list: areas.clone(),
                index: 0,
            },
            Op::Move {
                list: areas.clone(),
                from: 0,
                to: 2,
            },
        ];
        for op in ops {
            let mut tree = start.clone();
            let undo = apply(&mut tree, &op).unwrap();
            assert_ne!(tree, start, "{op:?} changed nothing");
            apply(&mut tree, &undo).unwrap();
            assert_eq!(tree, start, "{op:?} then {undo:?}");
        }
    }

    #[test]
    fn a_put_makes_the_missing_objects_above_it_and_its_undo_removes_them() {
        let mut tree = json!({"id": "s"});
        let at = path(&[key("description"), key("fr")]);
        let undo = apply(
            &mut tree,
            &Op::Put {
                at,
                value: Some(json!("Bonjour")),
            },
        )
        .unwrap();
        assert_eq!(tree, json!({"id": "s", "description": {"fr": "Bonjour"}}));
        assert_eq!(
            undo,
            Op::Put {
                at: path(&[key("description")]),
                value: None
            }
        );
    }

    #[test]
    fn a_move_lands_the_entry_at_its_new_position() {
        let mut tree = json!(["a", "b", "c", "d"]);
        apply(
            &mut tree,
            &Op::Move {
                list: Path::default(),
                from: 3,
                to: 1,
            },
        )
        .unwrap();
        assert_eq!(tree, json!(["a", "d", "b", "c"]));
    }

    #[test]
    fn an_edit_that_does_not_fit_leaves_the_tree_alone() {
        let start = json!({"areas": [{"id": "a"}], "title": "not an object"});
        let misfits = [
            Op::Insert {
                list: path(&[key("areas")]),
                index: 2,
                value: json!({}),
            },
            Op::Remove {
                list: path(&[key("areas")]),
                index: 1,
            },
            Op::Move {
                list: path(&[key("areas")]),
                from: 0,
                to: 1,
            },
            Op::Remove {
                list: path(&[key("title")]),
                index: 0,
            },
            Op::Put {
                at: path(&[key("title"), key("en")]),
                value: Some(json!("x")),
            },
            Op::Put {
                at: path(&[key("areas"), Step::Index(4)]),
                value: Some(json!({})),
            },
            Op::Put {
                at: path(&[key("sections"), Step::Index(0)]),
                value: Some(json!({})),
            },
        ];
        for op in misfits {
            let mut tree = start.clone();
            assert!(apply(&mut tree, &op).is_err(), "{op:?}");
            assert_eq!(tree, start, "{op:?}");
        }
    }
}
