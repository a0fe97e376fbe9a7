//! A file of many entries (exported envelopes or bare responses), split without reading each
//! entry, so that a reader can take them a chunk at a time; and why a file cannot be read.
//! The export and the data sets both read files through this, and neither reads the other's.

use serde::Deserialize;
use serde_json::value::RawValue;
use std::fmt;

/// Why a file could not be read: an export, or a file of many responses. `Display` words it
/// for the CLI; the app words it in the user's language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FileProblem {
    /// The browser could not read the file (moved, deleted or locked since it was picked).
    Unreadable,
    Empty,
    /// The file's size and the most the reader takes, in bytes.
    TooLarge(usize, usize),
    NotJson(String),
    SurveyFile,
    WrongShape(String),
    NewerFormat(u32),
    /// An array of more entries than a reader takes (the limit).
    TooManyEntries(usize),
}

impl fmt::Display for FileProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FileProblem::Unreadable => write!(
                f,
                "the file could not be read; check that it still exists and pick it again"
            ),
            FileProblem::Empty => write!(f, "the file is empty"),
            FileProblem::TooLarge(bytes, limit) => write!(
                f,
                "the file is {:.1} MB; files are read up to {} MB here (split a larger set into several files)",
                *bytes as f64 / 1_048_576.0,
                limit / 1_048_576
            ),
            FileProblem::NotJson(why) => write!(f, "the file is not JSON ({why})"),
            FileProblem::SurveyFile => write!(
                f,
                "this is a survey file, not results; a vendor publishes it with the app"
            ),
            FileProblem::WrongShape(why) => write!(
                f,
                "the file is JSON but not PartnerLens results ({why})"
            ),
            FileProblem::NewerFormat(version) => write!(
                f,
                "the file was exported by a newer version of PartnerLens (format {version}); reload the page to get the newer app"
            ),
            FileProblem::TooManyEntries(limit) => write!(
                f,
                "the file holds more than {limit} entries; split it into several files"
            ),
        }
    }
}

/// A data-set file may be larger than an exported file: 10,000 responses take about 25 MB.
pub const MAX_DATASET_FILE_BYTES: usize = 64 * 1024 * 1024;

/// Entries in one file or one stored data set: ten times the 10,000 responses the dashboard
/// is built for. The count is checked while the file is split, before anything is allocated
/// per entry, so that a file of millions of tiny entries is refused instead of exhausting
/// the page's memory.
pub const MAX_DATASET_ENTRIES: usize = 100_000;

/// A JSON array's entries, left unread, up to `MAX_DATASET_ENTRIES`; the rest are skipped
/// without being kept, and `more` says there were some.
pub(crate) struct CappedEntries<'a> {
    entries: Vec<&'a RawValue>,
    more: bool,
}

impl<'de: 'a, 'a> Deserialize<'de> for CappedEntries<'a> {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visit;
        impl<'de> serde::de::Visitor<'de> for Visit {
            type Value = CappedEntries<'de>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("an array")
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> Result<Self::Value, A::Error> {
                let mut capped = CappedEntries {
                    entries: Vec::new(),
                    more: false,
                };
                while capped.entries.len() < MAX_DATASET_ENTRIES {
                    match seq.next_element()? {
                        Some(entry) => capped.entries.push(entry),
                        None => return Ok(capped),
                    }
                }
                while seq.next_element::<serde::de::IgnoredAny>()?.is_some() {
                    capped.more = true;
                }
                Ok(capped)
            }
        }
        deserializer.deserialize_seq(Visit)
    }
}

/// An array's entries, or `TooManyEntries` past the limit.
pub(crate) fn capped_entries(entries: CappedEntries<'_>) -> Result<Vec<&RawValue>, FileProblem> {
    if entries.more {
        Err(FileProblem::TooManyEntries(MAX_DATASET_ENTRIES))
    } else {
        Ok(entries.entries)
    }
}

/// Splits a file holding one entry or an array of them into its raw entries, without reading
/// them: each is then read on its own, a chunk at a time.
pub fn split_entries(text: &str) -> Result<Vec<&RawValue>, FileProblem> {
    if text.trim().is_empty() {
        return Err(FileProblem::Empty);
    }
    if text.len() > MAX_DATASET_FILE_BYTES {
        return Err(FileProblem::TooLarge(text.len(), MAX_DATASET_FILE_BYTES));
    }
    let not_json = |e: serde_json::Error| FileProblem::NotJson(e.to_string());
    if text.trim_start().starts_with('[') {
        capped_entries(serde_json::from_str(text).map_err(not_json)?)
    } else {
        Ok(vec![serde_json::from_str(text).map_err(not_json)?])
    }
}
