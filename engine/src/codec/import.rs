//! What importing an exported file would do, decided before anything is stored: each
//! envelope is new, a duplicate, a newer copy (replaced only after the user confirms), an
//! older copy, of another survey, or invalid, with the reason.

use crate::answers::assessment::{answer_leaves, Assessment, Millis, STORAGE_VERSION};
use crate::answers::questionnaire::Progress;
use crate::answers::response::Response;
use crate::answers::validation::{validate_answers, AnswerProblem};
use crate::codec::entries::FileProblem;
use crate::codec::export::Envelope;
use crate::survey::definition::Survey;
use std::collections::BTreeMap;

/// The outcome of one envelope against the survey and what this browser holds.
#[derive(Clone, Debug, PartialEq)]
pub enum ImportStatus {
    /// Not here yet: it can be saved.
    New,
    /// The same assessment, last changed at the same time: nothing to do.
    Duplicate,
    /// The same assessment changed later than the copy here: it replaces that copy only
    /// after the user confirms.
    Newer,
    /// The copy here is the later one; the file is left aside.
    Older,
    /// Answers to another survey.
    WrongSurvey(String),
    /// Not usable, with the reason.
    Invalid(AnswerProblem),
    /// A newer copy that replaced the one here, as the user confirmed.
    Replaced,
    /// A newer copy the user chose not to take: the one here stays.
    KeptHere,
    /// Importable, but the browser refused to store it (storage full or turned off).
    NotStored,
}

/// Checks an envelope: its ids and times agree, and its answers fit the survey.
pub fn validate(envelope: &Envelope, survey: &Survey) -> Result<(), AnswerProblem> {
    let response = &envelope.response;
    if envelope.id.is_empty() || envelope.id != response.id {
        return Err(AnswerProblem::IdMismatch);
    }
    if envelope.created_at > envelope.updated_at {
        return Err(AnswerProblem::ChangedBeforeCreated);
    }
    validate_answers(response, survey)
}

/// What importing `envelope` would do, given when this browser's copy of the same
/// assessment (if any) was last changed.
pub fn status(envelope: &Envelope, survey: &Survey, here: Option<Millis>) -> ImportStatus {
    if envelope.response.survey_id != survey.id || envelope.survey.id != survey.id {
        return ImportStatus::WrongSurvey(envelope.survey.id.clone());
    }
    if let Err(reason) = validate(envelope, survey) {
        return ImportStatus::Invalid(reason);
    }
    match here {
        None => ImportStatus::New,
        Some(at) if envelope.updated_at > at => ImportStatus::Newer,
        Some(at) if envelope.updated_at == at => ImportStatus::Duplicate,
        Some(_) => ImportStatus::Older,
    }
}

/// One envelope of an import and what importing it does.
#[derive(Clone, Debug, PartialEq)]
pub struct Arrival {
    pub envelope: Envelope,
    pub status: ImportStatus,
}

/// One file of an import: what each of its envelopes does, or why it could not be read.
#[derive(Clone, Debug, PartialEq)]
pub struct FileImport {
    pub name: String,
    pub outcome: Result<Vec<Arrival>, FileProblem>,
}

/// Decides every envelope of an import, file by file, in order. `here` says when this
/// browser's copy of an assessment was last changed. An envelope that an earlier file of
/// the same import would store counts as here already, so a file dropped twice imports once
/// and the later of two copies waits for a confirmation like any newer copy. Times after
/// `now` (a machine whose clock ran fast, a changed file) are taken as `now`, so that what
/// is changed here after the import is always the later change.
pub fn plan(
    files: Vec<(String, Result<Vec<Envelope>, FileProblem>)>,
    survey: &Survey,
    here: impl Fn(&str) -> Option<Millis>,
    now: Millis,
) -> Vec<FileImport> {
    let mut arriving: BTreeMap<String, Millis> = BTreeMap::new();
    files
        .into_iter()
        .map(|(name, read)| {
            let outcome = read.map(|envelopes| {
                envelopes
                    .into_iter()
                    .map(|mut envelope| {
                        envelope.updated_at = envelope.updated_at.min(now);
                        envelope.created_at = envelope.created_at.min(envelope.updated_at);
                        let at = arriving
                            .get(&envelope.id)
                            .copied()
                            .or_else(|| here(&envelope.id));
                        let status = status(&envelope, survey, at);
                        if matches!(status, ImportStatus::New | ImportStatus::Newer) {
                            arriving.insert(envelope.id.clone(), envelope.updated_at);
                        }
                        Arrival { envelope, status }
                    })
                    .collect()
            });
            FileImport { name, outcome }
        })
        .collect()
}

/// An import in four numbers, for its one-line summary.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ImportCounts {
    /// Stored: new assessments, and newer copies the user let replace the ones here.
    pub imported: usize,
    /// Duplicates, older copies, and newer ones the user declined: nothing changed.
    pub unchanged: usize,
    /// Newer copies waiting for the user's confirmation.
    pub to_confirm: usize,
    /// Files that could not be read, and envelopes of another survey, invalid or not stored.
    pub refused: usize,
}

impl ImportCounts {
    /// Counts the envelopes' statuses and the files that could not be read.
    pub fn of<'a>(
        statuses: impl IntoIterator<Item = &'a ImportStatus>,
        unreadable: usize,
    ) -> ImportCounts {
        let mut counts = ImportCounts {
            refused: unreadable,
            ..ImportCounts::default()
        };
        for status in statuses {
            *match status {
                ImportStatus::New | ImportStatus::Replaced => &mut counts.imported,
                ImportStatus::Duplicate | ImportStatus::Older | ImportStatus::KeptHere => {
                    &mut counts.unchanged
                }
                ImportStatus::Newer => &mut counts.to_confirm,
                ImportStatus::WrongSurvey(_)
                | ImportStatus::Invalid(_)
                | ImportStatus::NotStored => &mut counts.refused,
            } += 1;
        }
        counts
    }
}

impl Assessment {
    /// The assessment an envelope holds, as this browser stores it, stamped with the
    /// survey's structure (answers to ids it no longer has stay, unscored). Each answer's
    /// change time is the file's last change: the file does not say more.
    pub fn from_envelope(envelope: &Envelope, survey: &Survey) -> Assessment {
        let response = Response {
            structure_hash: survey.structure_hash(),
            ..envelope.response.clone()
        };
        let changed_at: BTreeMap<String, Millis> = answer_leaves(&envelope.response)
            .into_keys()
            .map(|key| (key, envelope.updated_at))
            .collect();
        Assessment {
            storage_version: STORAGE_VERSION,
            created_at: envelope.created_at,
            updated_at: envelope.updated_at,
            changed_at,
            survey_title: survey.title.clone(),
            progress_percent: Progress::of_response(survey, &response).percent() as u32,
            survey_source: String::new(),
            response,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answers::response::Dimension;
    use crate::default_survey;

    fn exported(updated_at: Millis) -> Envelope {
        let survey = default_survey();
        let mut assessment = Assessment::new(&survey, "a1".into(), 1_000);
        let mut response = assessment.response.clone();
        response.rate("leads", Dimension::Importance, Some(5));
        response
            .maturity
            .insert("ops-onboarding".into(), "structured".into());
        assessment.record(&response, updated_at);
        Envelope::of(&assessment, &survey)
    }

    #[test]
    fn an_export_comes_back_as_the_same_assessment() {
        let envelope = exported(2_000);
        let back = Assessment::from_envelope(&envelope, &default_survey());
        assert_eq!(back.response, envelope.response);
        assert_eq!((back.created_at, back.updated_at), (1_000, 2_000));
        assert_eq!(
            back.changed_at.get("/ratings/leads/importance"),
            Some(&2_000)
        );
    }

    #[test]
    fn the_copy_here_decides_between_new_duplicate_newer_and_older() {
        let survey = default_survey();
        let envelope = exported(2_000);
        assert_eq!(status(&envelope, &survey, None), ImportStatus::New);
        assert_eq!(
            status(&envelope, &survey, Some(2_000)),
            ImportStatus::Duplicate
        );
        assert_eq!(status(&envelope, &survey, Some(1_500)), ImportStatus::Newer);
        assert_eq!(status(&envelope, &survey, Some(2_500)), ImportStatus::Older);
    }

    #[test]
    fn answers_the_survey_cannot_hold_make_the_file_invalid_with_a_reason() {
        let survey = default_survey();
        let mut envelope = exported(2_000);
        envelope
            .response
            .rate("leads", Dimension::Performance, Some(9));
        assert_eq!(
            status(&envelope, &survey, None),
            ImportStatus::Invalid(AnswerProblem::RatingOutsideScale {
                element: "leads".into(),
                dimension: Dimension::Performance,
                value: 9,
                min: 1,
                max: 5
            })
        );
        let mut envelope = exported(2_000);
        envelope
            .response
            .maturity
            .insert("ops-onboarding".into(), "legendary".into());
        assert!(matches!(
            status(&envelope, &survey, None),
            ImportStatus::Invalid(_)
        ));
        let mut envelope = exported(2_000);
        envelope.response.profile.revenue_current = Some(-5.0);
        assert!(matches!(
            status(&envelope, &survey, None),
            ImportStatus::Invalid(_)
        ));
        let mut envelope = exported(2_000);
        envelope.created_at = 3_000;
        assert_eq!(
            status(&envelope, &survey, None),
            ImportStatus::Invalid(AnswerProblem::ChangedBeforeCreated)
        );
    }

    #[test]
    fn answers_to_ids_the_survey_lacks_are_kept_and_listed_not_refused() {
        let survey = default_survey();
        let mut envelope = exported(2_000);
        envelope
            .response
            .rate("teleportation", Dimension::Importance, Some(3));
        assert_eq!(status(&envelope, &survey, None), ImportStatus::New);
        let back = Assessment::from_envelope(&envelope, &survey);
        assert_eq!(
            back.response.unknown_answers(&survey),
            ["ratings/teleportation"]
        );
    }

    #[test]
    fn another_surveys_answers_are_named_by_their_default_survey() {
        let survey = default_survey();
        let mut envelope = exported(2_000);
        envelope.survey.id = "other-survey".into();
        assert_eq!(
            status(&envelope, &survey, None),
            ImportStatus::WrongSurvey("other-survey".into())
        );
    }

    #[test]
    fn an_import_decides_each_envelope_and_counts_a_copy_in_an_earlier_file_as_here() {
        let survey = default_survey();
        let mut other = exported(2_000);
        other.id = "a2".into();
        other.response.id = "a2".into();
        let mut foreign = exported(2_000);
        foreign.id = "a3".into();
        foreign.response.id = "a3".into();
        foreign.survey.id = "other-survey".into();
        let files = vec![
            ("one.json".to_owned(), Ok(vec![exported(2_000)])),
            // The same file again, then a later copy of it in a file of two.
            ("again.json".to_owned(), Ok(vec![exported(2_000)])),
            ("two.json".to_owned(), Ok(vec![exported(3_000), other])),
            ("foreign.json".to_owned(), Ok(vec![foreign])),
            ("broken.json".to_owned(), Err(FileProblem::Empty)),
        ];
        // This browser already holds a2, changed later than the file's copy.
        let here = |id: &str| (id == "a2").then_some(2_500);
        let plan = plan(files, &survey, here, Millis::MAX);
        let statuses: Vec<Vec<ImportStatus>> = plan
            .iter()
            .filter_map(|file| file.outcome.as_ref().ok())
            .map(|arrivals| arrivals.iter().map(|a| a.status.clone()).collect())
            .collect();
        assert_eq!(
            statuses,
            [
                vec![ImportStatus::New],
                vec![ImportStatus::Duplicate],
                vec![ImportStatus::Newer, ImportStatus::Older],
                vec![ImportStatus::WrongSurvey("other-survey".into())],
            ]
        );
        assert_eq!(plan[4].outcome, Err(FileProblem::Empty));
        let statuses = plan
            .iter()
            .filter_map(|file| file.outcome.as_ref().ok())
            .flatten()
            .map(|arrival| &arrival.status);
        assert_eq!(
            ImportCounts::of(statuses, 1),
            ImportCounts {
                imported: 1,
                unchanged: 2,
                to_confirm: 1,
                refused: 2
            }
        );
        let decided = [
            ImportStatus::Replaced,
            ImportStatus::KeptHere,
            ImportStatus::NotStored,
        ];
        assert_eq!(
            ImportCounts::of(&decided, 0),
            ImportCounts {
                imported: 1,
                unchanged: 1,
                to_confirm: 0,
                refused: 1
            }
        );
    }

    #[test]
    fn a_file_from_a_fast_clock_is_taken_as_changed_now_and_a_change_here_then_wins() {
        let survey = default_survey();
        // Exported on a machine whose clock ran a day ahead of this one's.
        let (now, ahead) = (1_000_000, 1_000_000 + 86_400_000);
        let plan = plan(
            vec![("fast.json".into(), Ok(vec![exported(ahead)]))],
            &survey,
            |_| None,
            now,
        );
        let arrival = &plan[0].outcome.as_ref().unwrap()[0];
        assert_eq!(arrival.status, ImportStatus::New);
        assert_eq!(
            (arrival.envelope.created_at, arrival.envelope.updated_at),
            (1_000, now)
        );
        let mut stored = Assessment::from_envelope(&arrival.envelope, &survey);
        assert!(stored.changed_at.values().all(|&at| at <= now));
        // A minute later the partner changes the rating: the change is kept.
        let mut edited = stored.response.clone();
        edited.rate("leads", Dimension::Importance, Some(2));
        let mut tab = stored.clone();
        let (changed, _) = tab.save_change(&edited, now + 60_000, Some(&stored));
        assert!(changed);
        assert!(!stored.merge(&tab) || stored.response.rating("leads").importance == Some(2));
        assert_eq!(tab.response.rating("leads").importance, Some(2));
    }

    #[test]
    fn an_imported_assessment_shows_its_survey_and_how_far_it_got() {
        let survey = default_survey();
        let back = Assessment::from_envelope(&exported(2_000), &survey);
        assert_eq!(back.survey_title, survey.title);
        // One importance of 56 ratings and one of the maturity answers: far from done,
        // but not nothing.
        assert!(
            back.progress_percent > 0 && back.progress_percent < 10,
            "{}",
            back.progress_percent
        );
    }
}
