//! The exported results file: one assessment's answers in a versioned envelope that names
//! the survey it belongs to. It holds answers, not scores; scores are recomputed on import,
//! so a file always scores the way the app that opens it does. `partnerlens score` and
//! `partnerlens aggregate` read the same files.

use crate::answers::assessment::{Assessment, Millis, StoredProblem};
use crate::answers::response::Response;
use crate::codec::entries::FileProblem;
use crate::survey::definition::Survey;
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;

/// The envelope format this app writes.
pub const EXPORT_FORMAT: u32 = 1;
/// Files larger than this are refused unread: a thousand exports take about 3 MB.
pub const MAX_FILE_BYTES: usize = 5 * 1024 * 1024;
/// Names the file's kind, so that any JSON file is told apart from an export.
pub const EXPORT_KIND: &str = "partnerlens-results";

/// Which survey, and which version of its structure, the answers were given to.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SurveyRef {
    pub id: String,
    #[serde(default)]
    pub version: String,
    #[serde(default)]
    pub structure_hash: String,
}

/// One assessment as a file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Envelope {
    pub kind: String,
    pub format_version: u32,
    /// The PartnerLens version that wrote the file.
    #[serde(default)]
    pub app_version: String,
    pub id: String,
    pub created_at: Millis,
    pub updated_at: Millis,
    pub survey: SurveyRef,
    /// The profile (wave included) and the answers, by the survey's ids.
    pub response: Response,
}

impl Envelope {
    pub fn of(assessment: &Assessment, survey: &Survey) -> Envelope {
        let mut envelope = Envelope::of_stored(assessment.clone());
        envelope.response.structure_hash = survey.structure_hash();
        envelope.survey = SurveyRef {
            id: survey.id.clone(),
            version: survey.version.clone(),
            structure_hash: envelope.response.structure_hash.clone(),
        };
        envelope
    }

    /// A stored assessment as a file, naming the survey as its answers do: how a blob saved
    /// from this browser's storage (a set-aside entry, an earlier rescue download) imports.
    fn of_stored(assessment: Assessment) -> Envelope {
        let response = assessment.response;
        Envelope {
            kind: EXPORT_KIND.to_owned(),
            format_version: EXPORT_FORMAT,
            app_version: env!("CARGO_PKG_VERSION").to_owned(),
            id: response.id.clone(),
            created_at: assessment.created_at,
            updated_at: assessment.updated_at,
            survey: SurveyRef {
                id: response.survey_id.clone(),
                version: String::new(),
                structure_hash: response.structure_hash.clone(),
            },
            response,
        }
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// `acme-integration-partner-experience-2026-11-22.json`: who, which survey, and the day of
    /// the last change.
    pub fn file_name(&self) -> String {
        format!("{}.json", self.file_stem())
    }

    /// The file name without its extension, for the CSV files of the same assessment.
    pub fn file_stem(&self) -> String {
        let (year, month, day) = civil_date(self.updated_at);
        let who = slug(&self.response.profile.partner_name);
        let who = if who.is_empty() { slug(&self.id) } else { who };
        format!(
            "{who}-{}-{year:04}-{month:02}-{day:02}",
            slug(&self.survey.id)
        )
    }
}

/// Lowercase words joined by hyphens: a name any file system takes.
pub fn slug(text: &str) -> String {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join("-")
}

/// The UTC calendar date of a time (Howard Hinnant's days-to-civil algorithm).
pub fn civil_date(millis: Millis) -> (i64, u32, u32) {
    let days = (millis / 86_400_000) as i64;
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

/// Whether a text looks like an export rather than bare responses: exports name their kind
/// in their first fields, and bare responses never have that key.
pub fn looks_exported(text: &str) -> bool {
    let head = text
        .char_indices()
        .nth(200)
        .map_or(text, |(end, _)| &text[..end]);
    (head.contains("\"kind\"") && head.contains(EXPORT_KIND)) || head.contains(STORED_KEY)
}

/// The first key of an assessment as this browser stores it (docs/storage-format.md).
const STORED_KEY: &str = "\"storage_version\"";

/// Every envelope in a file that holds one envelope or an array of them. A file is read
/// whole or not at all.
pub fn read_envelopes(bytes: &[u8]) -> Result<Vec<Envelope>, FileProblem> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(FileProblem::Empty);
    }
    if bytes.len() > MAX_FILE_BYTES {
        return Err(FileProblem::TooLarge(bytes.len(), MAX_FILE_BYTES));
    }
    // Typed reads from text throughout, as for stored answers: each other kind of reader
    // (bytes, a `Value`) would put a second copy of the answers' decoder in the wasm.
    let text = std::str::from_utf8(bytes)
        .map_err(|_| FileProblem::NotJson("it is not UTF-8 text".into()))?;
    crate::codec::entries::split_entries(text)?
        .into_iter()
        .enumerate()
        .map(|(position, entry)| envelope(entry.get()).map_err(|problem| at(problem, position)))
        .collect()
}

/// Names which entry of an array a shape problem is in.
fn at(problem: FileProblem, position: usize) -> FileProblem {
    match problem {
        FileProblem::WrongShape(why) => {
            FileProblem::WrongShape(format!("entry {}: {why}", position + 1))
        }
        other => other,
    }
}

/// The few top-level fields that tell an export from other JSON before it is read in full,
/// left raw so that any JSON object reads.
#[derive(Deserialize)]
struct Probe<'a> {
    #[serde(borrow)]
    kind: Option<&'a RawValue>,
    #[serde(borrow)]
    format_version: Option<&'a RawValue>,
    #[serde(borrow)]
    areas: Option<&'a RawValue>,
    #[serde(borrow)]
    scale: Option<&'a RawValue>,
    #[serde(borrow)]
    storage_version: Option<&'a RawValue>,
}

fn envelope(json: &str) -> Result<Envelope, FileProblem> {
    let probe: Probe = serde_json::from_str(json)
        .map_err(|_| FileProblem::WrongShape("expected an object with a \"kind\"".into()))?;
    if probe.areas.is_some() && probe.scale.is_some() {
        return Err(FileProblem::SurveyFile);
    }
    if probe.kind.is_none() && probe.storage_version.is_some() {
        return Assessment::from_json(json, "", 0)
            .map(Envelope::of_stored)
            .map_err(|problem| match problem {
                StoredProblem::TooNew(version) => FileProblem::NewerFormat(version),
                StoredProblem::Unreadable(why) => FileProblem::WrongShape(why),
            });
    }
    let kind = probe
        .kind
        .and_then(|raw| serde_json::from_str::<&str>(raw.get()).ok());
    if kind != Some(EXPORT_KIND) {
        return Err(FileProblem::WrongShape(format!(
            "it has no \"kind\": \"{EXPORT_KIND}\""
        )));
    }
    let version = probe
        .format_version
        .and_then(|raw| raw.get().parse::<u64>().ok());
    if let Some(version) = version.filter(|v| *v > u64::from(EXPORT_FORMAT)) {
        return Err(FileProblem::NewerFormat(
            u32::try_from(version).unwrap_or(u32::MAX),
        ));
    }
    serde_json::from_str(json).map_err(|e| FileProblem::WrongShape(e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_the_utc_calendar_day() {
        assert_eq!(civil_date(0), (1970, 1, 1));
        // 2026-11-22T20:40:00Z.
        assert_eq!(civil_date(1_795_380_000_000), (2026, 11, 22));
        // The last millisecond of a leap day.
        assert_eq!(civil_date(951_868_799_999), (2000, 2, 29));
    }

    fn sample() -> Envelope {
        Envelope {
            kind: EXPORT_KIND.into(),
            format_version: 1,
            app_version: "0.1.0".into(),
            id: "a1".into(),
            created_at: 1_795_300_000_000,
            updated_at: 1_795_380_000_000,
            survey: SurveyRef {
                id: "partner-experience".into(),
                version: "1.0".into(),
                structure_hash: "abc".into(),
            },
            response: Response {
                id: "a1".into(),
                survey_id: "partner-experience".into(),
                ..Response::default()
            },
        }
    }

    #[test]
    fn the_file_name_says_who_which_survey_and_when() {
        let mut envelope = sample();
        envelope.response.profile.partner_name = "Acme Integration GmbH".into();
        assert_eq!(
            envelope.file_name(),
            "acme-integration-gmbh-partner-experience-2026-11-22.json"
        );
        envelope.response.profile.partner_name = String::new();
        assert_eq!(
            envelope.file_name(),
            "a1-partner-experience-2026-11-22.json"
        );
    }

    #[test]
    fn one_envelope_or_an_array_of_them_reads_back() {
        let one = sample().to_json();
        assert_eq!(read_envelopes(one.as_bytes()), Ok(vec![sample()]));
        let many = serde_json::to_string(&vec![sample(), sample()]).unwrap();
        assert_eq!(read_envelopes(many.as_bytes()).unwrap().len(), 2);
    }

    #[test]
    fn an_assessment_as_this_browser_stores_it_reads_as_an_export() {
        let stored = r#"{"storage_version":1,"created_at":5,"updated_at":9,"changed_at":{"/ratings/leads/importance":9},"response":{"id":"a1","survey_id":"partner-experience","structure_hash":"abc","profile":{"partner_name":"Acme"},"ratings":{"leads":{"importance":4}}}}"#;
        assert!(looks_exported(stored));
        let read = read_envelopes(stored.as_bytes()).unwrap();
        assert_eq!(read.len(), 1);
        let envelope = &read[0];
        assert_eq!(
            (
                envelope.id.as_str(),
                envelope.created_at,
                envelope.updated_at
            ),
            ("a1", 5, 9)
        );
        assert_eq!(envelope.survey.id, "partner-experience");
        assert_eq!(envelope.response.profile.partner_name, "Acme");
        assert_eq!(envelope.response.rating("leads").importance, Some(4));
        let newer = stored.replace("\"storage_version\":1", "\"storage_version\":4");
        assert_eq!(
            read_envelopes(newer.as_bytes()),
            Err(FileProblem::NewerFormat(4))
        );
    }

    #[test]
    fn names_and_waves_from_a_file_lose_control_and_reordering_characters() {
        let mut envelope = sample();
        envelope.response.profile.partner_name = "Acme\u{202e}HbmG\u{0007}\r\n".into();
        envelope.response.profile.wave = "20\u{2066}26\t".into();
        let read = read_envelopes(envelope.to_json().as_bytes()).unwrap();
        assert_eq!(read[0].response.profile.partner_name, "AcmeHbmG");
        assert_eq!(read[0].response.profile.wave, "2026");
    }

    #[test]
    fn each_wrong_file_gets_its_own_message() {
        assert_eq!(read_envelopes(b""), Err(FileProblem::Empty));
        assert_eq!(read_envelopes(b" \n"), Err(FileProblem::Empty));
        assert!(matches!(
            read_envelopes(b"<html>"),
            Err(FileProblem::NotJson(_))
        ));
        // Nesting is skipped without recursion, however deep: such a file is simply not an export.
        let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
        assert!(matches!(
            read_envelopes(deep.as_bytes()),
            Err(FileProblem::WrongShape(_))
        ));
        let big = vec![b' '; MAX_FILE_BYTES + 1];
        let mut big = big;
        big[0] = b'{';
        assert_eq!(
            read_envelopes(&big),
            Err(FileProblem::TooLarge(MAX_FILE_BYTES + 1, MAX_FILE_BYTES))
        );
        let survey = include_bytes!("../../../web/public/surveys/partner-experience.json");
        assert_eq!(read_envelopes(survey), Err(FileProblem::SurveyFile));
        assert!(matches!(
            read_envelopes(br#"{"survey_id":"x"}"#),
            Err(FileProblem::WrongShape(_))
        ));
        let newer = sample()
            .to_json()
            .replace("\"format_version\": 1", "\"format_version\": 7");
        assert_eq!(
            read_envelopes(newer.as_bytes()),
            Err(FileProblem::NewerFormat(7))
        );
        let broken_second = format!("[{},{{\"kind\":\"{EXPORT_KIND}\"}}]", sample().to_json());
        match read_envelopes(broken_second.as_bytes()) {
            Err(FileProblem::WrongShape(why)) => assert!(why.starts_with("entry 2:"), "{why}"),
            other => panic!("{other:?}"),
        }
    }
}
