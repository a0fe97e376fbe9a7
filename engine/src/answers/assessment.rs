//! One saved assessment: the answers plus what merging and listing need (docs/storage-format.md).
//!
//! Every answer carries the time of its last change, keyed by its JSON pointer into the
//! `Response` (`/ratings/leads/importance`). A time whose pointer has no value is a tombstone:
//! the answer was cleared then. Two copies of one assessment can thus be merged answer by answer.

use crate::answers::response::{ProfileAnswers, Response};
use crate::survey::definition::Survey;
use crate::survey::text::Text;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use std::collections::BTreeMap;

/// The stored format this app writes. Version 0 is a bare `Response` without this field.
pub const STORAGE_VERSION: u32 = 1;

/// Milliseconds since the Unix epoch, as the browser's `Date.now()` gives them.
pub type Millis = u64;

/// Just the version field, read first to pick the decoder.
#[derive(Deserialize)]
struct StoredVersion {
    storage_version: Option<u32>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Assessment {
    pub storage_version: u32,
    pub created_at: Millis,
    pub updated_at: Millis,
    /// Last change of every answer ever given, by JSON pointer into `response`.
    #[serde(default)]
    pub changed_at: BTreeMap<String, Millis>,
    /// The survey's title and the share of its questions answered, as of the last save: the
    /// list of assessments shows them without loading every survey.
    #[serde(default, skip_serializing_if = "Text::is_empty")]
    pub survey_title: Text,
    #[serde(default)]
    pub progress_percent: u32,
    /// The `?survey=` address the survey was opened with; empty for the default survey. The
    /// list continues an assessment of another survey by going there.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub survey_source: String,
    pub response: Response,
}

/// Why a stored blob could not be used. The message is for the user.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StoredProblem {
    /// Not JSON, or JSON of another shape.
    Unreadable(String),
    /// Written by a newer PartnerLens than this one.
    TooNew(u32),
}

impl std::fmt::Display for StoredProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            StoredProblem::Unreadable(why) => write!(f, "the saved answers could not be read ({why})"),
            StoredProblem::TooNew(version) => write!(
                f,
                "the saved answers were written by a newer version of PartnerLens (storage version {version}); open them there, or reload this page to get the newer app"
            ),
        }
    }
}

impl Assessment {
    pub fn new(survey: &Survey, id: String, now: Millis) -> Assessment {
        Assessment {
            storage_version: STORAGE_VERSION,
            created_at: now,
            updated_at: now,
            changed_at: BTreeMap::new(),
            survey_title: survey.title.clone(),
            progress_percent: 0,
            survey_source: String::new(),
            response: Response {
                id,
                ..Response::new(survey)
            },
        }
    }

    /// The next wave of this assessment: the profile copied with the new wave, no answers.
    pub fn next_wave(&self, survey: &Survey, id: String, wave: &str, now: Millis) -> Assessment {
        let mut next = Assessment::new(survey, id, now);
        next.survey_source.clone_from(&self.survey_source);
        next.response.profile = ProfileAnswers {
            wave: wave.trim().to_owned(),
            ..self.response.profile.clone()
        };
        next.changed_at = answer_leaves(&next.response)
            .into_keys()
            .map(|key| (key, now))
            .collect();
        next
    }

    /// Reads a stored blob of any known version. A version-0 blob (a bare `Response`) becomes
    /// version 1 with the given id; its answers get time 0, older than any real change.
    pub fn from_json(
        json: &str,
        id_if_missing: &str,
        now: Millis,
    ) -> Result<Assessment, StoredProblem> {
        let unreadable = |e: serde_json::Error| StoredProblem::Unreadable(e.to_string());
        // Typed reads straight from the text: cheaper in wasm than going through a `Value`.
        let version: StoredVersion = serde_json::from_str(json).map_err(unreadable)?;
        let mut assessment = match version.storage_version {
            None => {
                let response: Response = serde_json::from_str(json).map_err(unreadable)?;
                let changed_at = answer_leaves(&response)
                    .into_keys()
                    .map(|k| (k, 0))
                    .collect();
                Assessment {
                    storage_version: STORAGE_VERSION,
                    created_at: now,
                    updated_at: now,
                    changed_at,
                    survey_title: Text::default(),
                    progress_percent: 0,
                    survey_source: String::new(),
                    response,
                }
            }
            Some(STORAGE_VERSION) => serde_json::from_str(json).map_err(unreadable)?,
            Some(newer) => return Err(StoredProblem::TooNew(newer)),
        };
        if assessment.response.id.is_empty() {
            id_if_missing.clone_into(&mut assessment.response.id);
        }
        Ok(assessment)
    }

    /// Takes in another copy of this assessment (another tab's), answer by answer: the later
    /// change wins, a later clearing included. Two different changes at the same time go the
    /// same way in either direction (by their JSON text, a clearing first), so that two copies
    /// merged into each other always agree. A copy of another assessment changes nothing.
    /// Returns whether anything here changed.
    pub fn merge(&mut self, other: &Assessment) -> bool {
        let (mine, theirs) = (&self.response, &other.response);
        if mine.id != theirs.id || mine.survey_id != theirs.survey_id {
            return false;
        }
        let Ok(mut merged) = serde_json::from_str::<Value>(&mine.to_json()) else {
            return false;
        };
        let their_answers = answer_leaves(theirs);
        let text = |value: Option<&Value>| value.map(Value::to_string);
        // A tie reads this copy's value from `merged`, which holds it already.
        let newer: Vec<(&String, Millis)> = other
            .changed_at
            .iter()
            .filter(|(key, &at)| match self.changed_at.get(*key) {
                None => true,
                Some(&mine) => {
                    at > mine
                        || (at == mine && text(their_answers.get(*key)) > text(merged.pointer(key)))
                }
            })
            .map(|(key, &at)| (key, at))
            .collect();
        if newer.is_empty() {
            return false;
        }
        for (key, _) in &newer {
            set_pointer(&mut merged, key, their_answers.get(*key).cloned());
        }
        prune_empty(&mut merged);
        // Nothing is changed unless the merged answers read back as answers.
        let Ok(response) = serde_json::from_str::<Response>(&merged.to_string()) else {
            return false;
        };
        for (key, at) in newer {
            self.changed_at.insert(key.clone(), at);
        }
        self.response = response;
        self.updated_at = self.updated_at.max(other.updated_at);
        true
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Takes the answers as they are now and stamps every answer that differs from before,
    /// cleared ones included. Returns whether anything changed.
    ///
    /// A new change must win over what it replaces even when a stamp lies ahead of this
    /// clock (a file from a machine whose clock runs fast, or this clock stepped back): the
    /// stamp is the later of `now` and the last change plus one millisecond.
    pub fn record(&mut self, response: &Response, now: Millis) -> bool {
        let stamp = self.next_stamp(now);
        let changed = changed_answers(&self.response, response);
        for key in &changed {
            self.changed_at.insert(key.clone(), stamp);
        }
        let changed = !changed.is_empty();
        if changed || self.response != *response {
            self.response = response.clone();
            self.updated_at = stamp;
        }
        changed
    }

    /// A time later than every change this copy knows of, and no earlier than `now`.
    fn next_stamp(&self, now: Millis) -> Millis {
        let latest = self
            .changed_at
            .values()
            .copied()
            .chain([self.updated_at])
            .max()
            .unwrap_or(0);
        now.max(latest.saturating_add(1))
    }

    /// Saves a change made in this tab against the stored copy another tab may have written
    /// since: the change is stamped later than anything either copy holds, so it wins, and
    /// the stored copy's other answers are merged in. Returns (changed, merged).
    pub fn save_change(
        &mut self,
        response: &Response,
        now: Millis,
        stored: Option<&Assessment>,
    ) -> (bool, bool) {
        let floor = stored.map_or(0, |theirs| theirs.next_stamp(0));
        let changed = self.record(response, now.max(floor));
        let merged = stored.is_some_and(|theirs| self.merge(theirs));
        (changed, merged)
    }
}

/// Orders a list of assessments the way the start screen shows them: last changed first.
pub fn newest_first(assessments: &mut [Assessment]) {
    assessments.sort_unstable_by_key(|a| std::cmp::Reverse(a.updated_at));
}

/// Who a stored entry that cannot be read belongs to ("Acme, 2026"), if its text still says.
pub fn describe_raw(raw: &str) -> Option<String> {
    let value: Value = serde_json::from_str(raw).ok()?;
    let profile = value
        .pointer("/response/profile")
        .or_else(|| value.pointer("/profile"))?;
    let field = |name: &str| profile.get(name).and_then(Value::as_str).map(str::trim);
    let name = field("partner_name").filter(|n| !n.is_empty())?;
    Some(match field("wave").filter(|w| !w.is_empty()) {
        Some(wave) => format!("{name}, {wave}"),
        None => name.to_owned(),
    })
}

/// A response's bookkeeping fields: written with it, but not answers.
const BOOKKEEPING: [&str; 3] = ["id", "survey_id", "structure_hash"];

/// Every answer of a response as (JSON pointer, value); `BOOKKEEPING` fields are not answers.
pub fn answer_leaves(response: &Response) -> BTreeMap<String, Value> {
    let mut leaves = BTreeMap::new();
    // Straight to a `Value`: no JSON text written and read back, on every autosave.
    if let Ok(Value::Object(top)) = serde_json::to_value(response) {
        for (key, value) in &top {
            if !BOOKKEEPING.contains(&key.as_str()) {
                collect(&mut leaves, pointer_segment(String::new(), key), value);
            }
        }
    }
    leaves
}

/// The pointers of the answers that differ between two responses, as `answer_leaves` names
/// them. Only objects whose contents differ are walked, so an autosave after one click looks
/// at the leaves of one rating rather than collecting those of the whole response twice.
/// Each pointer comes once: a pointer names one place in each response.
pub fn changed_answers(before: &Response, after: &Response) -> Vec<String> {
    let mut changed = Vec::new();
    let answers = |response: &Response| match serde_json::to_value(response) {
        Ok(Value::Object(mut top)) => {
            for bookkeeping in BOOKKEEPING {
                top.remove(bookkeeping);
            }
            Value::Object(top)
        }
        _ => Value::Null,
    };
    changed_leaves(
        &mut changed,
        "",
        Some(&answers(before)),
        Some(&answers(after)),
    );
    changed
}

/// Adds the pointers under `at` whose leaves differ between `was` and `is` (None: absent).
fn changed_leaves(changed: &mut Vec<String>, at: &str, was: Option<&Value>, is: Option<&Value>) {
    if was == is {
        return;
    }
    let (was_map, is_map) = (
        was.and_then(Value::as_object),
        is.and_then(Value::as_object),
    );
    // A leaf on either side is gone or changed: an object on the other side has none there.
    if was.is_some_and(|_| was_map.is_none()) || is.is_some_and(|_| is_map.is_none()) {
        changed.push(at.to_owned());
    }
    let none = Map::new();
    let (was_map, is_map) = (was_map.unwrap_or(&none), is_map.unwrap_or(&none));
    let added = is_map.keys().filter(|key| !was_map.contains_key(*key));
    for key in was_map.keys().chain(added) {
        let inner = pointer_segment(at.to_owned(), key);
        changed_leaves(changed, &inner, was_map.get(key), is_map.get(key));
    }
}

fn pointer_segment(mut prefix: String, key: &str) -> String {
    prefix.push('/');
    prefix.push_str(&key.replace('~', "~0").replace('/', "~1"));
    prefix
}

fn collect(leaves: &mut BTreeMap<String, Value>, path: String, value: &Value) {
    match value {
        Value::Object(map) => {
            for (key, inner) in map {
                collect(leaves, pointer_segment(path.clone(), key), inner);
            }
        }
        leaf => {
            leaves.insert(path, leaf.clone());
        }
    }
}

/// Drops objects left empty by a removal, so a cleared rating leaves no empty entry behind.
fn prune_empty(value: &mut Value) {
    if let Value::Object(map) = value {
        for inner in map.values_mut() {
            prune_empty(inner);
            if let Value::Object(m) = inner {
                m.retain(|_, v| !matches!(v, Value::Object(o) if o.is_empty()));
            }
        }
    }
}

/// Sets (or, with `None`, removes) the value at a JSON pointer, creating objects on the way.
pub fn set_pointer(root: &mut Value, pointer: &str, value: Option<Value>) {
    let segments: Vec<String> = pointer
        .split('/')
        .skip(1)
        .map(|s| s.replace("~1", "/").replace("~0", "~"))
        .collect();
    let Some((last, parents)) = segments.split_last() else {
        return;
    };
    let mut at = root;
    for segment in parents {
        let Value::Object(map) = at else { return };
        at = map
            .entry(segment.clone())
            .or_insert_with(|| Value::Object(Map::new()));
    }
    if let Value::Object(map) = at {
        match value {
            Some(value) => {
                map.insert(last.clone(), value);
            }
            None => {
                map.remove(last);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answers::response::Dimension;
    use crate::load_survey;

    fn survey() -> Survey {
        load_survey(include_bytes!(
            "../../../tests/fixtures/surveys/scoring.json"
        ))
        .unwrap()
    }

    /// The exact blob the first app version stored (docs/storage-format.md, version 0).
    const V0_BLOB: &str = r#"{"survey_id":"partner-experience","profile":{"partner_name":"Acme","partner_type":"solution-reseller","region":"emea","program_tier":"gold","side":"partner","wave":"2026"},"ratings":{"reputation":{"importance":4},"product-line-5":{"not_applicable":true}}}"#;

    #[test]
    fn the_version_0_blob_migrates_with_every_answer_kept_and_stamped_time_0() {
        let migrated = Assessment::from_json(V0_BLOB, "a1", 1_000).unwrap();
        let expected = r#"{"storage_version":1,"created_at":1000,"updated_at":1000,"changed_at":{"/profile/partner_name":0,"/profile/partner_type":0,"/profile/program_tier":0,"/profile/region":0,"/profile/side":0,"/profile/wave":0,"/ratings/product-line-5/not_applicable":0,"/ratings/reputation/importance":0},"progress_percent":0,"response":{"id":"a1","survey_id":"partner-experience","profile":{"partner_name":"Acme","partner_type":"solution-reseller","region":"emea","program_tier":"gold","side":"partner","wave":"2026"},"ratings":{"product-line-5":{"not_applicable":true},"reputation":{"importance":4}}}}"#;
        assert_eq!(migrated.to_json(), expected);
        // And version 1 reads back as itself, keeping its own id.
        assert_eq!(
            Assessment::from_json(expected, "other", 9).unwrap(),
            migrated
        );
    }

    #[test]
    fn a_change_stamps_only_that_answer_and_clearing_leaves_a_tombstone() {
        let survey = survey();
        let mut assessment = Assessment::new(&survey, "a1".into(), 100);
        let mut response = assessment.response.clone();
        response.rate("training", Dimension::Importance, Some(4));
        response.profile.region = Some("emea".into());
        assert!(assessment.record(&response, 200));
        response.rate("training", Dimension::Performance, Some(2));
        assert!(assessment.record(&response, 300));
        response.profile.region = None;
        assert!(assessment.record(&response, 400));
        assert!(!assessment.record(&response, 500), "nothing changed");
        let stamps: Vec<(&str, Millis)> = assessment
            .changed_at
            .iter()
            .map(|(k, t)| (k.as_str(), *t))
            .collect();
        assert_eq!(
            stamps,
            [
                ("/profile/region", 400),
                ("/ratings/training/importance", 200),
                ("/ratings/training/performance", 300),
            ]
        );
        // The tombstone: a time without a value.
        assert!(!answer_leaves(&assessment.response).contains_key("/profile/region"));
        assert_eq!((assessment.created_at, assessment.updated_at), (100, 400));
    }

    #[test]
    fn two_tabs_merge_answer_by_answer_and_the_later_change_wins_tombstones_included() {
        let survey = survey();
        let start = Assessment::new(&survey, "a1".into(), 0);
        let (mut left, mut right) = (start.clone(), start);
        let mut l = left.response.clone();
        l.rate("training", Dimension::Importance, Some(4));
        l.profile.region = Some("emea".into());
        left.record(&l, 10);
        let mut r = right.response.clone();
        r.rate("leads", Dimension::Performance, Some(2));
        r.profile.region = Some("apac".into());
        right.record(&r, 20);
        // The left tab clears training later than anything the right tab did.
        l.rate("training", Dimension::Importance, None);
        left.record(&l, 30);

        assert!(left.merge(&right));
        assert!(right.merge(&left));
        assert_eq!(left.response, right.response);
        let merged = &left.response;
        assert_eq!(
            merged.rating("leads").performance,
            Some(2),
            "the right tab's own item"
        );
        assert_eq!(
            merged.profile.region.as_deref(),
            Some("apac"),
            "edited in both: 20 beats 10"
        );
        assert!(
            !merged.ratings.contains_key("training"),
            "the tombstone at 30 holds"
        );
        assert_eq!(left.changed_at, right.changed_at);
        assert!(!left.merge(&right), "merging again changes nothing");

        // Another assessment's copy is never merged in, however new its answers.
        let mut stranger = Assessment::new(&survey, "a2".into(), 0);
        let mut s = stranger.response.clone();
        s.rate("leads", Dimension::Performance, Some(5));
        stranger.record(&s, 99);
        let before = left.clone();
        assert!(!left.merge(&stranger));
        assert_eq!(left, before);
    }

    #[test]
    fn a_change_wins_over_stamps_that_lie_ahead_of_this_clock() {
        let survey = survey();
        // Stored when the clock read 5,000; the clock has since stepped back to 1,000.
        let mut stored = Assessment::new(&survey, "a1".into(), 0);
        let mut answers = stored.response.clone();
        answers.rate("training", Dimension::Importance, Some(4));
        stored.record(&answers, 5_000);
        let mut tab = stored.clone();
        answers.rate("training", Dimension::Importance, Some(2));
        assert_eq!(
            tab.save_change(&answers, 1_000, Some(&stored)),
            (true, false)
        );
        assert_eq!(tab.changed_at["/ratings/training/importance"], 5_001);
        assert_eq!(tab.updated_at, 5_001);
        // What this tab saved is what the next read brings back: the change held.
        stored.merge(&tab);
        assert_eq!(stored.response.rating("training").importance, Some(2));
        // Another tab saved at 9,000 meanwhile: a change here is stamped after that too.
        let mut other = stored.clone();
        let mut theirs = other.response.clone();
        theirs.rate("leads", Dimension::Performance, Some(3));
        other.record(&theirs, 9_000);
        answers.rate("training", Dimension::Importance, Some(5));
        assert_eq!(tab.save_change(&answers, 1_000, Some(&other)), (true, true));
        assert_eq!(tab.changed_at["/ratings/training/importance"], 9_001);
        assert_eq!(tab.response.rating("leads").performance, Some(3));
        assert_eq!(tab.response.rating("training").importance, Some(5));
    }

    #[test]
    fn next_wave_copies_the_profile_with_the_new_wave_and_no_answers() {
        let survey = survey();
        let mut this_year = Assessment::new(&survey, "a1".into(), 0);
        let mut r = this_year.response.clone();
        r.profile.partner_name = "Acme".into();
        r.profile.region = Some("emea".into());
        r.profile.wave = "2025".into();
        r.rate("training", Dimension::Importance, Some(4));
        this_year.record(&r, 10);
        this_year.survey_source = "surveys/scoring.json".into();
        let next = this_year.next_wave(&survey, "a2".into(), " 2026 ", 20);
        assert_eq!(next.survey_source, "surveys/scoring.json");
        assert_eq!(next.response.id, "a2");
        assert_eq!(next.response.profile.partner_name, "Acme");
        assert_eq!(next.response.profile.region.as_deref(), Some("emea"));
        assert_eq!(next.response.profile.wave, "2026");
        assert!(next.response.ratings.is_empty());
        assert_eq!(
            next.changed_at.keys().collect::<Vec<_>>(),
            ["/profile/partner_name", "/profile/region", "/profile/wave"]
        );
        assert_eq!((next.created_at, next.updated_at), (20, 20));
    }

    #[test]
    fn a_damaged_entry_still_names_its_partner_when_it_can() {
        let newer =
            r#"{"storage_version":9,"response":{"profile":{"partner_name":"Acme","wave":"2026"}}}"#;
        assert_eq!(describe_raw(newer).as_deref(), Some("Acme, 2026"));
        assert_eq!(
            describe_raw(r#"{"profile":{"partner_name":"Beta"}}"#).as_deref(),
            Some("Beta")
        );
        assert_eq!(describe_raw("{not json"), None);
        assert_eq!(describe_raw(r#"{"profile":{"partner_name":7}}"#), None);
    }

    #[test]
    fn answers_to_ids_the_survey_dropped_are_named() {
        let survey = survey();
        let mut assessment = Assessment::new(&survey, "a1".into(), 0);
        let r = &mut assessment.response;
        r.rate("training", Dimension::Importance, Some(4));
        r.rate("webinars", Dimension::Importance, Some(4));
        r.items.insert("c1".into(), 3);
        r.items.insert("c9".into(), 3);
        r.criteria.insert("j1".into(), true);
        r.maturity.insert("old-process".into(), "robust".into());
        assert_eq!(
            assessment.response.unknown_answers(&survey),
            ["ratings/webinars", "items/c9", "maturity/old-process"]
        );
    }

    #[test]
    fn newer_and_damaged_blobs_are_errors_that_say_what_to_do() {
        let newer = r#"{"storage_version":2,"response":{}}"#;
        assert_eq!(
            Assessment::from_json(newer, "a", 0),
            Err(StoredProblem::TooNew(2))
        );
        assert!(StoredProblem::TooNew(2)
            .to_string()
            .contains("newer version"));
        for bad in [
            "",
            "{",
            "[]",
            "42",
            r#"{"storage_version":"1"}"#,
            r#"{"storage_version":1}"#,
            r#"{"ratings":{}}"#,
        ] {
            assert!(
                matches!(
                    Assessment::from_json(bad, "a", 0),
                    Err(StoredProblem::Unreadable(_))
                ),
                "{bad}"
            );
        }
    }

    #[test]
    fn pointers_escape_slashes_and_tildes_and_set_pointer_undoes_a_leaf() {
        let mut response = Response::default();
        response.items.insert("a/b~c".into(), 3);
        let leaves = answer_leaves(&response);
        assert_eq!(leaves.keys().collect::<Vec<_>>(), ["/items/a~1b~0c"]);
        let mut value = Value::Object(Map::new());
        set_pointer(&mut value, "/items/a~1b~0c", Some(Value::from(3)));
        assert_eq!(value, serde_json::json!({"items": {"a/b~c": 3}}));
        set_pointer(&mut value, "/items/a~1b~0c", None);
        assert_eq!(value, serde_json::json!({"items": {}}));
    }
}
