//! What the partner's first module hands to the full app when the partner moves past what the
//! first module holds (the review, the list of assessments) or arrives with something it does
//! not hold (a share link, saved assessments).
//!
//! The two are separate wasm modules with separate memories, possibly from different deploys
//! (a cached first module, a new full app), so the hand-over is versioned JSON. A hand-over
//! that cannot be read is ignored: the full app then starts from what is stored, as on a reload.

use serde::{Deserialize, Serialize};

/// The version written by this build; any other is refused.
pub const HANDOVER_VERSION: u32 = 1;

/// Most bytes a hand-over may have: the survey (at most 1 MB) and one assessment, with room.
pub const MAX_HANDOVER_BYTES: usize = 4 * 1024 * 1024;

/// Where the full app opens.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Target {
    /// The first screen a page load would show (share link, list of assessments, …).
    Start,
    /// The list of this browser's assessments.
    List,
    /// The review page of the assessment handed over.
    Review,
}

/// The first module's state, as the full app needs it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Handover {
    pub version: u32,
    pub target: Target,
    /// The survey file's text as fetched, so the full app neither fetches nor waits for it.
    pub survey: String,
    /// The open assessment in its stored form (`Assessment::to_json`), also when the browser
    /// refused to store it.
    pub assessment: Option<String>,
    /// The language code and theme on screen.
    pub locale: String,
    pub dark: bool,
}

impl Handover {
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Reads a hand-over; None when it is too large, damaged, or from another version.
    pub fn from_json(json: &str) -> Option<Handover> {
        if json.len() > MAX_HANDOVER_BYTES {
            return None;
        }
        serde_json::from_str::<Handover>(json)
            .ok()
            .filter(|h| h.version == HANDOVER_VERSION)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Handover {
        Handover {
            version: HANDOVER_VERSION,
            target: Target::Review,
            survey: "{\"id\":\"s\"}".into(),
            assessment: Some("{\"storage_version\":1}".into()),
            locale: "de".into(),
            dark: true,
        }
    }

    #[test]
    fn reads_back_what_it_writes() {
        assert_eq!(Handover::from_json(&sample().to_json()), Some(sample()));
    }

    #[test]
    fn refuses_other_versions_damage_and_excess() {
        let newer = sample().to_json().replace("\"version\":1", "\"version\":2");
        assert_eq!(Handover::from_json(&newer), None);
        assert_eq!(Handover::from_json("{\"version\":1"), None);
        assert_eq!(Handover::from_json(""), None);
        let huge = format!("\"{}\"", "x".repeat(MAX_HANDOVER_BYTES));
        assert_eq!(Handover::from_json(&huge), None);
    }

    #[test]
    fn writes_the_target_as_a_word() {
        assert!(sample().to_json().contains("\"target\":\"review\""));
    }
}
