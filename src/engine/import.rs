//! What importing an exported file would do, decided before anything is stored: each
//! envelope is new, a duplicate, a newer copy (replaced only after the user confirms), an
//! older copy, of another survey, or invalid, with the reason.

use super::assessment::{answer_leaves, Assessment, Millis, STORAGE_VERSION};
use super::export::Envelope;
use super::response::Response;
use super::survey::Survey;
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
    Invalid(String),
}

/// Checks an envelope's answers against the survey: every rating, item and level must be
/// one the survey offers. Answers to ids the survey does not have are not errors: they are
/// kept and reported (`Response::unknown_answers`).
pub fn validate(envelope: &Envelope, survey: &Survey) -> Result<(), String> {
    let response = &envelope.response;
    if envelope.id.is_empty() || envelope.id != response.id {
        return Err("the assessment id is missing or differs from its answers' id".into());
    }
    if envelope.created_at > envelope.updated_at {
        return Err("it was last changed before it was created".into());
    }
    validate_answers(response, survey)
}

/// Checks answers however they came (a file, a share link): every rating, item and level
/// must be one the survey offers, and revenues must be numbers of zero or more.
pub fn validate_answers(response: &Response, survey: &Survey) -> Result<(), String> {
    let scale = &survey.scale;
    let outside = |what: &str, value: i32| {
        format!(
            "{what} is {value}, outside the survey's scale of {} to {}",
            scale.min, scale.max
        )
    };
    for (id, rating) in &response.ratings {
        for (name, value) in [
            ("importance", rating.importance),
            ("performance", rating.performance),
        ] {
            if let Some(value) = value.filter(|v| !scale.contains(*v)) {
                return Err(outside(&format!("the {name} of \"{id}\""), value));
            }
        }
    }
    if let Some((id, value)) = response.items.iter().find(|(_, v)| !scale.contains(**v)) {
        return Err(outside(&format!("the answer to \"{id}\""), *value));
    }
    if let Some(maturity) = &survey.sections.maturity {
        for (process, level) in &response.maturity {
            if !maturity.levels.iter().any(|l| &l.id == level) {
                return Err(format!(
                    "\"{process}\" has the level \"{level}\", which the survey does not offer"
                ));
            }
        }
    }
    let profile = &response.profile;
    for (name, revenue) in [
        ("current revenue", profile.revenue_current),
        ("potential revenue", profile.revenue_potential),
    ] {
        if revenue.is_some_and(|r| !r.is_finite() || r < 0.0) {
            return Err(format!("the {name} is negative or not a number"));
        }
    }
    Ok(())
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

impl Assessment {
    /// The assessment an envelope holds, as this browser stores it. Each answer's change
    /// time is the file's last change: the file does not say more.
    pub fn from_envelope(envelope: &Envelope) -> Assessment {
        let changed_at: BTreeMap<String, Millis> = answer_leaves(&envelope.response)
            .into_keys()
            .map(|key| (key, envelope.updated_at))
            .collect();
        Assessment {
            storage_version: STORAGE_VERSION,
            created_at: envelope.created_at,
            updated_at: envelope.updated_at,
            changed_at,
            survey_title: Default::default(),
            progress_percent: 0,
            survey_source: String::new(),
            response: envelope.response.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::default_survey;
    use crate::engine::response::Dimension;

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
        let back = Assessment::from_envelope(&envelope);
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
            ImportStatus::Invalid(
                "the performance of \"leads\" is 9, outside the survey's scale of 1 to 5".into()
            )
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
        assert!(matches!(
            status(&envelope, &survey, None),
            ImportStatus::Invalid(_)
        ));
    }

    #[test]
    fn answers_to_ids_the_survey_lacks_are_kept_and_listed_not_refused() {
        let survey = default_survey();
        let mut envelope = exported(2_000);
        envelope
            .response
            .rate("teleportation", Dimension::Importance, Some(3));
        assert_eq!(status(&envelope, &survey, None), ImportStatus::New);
        let back = Assessment::from_envelope(&envelope);
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
}
