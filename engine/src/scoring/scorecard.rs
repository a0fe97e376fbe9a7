//! One respondent's full result: the summary of a tally of one, plus where the partner stands
//! on the journey and in operations maturity, with the answers that placed it there.

use crate::answers::response::Response;
use crate::scoring::aggregate::{
    journey_position, CrosshairMode, Summary, Tally, DEFAULT_PRIORITIES,
};
use crate::scoring::model::ScoringModel;
use crate::survey::definition::visible;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Scorecard {
    pub survey_id: String,
    pub structure_hash: String,
    pub summary: Summary,
    pub completeness: Completeness,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub journey: Option<JourneyPlacement>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub maturity: Option<MaturityPlacement>,
}

/// How many ratings of the model's elements shown to this respondent are given ("41 of 56
/// ratings"); program principles are not counted here. An element marked not applicable
/// counts as both its ratings given.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Completeness {
    pub given: usize,
    pub possible: usize,
}

/// The highest phase whose criteria, and those of every earlier phase, are all met.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct JourneyPlacement {
    /// None: not even the first phase is met.
    pub phase: Option<String>,
    /// Criteria of the phases reached: the answers that placed the partner.
    pub met: Vec<String>,
    /// Criteria of the next phase not answered yes: what stands before the next step.
    pub next_phase_missing: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MaturityPlacement {
    /// The level of each process, in survey order (None when unanswered).
    pub processes: Vec<ProcessLevel>,
    /// The median of the answered processes (the lower one for an even count).
    pub median_level: Option<String>,
    /// The weakest process, shown beside the median.
    pub lowest: Option<ProcessLevel>,
    /// Processes at the median level: the answers that decided it.
    pub deciding: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ProcessLevel {
    pub id: String,
    pub level: Option<String>,
}

/// Scores one response. Fails when it belongs to another survey.
pub fn score(
    model: &ScoringModel,
    response: &Response,
    mode: CrosshairMode,
) -> Result<Scorecard, String> {
    model.accepts(response)?;
    let survey = model.survey;
    let row = model.row(response);
    let mut tally = Tally::new(model);
    tally.add(&row);
    let summary = Summary::of(model, &tally, mode, DEFAULT_PRIORITIES);

    let facts = response.facts(survey);
    let (mut given, mut possible) = (0, 0);
    for area in survey.areas.iter().filter(|a| visible(&a.show_if, &facts)) {
        for element in area.elements.iter().filter(|e| visible(&e.show_if, &facts)) {
            possible += 2;
            given += response
                .rating(&element.id)
                .answered_parts(survey.scale.not_applicable);
        }
    }

    let journey = survey
        .sections
        .journey
        .as_ref()
        .filter(|_| !row.phases_met.is_empty())
        .map(|journey| {
            let reached = journey_position(&row.phases_met);
            JourneyPlacement {
                phase: reached.checked_sub(1).map(|p| journey.phases[p].id.clone()),
                met: journey.phases[..reached]
                    .iter()
                    .flat_map(|p| p.criteria.iter().map(|c| c.id.clone()))
                    .collect(),
                next_phase_missing: journey
                    .phases
                    .get(reached)
                    .map(|next| {
                        next.criteria
                            .iter()
                            .filter(|c| response.criteria.get(&c.id) != Some(&true))
                            .map(|c| c.id.clone())
                            .collect()
                    })
                    .unwrap_or_default(),
            }
        });

    let maturity = survey
        .sections
        .maturity
        .as_ref()
        .filter(|_| !row.maturity.is_empty())
        .map(|maturity| {
            let level_id =
                |level: Option<u16>| level.map(|l| maturity.levels[usize::from(l)].id.clone());
            let processes: Vec<ProcessLevel> = maturity
                .processes
                .iter()
                .zip(&row.maturity)
                .map(|(process, level)| ProcessLevel {
                    id: process.id.clone(),
                    level: level_id(*level),
                })
                .collect();
            let mut answered: Vec<u16> = row.maturity.iter().flatten().copied().collect();
            answered.sort_unstable();
            let median = (!answered.is_empty()).then(|| answered[(answered.len() - 1) / 2]);
            let lowest = maturity
                .processes
                .iter()
                .zip(&row.maturity)
                .filter_map(|(process, level)| Some((process, (*level)?)))
                .min_by_key(|(_, level)| *level)
                .map(|(process, level)| ProcessLevel {
                    id: process.id.clone(),
                    level: level_id(Some(level)),
                });
            MaturityPlacement {
                deciding: maturity
                    .processes
                    .iter()
                    .zip(&row.maturity)
                    .filter(|(_, level)| median.is_some() && **level == median)
                    .map(|(process, _)| process.id.clone())
                    .collect(),
                processes,
                median_level: level_id(median),
                lowest,
            }
        });

    Ok(Scorecard {
        survey_id: survey.id.clone(),
        structure_hash: model.structure_hash().to_owned(),
        summary,
        completeness: Completeness { given, possible },
        journey,
        maturity,
    })
}
