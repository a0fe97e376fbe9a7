//! Whether answers fit their survey, however they came (an exported file, a share link, a
//! data set): every rating and item on the survey's scale, every maturity level one it
//! offers, revenues numbers of zero or more. A problem is a value, not a sentence, so each
//! program words it: the CLI in English (`Display`), the app in the user's language.

use crate::answers::response::{Dimension, Response};
use crate::survey::definition::Survey;
use std::fmt;

/// Why answers cannot be taken.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AnswerProblem {
    /// An exported file's assessment id is missing or differs from its answers' id.
    IdMismatch,
    /// An exported file says it was last changed before it was created.
    ChangedBeforeCreated,
    /// A rating (of the element, on the dimension) outside the survey's scale.
    RatingOutsideScale {
        element: String,
        dimension: Dimension,
        value: i32,
        min: i32,
        max: i32,
    },
    /// An item's answer outside the survey's scale.
    ItemOutsideScale {
        item: String,
        value: i32,
        min: i32,
        max: i32,
    },
    /// A maturity level the survey does not offer for the process.
    UnknownLevel { process: String, level: String },
    /// A revenue figure below zero or not a number.
    BadRevenue(Revenue),
}

/// The profile's two revenue figures.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Revenue {
    Current,
    Potential,
}

impl fmt::Display for AnswerProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let scale = |f: &mut fmt::Formatter<'_>, min: &i32, max: &i32| {
            write!(f, ", outside the survey's scale of {min} to {max}")
        };
        match self {
            AnswerProblem::IdMismatch => {
                write!(
                    f,
                    "the assessment id is missing or differs from its answers' id"
                )
            }
            AnswerProblem::ChangedBeforeCreated => {
                write!(f, "it was last changed before it was created")
            }
            AnswerProblem::RatingOutsideScale {
                element,
                dimension,
                value,
                min,
                max,
            } => {
                let name = match dimension {
                    Dimension::Importance => "importance",
                    Dimension::Performance => "performance",
                };
                write!(f, "the {name} of \"{element}\" is {value}")?;
                scale(f, min, max)
            }
            AnswerProblem::ItemOutsideScale {
                item,
                value,
                min,
                max,
            } => {
                write!(f, "the answer to \"{item}\" is {value}")?;
                scale(f, min, max)
            }
            AnswerProblem::UnknownLevel { process, level } => write!(
                f,
                "\"{process}\" has the level \"{level}\", which the survey does not offer"
            ),
            AnswerProblem::BadRevenue(Revenue::Current) => {
                write!(f, "the current revenue is negative or not a number")
            }
            AnswerProblem::BadRevenue(Revenue::Potential) => {
                write!(f, "the potential revenue is negative or not a number")
            }
        }
    }
}

/// Checks answers against the survey. Answers to ids the survey does not have are not
/// problems: they are kept and reported (`Response::unknown_answers`).
pub fn validate_answers(response: &Response, survey: &Survey) -> Result<(), AnswerProblem> {
    let scale = &survey.scale;
    let (min, max) = (scale.min, scale.max);
    for (id, rating) in &response.ratings {
        for dimension in [Dimension::Importance, Dimension::Performance] {
            if let Some(value) = rating.get(dimension).filter(|v| !scale.contains(*v)) {
                let element = id.clone();
                return Err(AnswerProblem::RatingOutsideScale {
                    element,
                    dimension,
                    value,
                    min,
                    max,
                });
            }
        }
    }
    for (id, &value) in &response.items {
        let (min, max) = survey.item_range(id);
        if !(min..=max).contains(&value) {
            let item = id.clone();
            return Err(AnswerProblem::ItemOutsideScale {
                item,
                value,
                min,
                max,
            });
        }
    }
    if let Some(maturity) = &survey.sections.maturity {
        for (process, level) in &response.maturity {
            if !maturity.levels.iter().any(|l| &l.id == level) {
                let (process, level) = (process.clone(), level.clone());
                return Err(AnswerProblem::UnknownLevel { process, level });
            }
        }
    }
    let profile = &response.profile;
    for (which, revenue) in [
        (Revenue::Current, profile.revenue_current),
        (Revenue::Potential, profile.revenue_potential),
    ] {
        if revenue.is_some_and(|r| !r.is_finite() || r < 0.0) {
            return Err(AnswerProblem::BadRevenue(which));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::default_survey;

    #[test]
    fn answers_on_the_scale_pass_and_each_kind_of_misfit_is_named() {
        let survey = default_survey();
        let mut response = Response::new(&survey);
        response.rate("leads", Dimension::Importance, Some(5));
        assert_eq!(validate_answers(&response, &survey), Ok(()));

        response.rate("leads", Dimension::Performance, Some(9));
        let problem = validate_answers(&response, &survey).unwrap_err();
        assert_eq!(
            problem,
            AnswerProblem::RatingOutsideScale {
                element: "leads".into(),
                dimension: Dimension::Performance,
                value: 9,
                min: 1,
                max: 5
            }
        );
        assert_eq!(
            problem.to_string(),
            "the performance of \"leads\" is 9, outside the survey's scale of 1 to 5"
        );

        let mut response = Response::new(&survey);
        response
            .maturity
            .insert("ops-onboarding".into(), "legendary".into());
        assert_eq!(
            validate_answers(&response, &survey),
            Err(AnswerProblem::UnknownLevel {
                process: "ops-onboarding".into(),
                level: "legendary".into()
            })
        );

        let mut response = Response::new(&survey);
        response.profile.revenue_potential = Some(f64::NAN);
        assert_eq!(
            validate_answers(&response, &survey),
            Err(AnswerProblem::BadRevenue(Revenue::Potential))
        );
    }
}
