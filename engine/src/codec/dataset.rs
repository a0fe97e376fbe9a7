//! A vendor's data set: many partners' answers to one survey, gathered from exported files,
//! bare response files, share links and this browser's assessments. It is kept apart from
//! the user's own assessments, and read in chunks so that a page stays responsive while
//! thousands of responses arrive.

use crate::answers::assessment::Millis;
use crate::answers::response::Response;
use crate::answers::validation::AnswerProblem;
use crate::codec::entries::{capped_entries, CappedEntries, FileProblem, MAX_DATASET_ENTRIES};
use crate::codec::export::Envelope;
use crate::survey::definition::Survey;
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;
use std::collections::BTreeSet;
use std::fmt;

/// The stored data-set format this app writes.
pub const DATASET_FORMAT: u32 = 1;
/// What the list of data sets shows, stored apart from the answers so the list loads fast.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DataSetInfo {
    pub format_version: u32,
    pub id: String,
    pub name: String,
    pub survey_id: String,
    pub structure_hash: String,
    pub created_at: Millis,
    pub updated_at: Millis,
    pub responses: usize,
    /// Counts the writes of the set's answers: a tab whose copy is older than the stored
    /// one reads the set again before adding to it, so that no tab drops another's responses.
    #[serde(default)]
    pub revision: u64,
}

impl DataSetInfo {
    pub fn new(id: String, name: String, survey: &Survey, now: Millis) -> DataSetInfo {
        DataSetInfo {
            format_version: DATASET_FORMAT,
            id,
            name,
            survey_id: survey.id.clone(),
            structure_hash: survey.structure_hash(),
            created_at: now,
            updated_at: now,
            responses: 0,
            revision: 0,
        }
    }
}

/// What adding a batch of responses to a data set did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Added {
    pub added: usize,
    /// Responses whose id the data set already holds.
    pub duplicates: usize,
    /// Responses to another survey.
    pub other_survey: usize,
    /// Responses refused, each with its position in the batch and the reason.
    pub invalid: Vec<(usize, AnswerProblem)>,
}

/// Adds `incoming` to `responses`: new ids only, of this survey, with answers it can take.
/// A response without an id gets one from its position, so a bare file can be added.
pub fn add_responses(
    responses: &mut Vec<Response>,
    survey: &Survey,
    incoming: Vec<Response>,
) -> Added {
    let mut ids: BTreeSet<String> = responses.iter().map(|r| r.id.clone()).collect();
    let mut added = Added::default();
    for (position, mut response) in incoming.into_iter().enumerate() {
        if response.survey_id != survey.id {
            added.other_survey += 1;
            continue;
        }
        if let Err(reason) = crate::answers::validation::validate_answers(&response, survey) {
            added.invalid.push((position, reason));
            continue;
        }
        // An id from the answers themselves, so that the same file added twice is caught.
        if response.id.is_empty() {
            response.id = format!("response-{:016x}", fnv1a(response.to_json().as_bytes()));
        }
        if !ids.insert(response.id.clone()) {
            added.duplicates += 1;
            continue;
        }
        responses.push(response);
        added.added += 1;
    }
    added
}

/// FNV-1a, 64 bits: a stable fingerprint of a response's text (not a security measure).
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// Why one entry of a file is not a response.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EntryProblem {
    /// An exported envelope that does not read.
    File(FileProblem),
    /// An export that holds no assessment.
    Empty,
    /// Neither an export nor a response: the parser's message.
    NotResponse(String),
}

impl fmt::Display for EntryProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EntryProblem::File(problem) => problem.fmt(f),
            EntryProblem::Empty => write!(f, "the entry holds no assessment"),
            EntryProblem::NotResponse(detail) => write!(f, "not a response: {detail}"),
        }
    }
}

/// One entry of a file as a response: an exported envelope (its answers) or a bare response.
pub fn entry_response(raw: &str) -> Result<Response, EntryProblem> {
    if crate::codec::export::looks_exported(raw) {
        let envelopes =
            crate::codec::export::read_envelopes(raw.as_bytes()).map_err(EntryProblem::File)?;
        return envelopes
            .into_iter()
            .next()
            .map(|envelope: Envelope| envelope.response)
            .ok_or(EntryProblem::Empty);
    }
    serde_json::from_str(raw).map_err(|e| EntryProblem::NotResponse(e.to_string()))
}

/// The stored text of a data set's answers: versioned, so later formats can migrate.
pub fn answers_to_json(responses: &[Response]) -> String {
    #[derive(Serialize)]
    struct Stored<'a> {
        format_version: u32,
        responses: &'a [Response],
    }
    serde_json::to_string(&Stored {
        format_version: DATASET_FORMAT,
        responses,
    })
    .unwrap_or_default()
}

/// Why a data set's stored answers do not read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StoredSetProblem {
    /// Not the stored format: the parser's message.
    Damaged(String),
    /// Stored by a newer version, in this format.
    Newer(u32),
    /// More entries than a data set may hold.
    TooManyEntries(usize),
}

impl fmt::Display for StoredSetProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StoredSetProblem::Damaged(detail) => {
                write!(f, "the stored data set is damaged: {detail}")
            }
            StoredSetProblem::Newer(format) => write!(
                f,
                "the data set was stored by a newer version of PartnerLens (format {format}); reload the page to get the newer app"
            ),
            StoredSetProblem::TooManyEntries(limit) => {
                write!(f, "the data set holds more than {limit} entries")
            }
        }
    }
}

/// A data set's stored answers as raw entries, each read with `entry_response` a chunk at a
/// time; a newer format is refused with what to do.
pub fn stored_entries(json: &str) -> Result<Vec<&RawValue>, StoredSetProblem> {
    #[derive(Deserialize)]
    struct Stored<'a> {
        format_version: u32,
        #[serde(borrow)]
        responses: Option<CappedEntries<'a>>,
    }
    let stored: Stored =
        serde_json::from_str(json).map_err(|e| StoredSetProblem::Damaged(e.to_string()))?;
    if stored.format_version > DATASET_FORMAT {
        return Err(StoredSetProblem::Newer(stored.format_version));
    }
    match stored.responses {
        None => Ok(Vec::new()),
        Some(entries) => capped_entries(entries)
            .map_err(|_| StoredSetProblem::TooManyEntries(MAX_DATASET_ENTRIES)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codec::entries::split_entries;
    use crate::{default_survey, rated_response};

    #[test]
    fn a_batch_adds_new_ids_of_this_survey_and_reports_the_rest() {
        let survey = default_survey();
        let mut held = vec![rated_response("a", "emea", &[])];
        let mut foreign = rated_response("f", "emea", &[]);
        foreign.survey_id = "other".into();
        let mut unnamed = rated_response("", "emea", &[]);
        unnamed.profile.partner_name = "No id".into();
        let outside = rated_response("o", "emea", &[("leads", 9, 1)]);
        let added = add_responses(
            &mut held,
            &survey,
            vec![
                rated_response("a", "emea", &[]),
                foreign,
                unnamed,
                outside,
                rated_response("b", "apac", &[]),
            ],
        );
        assert_eq!(added.added, 2);
        assert_eq!(added.duplicates, 1);
        assert_eq!(added.other_survey, 1);
        assert_eq!(added.invalid.len(), 1);
        assert_eq!(added.invalid[0].0, 3);
        let ids: Vec<&str> = held.iter().map(|r| r.id.as_str()).collect();
        assert_eq!(ids[0], "a");
        assert!(ids[1].starts_with("response-"), "{}", ids[1]);
        assert_eq!(ids[2], "b");
        // The same unnamed response again is a duplicate, not a second respondent.
        let mut again = rated_response("", "emea", &[]);
        again.profile.partner_name = "No id".into();
        let added = add_responses(&mut held, &survey, vec![again]);
        assert_eq!((added.added, added.duplicates), (0, 1));
    }

    #[test]
    fn files_split_into_entries_that_read_as_bare_or_exported_responses() {
        let survey = default_survey();
        let bare = rated_response("r1", "emea", &[("leads", 4, 2)]);
        let mut assessment = crate::answers::assessment::Assessment::new(&survey, "x1".into(), 5);
        assessment.record(&rated_response("x1", "apac", &[]), 9);
        let export = Envelope::of(&assessment, &survey);
        let text = format!("[{}, {}]", bare.to_json(), export.to_json());
        let entries = split_entries(&text).unwrap();
        assert_eq!(entries.len(), 2);
        assert_eq!(entry_response(entries[0].get()), Ok(bare.clone()));
        assert_eq!(entry_response(entries[1].get()).unwrap().id, "x1");
        assert_eq!(split_entries(&bare.to_json()).unwrap().len(), 1);
        assert!(matches!(split_entries(" "), Err(FileProblem::Empty)));
        assert!(matches!(split_entries("[1,"), Err(FileProblem::NotJson(_))));
        assert!(entry_response("42").is_err());
    }

    #[test]
    fn a_file_of_too_many_entries_is_refused_before_they_are_kept() {
        // 24 MB of zeros: twelve million entries, which once made the page run out of memory.
        let zeros = format!("[{}0]", "0,".repeat(12_000_000));
        assert_eq!(
            split_entries(&zeros).unwrap_err(),
            FileProblem::TooManyEntries(MAX_DATASET_ENTRIES)
        );
        let at_limit = format!("[{}0]", "0,".repeat(MAX_DATASET_ENTRIES - 1));
        assert_eq!(split_entries(&at_limit).unwrap().len(), MAX_DATASET_ENTRIES);
        let stored = format!(r#"{{"format_version":1,"responses":{zeros}}}"#);
        assert_eq!(
            stored_entries(&stored).unwrap_err(),
            StoredSetProblem::TooManyEntries(100_000)
        );
    }

    #[test]
    fn a_figure_with_more_digits_than_a_float_holds_reads_back_the_same_after_a_save() {
        // Found by fuzzing: this figure came back changed in its last digit after a save.
        let text = r#"{"survey_id":"s","profile":{"revenue_current":926473.4444444444444444440}}"#;
        let read = entry_response(text).unwrap();
        assert_eq!(read.profile.revenue_current, Some(926_473.44));
        assert_eq!(entry_response(&read.to_json()), Ok(read));
        let huge = r#"{"survey_id":"s","profile":{"revenue_potential":1e13}}"#;
        assert!(entry_response(huge)
            .unwrap_err()
            .to_string()
            .contains("out of range"));
    }

    #[test]
    fn stored_answers_round_trip_and_a_newer_format_is_refused() {
        let responses = vec![rated_response("a", "emea", &[("leads", 4, 2)])];
        let json = answers_to_json(&responses);
        let entries = stored_entries(&json).unwrap();
        let back: Vec<Response> = entries
            .iter()
            .map(|e| entry_response(e.get()).unwrap())
            .collect();
        assert_eq!(back, responses);
        assert_eq!(
            stored_entries(r#"{"format_version":2,"responses":[]}"#).unwrap_err(),
            StoredSetProblem::Newer(2)
        );
        assert!(stored_entries("{").is_err());
    }
}
