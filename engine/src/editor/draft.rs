//! The survey being edited: its JSON tree, the file it came from, and the edits that undo and
//! redo, all of which the editor keeps in the browser so that a reload loses nothing.

use crate::editor::edit::{apply, Misfit, Op, Path, Step};
use crate::editor::write::write;
use crate::survey::load::check_value;
use crate::{Survey, SurveyErrors};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::HashSet;

/// At least this many steps can be undone; older ones are dropped.
pub const UNDO_STEPS: usize = 200;
/// The stored draft's format.
pub const DRAFT_VERSION: u32 = 1;
/// Longest id the editor makes (the survey format allows 64).
const ID_CHARS: usize = 40;

/// One user action: its ops, and the ops that take it back, in the order to apply them.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
struct Action {
    undo: Vec<Op>,
    redo: Vec<Op>,
    /// Typed into a field: the next typing at the same place joins it.
    #[serde(default)]
    typed: bool,
}

fn places(ops: &[Op]) -> Vec<Path> {
    ops.iter().map(|op| op.place().clone()).collect()
}

/// A survey in the editor.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Draft {
    version: u32,
    /// The survey as edited.
    value: Value,
    /// The survey as opened or last saved, to compare with.
    origin: Value,
    /// The file's name when it was opened from one, for the download.
    pub name: String,
    done: Vec<Action>,
    undone: Vec<Action>,
}

/// Why a stored draft cannot be read back.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DraftProblem {
    Unreadable(String),
    Newer(u32),
}

impl Draft {
    /// A draft of `value`, the file called `name` as opened.
    pub fn open(value: Value, name: &str) -> Draft {
        Draft {
            version: DRAFT_VERSION,
            origin: value.clone(),
            value,
            name: name.to_owned(),
            done: Vec::new(),
            undone: Vec::new(),
        }
    }

    /// The survey as edited.
    pub fn value(&self) -> &Value {
        &self.value
    }

    /// The survey as opened or last saved.
    pub fn origin(&self) -> &Value {
        &self.origin
    }

    /// Applies one action's ops, all or none.
    pub fn apply(&mut self, ops: Vec<Op>) -> Result<(), Misfit> {
        self.record(ops, false)
    }

    /// Applies what typing into a field did. Typing into one field is one action: typing at
    /// the place the last typing put to joins it, so undo takes back the whole word.
    pub fn apply_typed(&mut self, ops: Vec<Op>) -> Result<(), Misfit> {
        self.record(ops, true)
    }

    fn record(&mut self, ops: Vec<Op>, typed: bool) -> Result<(), Misfit> {
        let mut undo = Vec::with_capacity(ops.len());
        for op in &ops {
            match apply(&mut self.value, op) {
                Ok(inverse) => undo.push(inverse),
                Err(misfit) => {
                    for inverse in undo.iter().rev() {
                        // Each inverse fits: its op has just been applied.
                        let _ = apply(&mut self.value, inverse);
                    }
                    return Err(misfit);
                }
            }
        }
        undo.reverse();
        self.undone.clear();
        let typing = |step: &Action| match step.redo.first() {
            Some(Op::Put { at, .. }) if step.typed => Some(at.clone()),
            _ => None,
        };
        let step = Action {
            undo,
            redo: ops,
            typed,
        };
        match self.done.last_mut() {
            Some(last) if typing(last).is_some() && typing(last) == typing(&step) => {
                last.redo = step.redo;
            }
            _ => {
                self.done.push(step);
                if self.done.len() > UNDO_STEPS {
                    self.done.remove(0);
                }
            }
        }
        Ok(())
    }

    pub fn can_undo(&self) -> bool {
        !self.done.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.undone.is_empty()
    }

    /// The places that `undo` would change.
    pub fn undo_places(&self) -> Vec<Path> {
        self.done
            .last()
            .map_or_else(Vec::new, |step| places(&step.undo))
    }

    /// The places that `redo` would change.
    pub fn redo_places(&self) -> Vec<Path> {
        self.undone
            .last()
            .map_or_else(Vec::new, |step| places(&step.redo))
    }

    /// Takes back the last action; false when there is none.
    pub fn undo(&mut self) -> bool {
        let Some(step) = self.done.pop() else {
            return false;
        };
        for op in &step.undo {
            let _ = apply(&mut self.value, op);
        }
        self.undone.push(step);
        true
    }

    /// Does again the last action taken back; false when there is none.
    pub fn redo(&mut self) -> bool {
        let Some(step) = self.undone.pop() else {
            return false;
        };
        for op in &step.redo {
            let _ = apply(&mut self.value, op);
        }
        self.done.push(step);
        true
    }

    /// The survey read and checked as the app and `partnerlens check` would.
    pub fn check(&self) -> Result<Survey, SurveyErrors> {
        check_value(&self.value)
    }

    /// The survey file's text, as the editor writes every file.
    pub fn file(&self) -> String {
        write(&self.value)
    }

    /// Edits since the survey was opened or last saved.
    pub fn unsaved(&self) -> bool {
        self.value != self.origin
    }

    /// The file has been saved as it is now: it is what later edits are compared with, and
    /// the ids it holds are fixed from now on.
    pub fn saved(&mut self) {
        self.origin = self.value.clone();
    }

    /// The draft as stored in the browser.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// A stored draft; an older format migrates, a newer one is refused.
    pub fn from_json(text: &str) -> Result<Draft, DraftProblem> {
        #[derive(Deserialize)]
        struct Version {
            version: u32,
        }
        let version: Version = serde_json::from_str(text)
            .map_err(|error| DraftProblem::Unreadable(error.to_string()))?;
        if version.version > DRAFT_VERSION {
            return Err(DraftProblem::Newer(version.version));
        }
        serde_json::from_str(text).map_err(|error| DraftProblem::Unreadable(error.to_string()))
    }

    /// The ops that set the text at `at` in `language`. The id beside it (an area's, an
    /// element's) follows the text while it is new: made in this draft, not in the file as
    /// opened or saved. Once saved, an id stays, since answers are keyed by it.
    pub fn text_ops(&self, at: &Path, language: &str, text: &str) -> Vec<Op> {
        let mut ops = vec![Op::Put {
            at: at.key(language),
            value: Some(Value::String(text.to_owned())),
        }];
        let Some((Step::Key(last), object)) = at.0.split_last() else {
            return ops;
        };
        // A question's partner wording (`text.partner`) sits one level deeper than a label.
        let object = match object.split_last() {
            Some((_, entry)) if last == "partner" => Path(entry.to_vec()),
            _ => Path(object.to_vec()),
        };
        let id_at = object.key("id");
        let id = id_at.get(&self.value).and_then(Value::as_str);
        let english = language == "en";
        if let (Some(id), true) = (id, english) {
            if !ids(&self.origin).contains(id) {
                let mut taken = ids(&self.value);
                taken.remove(id);
                ops.push(Op::Put {
                    at: id_at,
                    value: Some(Value::String(fresh_id(text, &taken))),
                });
            }
        }
        ops
    }

    /// An id for a new entry labelled `label`, unlike any in the survey.
    pub fn new_id(&self, label: &str) -> String {
        fresh_id(label, &ids(&self.value))
    }

    /// Gives every id in `entry` (a copy of an area, say, with its elements) a new one made
    /// from the old, unlike any in the survey or the copy.
    pub fn give_new_ids(&self, entry: &mut Value) {
        let mut taken = ids(&self.value);
        let mut stack = vec![entry];
        while let Some(node) = stack.pop() {
            match node {
                Value::Object(object) => {
                    if let Some(Value::String(id)) = object.get_mut("id") {
                        *id = fresh_id(id, &taken);
                        taken.insert(id.clone());
                    }
                    stack.extend(object.values_mut());
                }
                Value::Array(entries) => stack.extend(entries.iter_mut()),
                _ => {}
            }
        }
    }
}

/// Every id in the tree, at any depth.
fn ids(value: &Value) -> HashSet<String> {
    let mut found = HashSet::new();
    let mut stack = vec![value];
    while let Some(node) = stack.pop() {
        match node {
            Value::Object(object) => {
                if let Some(Value::String(id)) = object.get("id") {
                    found.insert(id.clone());
                }
                stack.extend(object.values());
            }
            Value::Array(entries) => stack.extend(entries),
            _ => {}
        }
    }
    found
}

/// An id made from a label: lowercase ASCII letters and digits joined by hyphens ("Lead
/// sharing" → "lead-sharing"), with "-2", "-3"… when taken, "entry" for a label with none.
pub fn fresh_id(label: &str, taken: &HashSet<String>) -> String {
    let words: Vec<String> = label
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_ascii_lowercase)
        .collect();
    let mut base = words.join("-");
    if base.len() > ID_CHARS {
        base.truncate(ID_CHARS);
        base = base.trim_end_matches('-').to_owned();
    }
    if base.is_empty() {
        base = "entry".to_owned();
    }
    (1..)
        .map(|n| {
            if n == 1 {
                base.clone()
            } else {
                format!("{base}-{n}")
            }
        })
        .find(|id| !taken.contains(id))
        .unwrap_or(base)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn at(text: &str) -> Path {
        let mut path = Path::default();
        for part in text.split('.') {
            path = match part.parse::<usize>() {
                Ok(index) => path.index(index),
                Err(_) => path.key(part),
            };
        }
        path
    }

    fn put(path: &str, value: Value) -> Op {
        Op::Put {
            at: at(path),
            value: Some(value),
        }
    }

    #[test]
    fn typing_into_one_field_is_undone_as_one_step() {
        let mut draft = Draft::open(json!({"title": {"en": "Survey"}}), "s.json");
        for text in ["S", "Su", "Sur"] {
            draft
                .apply_typed(vec![put("title.en", json!(text))])
                .unwrap();
        }
        draft
            .apply_typed(vec![put("title.de", json!("U"))])
            .unwrap();
        assert!(draft.undo());
        assert!(draft.undo());
        assert_eq!(draft.value(), &json!({"title": {"en": "Survey"}}));
        assert!(!draft.undo());
        assert!(draft.redo());
        assert_eq!(draft.value(), &json!({"title": {"en": "Sur"}}));
        // An edit that is not typing (an import, say) is a step of its own.
        draft
            .apply(vec![put("title.en", json!("Imported"))])
            .unwrap();
        assert!(draft.undo());
        assert_eq!(draft.value(), &json!({"title": {"en": "Sur"}}));
    }

    #[test]
    fn undo_and_redo_name_the_places_they_change() {
        let mut draft = Draft::open(
            json!({"title": {"en": "S"}, "areas": [{"id": "a"}]}),
            "s.json",
        );
        assert!(draft.undo_places().is_empty());
        let remove = Op::Remove {
            list: at("areas"),
            index: 0,
        };
        draft
            .apply(vec![put("title.en", json!("T")), remove])
            .unwrap();
        // Undone in reverse: the area comes back first, then the title.
        assert_eq!(draft.undo_places(), vec![at("areas"), at("title.en")]);
        assert!(draft.redo_places().is_empty());
        assert!(draft.undo());
        assert!(draft.undo_places().is_empty());
        assert_eq!(draft.redo_places(), vec![at("title.en"), at("areas")]);
    }

    #[test]
    fn at_least_two_hundred_actions_can_be_undone() {
        let mut draft = Draft::open(json!({"areas": []}), "s.json");
        for i in 0..250 {
            let op = Op::Insert {
                list: at("areas"),
                index: 0,
                value: json!(i),
            };
            draft.apply(vec![op]).unwrap();
        }
        let mut undone = 0;
        while draft.undo() {
            undone += 1;
        }
        assert_eq!(undone, UNDO_STEPS);
        assert_eq!(draft.value()["areas"].as_array().unwrap().len(), 50);
    }

    #[test]
    fn an_action_that_fails_half_way_changes_nothing() {
        let start = json!({"areas": [{"id": "a"}]});
        let mut draft = Draft::open(start.clone(), "s.json");
        let ops = vec![
            put("areas.0.id", json!("b")),
            Op::Remove {
                list: at("areas"),
                index: 5,
            },
        ];
        assert!(draft.apply(ops).is_err());
        assert_eq!(draft.value(), &start);
        assert!(!draft.can_undo());
    }

    #[test]
    fn a_new_entrys_id_follows_its_english_label_until_saved() {
        let mut draft = Draft::open(
            json!({"areas": [{"id": "brand", "title": {"en": "Brand"}}]}),
            "s.json",
        );
        let id = draft.new_id("New area");
        assert_eq!(id, "new-area");
        let area = json!({"id": id, "title": {"en": "New area"}});
        draft
            .apply(vec![Op::Insert {
                list: at("areas"),
                index: 1,
                value: area,
            }])
            .unwrap();
        let ops = draft.text_ops(&at("areas.1.title"), "en", "Lead sharing & MDF");
        draft.apply(ops).unwrap();
        assert_eq!(draft.value()["areas"][1]["id"], "lead-sharing-mdf");
        // German text leaves the id alone.
        let ops = draft.text_ops(&at("areas.1.title"), "de", "Leads");
        assert_eq!(ops.len(), 1);
        // The opened file's ids never move.
        let ops = draft.text_ops(&at("areas.0.title"), "en", "Reputation");
        assert_eq!(ops.len(), 1);
        draft.saved();
        let ops = draft.text_ops(&at("areas.1.title"), "en", "Leads");
        assert_eq!(ops.len(), 1);
        // A statement's id follows its partner wording, not the vendor's.
        let statement =
            json!({"id": "new-statement", "text": {"partner": {"en": "New statement"}}});
        draft
            .apply(vec![Op::Insert {
                list: at("areas"),
                index: 2,
                value: statement,
            }])
            .unwrap();
        let ops = draft.text_ops(&at("areas.2.text.vendor"), "en", "We are growing");
        assert_eq!(ops.len(), 1);
        let ops = draft.text_ops(&at("areas.2.text.partner"), "en", "We grow with the vendor");
        draft.apply(ops).unwrap();
        assert_eq!(draft.value()["areas"][2]["id"], "we-grow-with-the-vendor");
    }

    #[test]
    fn a_copy_gets_ids_of_its_own() {
        let draft = Draft::open(
            json!({"areas": [{"id": "brand", "elements": [{"id": "reach"}, {"id": "reach-2"}]}]}),
            "s.json",
        );
        let mut copy = draft.value()["areas"][0].clone();
        draft.give_new_ids(&mut copy);
        assert_eq!(
            copy,
            json!({"id": "brand-2", "elements": [{"id": "reach-3"}, {"id": "reach-2-2"}]})
        );
    }

    #[test]
    fn ids_are_plain_and_unique() {
        let taken: HashSet<String> = ["brand".to_owned(), "brand-2".to_owned()].into();
        assert_eq!(fresh_id("Brand", &taken), "brand-3");
        assert_eq!(fresh_id("Über Partner", &taken), "ber-partner");
        assert_eq!(fresh_id("日本", &taken), "entry");
        assert_eq!(fresh_id(&"x".repeat(100), &taken).len(), ID_CHARS);
    }

    #[test]
    fn a_stored_draft_reads_back_with_its_history_and_a_newer_one_is_refused() {
        let mut draft = Draft::open(json!({"title": {"en": "A"}}), "acme.json");
        draft.apply(vec![put("title.en", json!("B"))]).unwrap();
        let mut back = Draft::from_json(&draft.to_json()).unwrap();
        assert_eq!(back, draft);
        assert!(back.undo());
        assert_eq!(back.value(), &json!({"title": {"en": "A"}}));
        let newer = draft.to_json().replace("\"version\":1", "\"version\":9");
        assert_eq!(Draft::from_json(&newer), Err(DraftProblem::Newer(9)));
        assert!(matches!(
            Draft::from_json("{"),
            Err(DraftProblem::Unreadable(_))
        ));
    }
}
