//! A survey compiled for scoring: ids resolved to indices once, so that scoring thousands of
//! responses only adds numbers to arrays.

use super::response::Response;
use super::survey::{visible, Condition, ProfileFacts, ScoredSection, Survey};
use super::text::Side;
use std::collections::HashMap;

/// One thing rated for importance and performance: an element of an area, or a principle.
#[derive(Clone, Debug)]
pub struct RatedEntry {
    pub id: String,
    /// Index into `survey.areas`; None for a program principle.
    pub area: Option<usize>,
    /// Position within its area's elements (or within the principles).
    pub position: usize,
    /// Area weight times element weight: the element's weight in the index.
    pub weight: f64,
    /// The element's own weight: its weight within its area.
    pub element_weight: f64,
}

/// The survey, with every rated entry and section item given a position.
pub struct ScoringModel<'s> {
    pub survey: &'s Survey,
    /// The model's elements in survey order, then the principles.
    pub rated: Vec<RatedEntry>,
    /// How many of `rated` are model elements (the rest are principles).
    pub element_count: usize,
    rated_index: HashMap<&'s str, usize>,
}

/// A response reduced to what scoring needs, with ids already resolved.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Row {
    pub id: String,
    pub partner_name: String,
    pub keys: GroupKeys,
    /// (index into `rated`, importance, performance) for each entry that counts: both ratings
    /// given, not "not applicable", and shown to this respondent.
    pub ratings: Vec<(u32, i32, i32)>,
    /// Five Cs and proposition item answers, by (dimension index, item index, value).
    pub five_cs: Vec<(u16, u16, i32)>,
    pub proposition: Vec<(u16, u16, i32)>,
    /// Journey: for each phase in order, whether every criterion was answered yes.
    pub phases_met: Vec<bool>,
    /// Maturity: for each process in order, the chosen level's position (0 = lowest).
    pub maturity: Vec<Option<u16>>,
}

/// The profile answers that filters and groupings look at.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct GroupKeys {
    pub region: Option<String>,
    pub partner_function: Option<String>,
    pub partner_type: Option<String>,
    pub program_tier: Option<String>,
    pub side: Side,
    pub wave: Option<String>,
}

impl<'s> ScoringModel<'s> {
    pub fn new(survey: &'s Survey) -> ScoringModel<'s> {
        let mut rated: Vec<RatedEntry> = survey
            .areas
            .iter()
            .enumerate()
            .flat_map(|(a, area)| {
                area.elements
                    .iter()
                    .enumerate()
                    .map(move |(position, element)| RatedEntry {
                        id: element.id.clone(),
                        area: Some(a),
                        position,
                        weight: area.weight * element.weight,
                        element_weight: element.weight,
                    })
            })
            .collect();
        let element_count = rated.len();
        if let Some(principles) = &survey.sections.principles {
            rated.extend(
                principles
                    .elements
                    .iter()
                    .enumerate()
                    .map(|(position, element)| RatedEntry {
                        id: element.id.clone(),
                        area: None,
                        position,
                        weight: element.weight,
                        element_weight: element.weight,
                    }),
            );
        }
        let rated_index = survey
            .areas
            .iter()
            .flat_map(|area| &area.elements)
            .chain(survey.sections.principles.iter().flat_map(|p| &p.elements))
            .enumerate()
            .map(|(i, element)| (element.id.as_str(), i))
            .collect();
        ScoringModel {
            survey,
            rated,
            element_count,
            rated_index,
        }
    }

    /// Checks that a response belongs to this survey; the message names the survey it is for.
    pub fn accepts(&self, response: &Response) -> Result<(), String> {
        let survey = self.survey;
        if response.survey_id != survey.id {
            return Err(format!(
                "this response belongs to survey \"{}\", not \"{}\"; responses of different surveys are never mixed",
                response.survey_id, survey.id
            ));
        }
        let hash = survey.structure_hash();
        if !response.structure_hash.is_empty() && response.structure_hash != hash {
            return Err(format!(
                "this response was given to another version of survey \"{}\" (structure {}, this one is {}); \
                 its questions do not match",
                survey.id, response.structure_hash, hash
            ));
        }
        Ok(())
    }

    /// Reduces a response to a row. Answers to questions hidden from this respondent (by
    /// `show_if`) and answers to unknown ids are kept in the response but not counted.
    pub fn row(&self, response: &Response) -> Row {
        let survey = self.survey;
        let facts = response.facts(survey);
        let shown = |conditions: &[Condition]| visible(conditions, &facts);
        let mut ratings: Vec<(u32, i32, i32)> = response
            .ratings
            .iter()
            .filter(|(_, rating)| !rating.not_applicable)
            .filter_map(|(id, rating)| {
                let index = *self.rated_index.get(id.as_str())?;
                let (importance, performance) = (rating.importance?, rating.performance?);
                let scale = &survey.scale;
                (scale.contains(importance)
                    && scale.contains(performance)
                    && self.entry_shown(index, &facts))
                .then_some((index as u32, importance, performance))
            })
            .collect();
        ratings.sort_unstable_by_key(|&(index, _, _)| index);

        let sections = &survey.sections;
        let section_items = |section: &Option<ScoredSection>| -> Vec<(u16, u16, i32)> {
            let Some(section) = section.as_ref().filter(|s| shown(&s.show_if)) else {
                return Vec::new();
            };
            section
                .dimensions
                .iter()
                .enumerate()
                .flat_map(|(d, dimension)| {
                    dimension
                        .items
                        .iter()
                        .enumerate()
                        .filter_map(move |(i, item)| {
                            let value = *response.items.get(&item.id)?;
                            survey
                                .scale
                                .contains(value)
                                .then_some((d as u16, i as u16, value))
                        })
                })
                .collect()
        };
        let phases_met = sections
            .journey
            .as_ref()
            .filter(|j| shown(&j.show_if))
            .map(|journey| {
                journey
                    .phases
                    .iter()
                    .map(|phase| {
                        phase
                            .criteria
                            .iter()
                            .all(|c| response.criteria.get(&c.id) == Some(&true))
                    })
                    .collect()
            })
            .unwrap_or_default();
        let maturity = sections
            .maturity
            .as_ref()
            .filter(|m| shown(&m.show_if))
            .map(|maturity| {
                maturity
                    .processes
                    .iter()
                    .map(|process| {
                        let level = response.maturity.get(&process.id)?;
                        maturity
                            .levels
                            .iter()
                            .position(|l| &l.id == level)
                            .map(|p| p as u16)
                    })
                    .collect()
            })
            .unwrap_or_default();
        Row {
            id: response.id.clone(),
            partner_name: response.profile.partner_name.clone(),
            keys: GroupKeys {
                region: response.profile.region.clone(),
                partner_function: facts.partner_function.map(str::to_owned),
                partner_type: response.profile.partner_type.clone(),
                program_tier: response.profile.program_tier.clone(),
                side: response.side(),
                wave: Some(response.profile.wave.clone()).filter(|w| !w.is_empty()),
            },
            ratings,
            five_cs: section_items(&sections.five_cs),
            proposition: section_items(&sections.proposition),
            phases_met,
            maturity,
        }
    }

    fn entry_shown(&self, index: usize, facts: &ProfileFacts) -> bool {
        let survey = self.survey;
        let entry = &self.rated[index];
        match entry.area {
            Some(a) => {
                let area = &survey.areas[a];
                visible(&area.show_if, facts)
                    && visible(&area.elements[entry.position].show_if, facts)
            }
            None => survey.sections.principles.as_ref().is_some_and(|p| {
                visible(&p.show_if, facts) && visible(&p.elements[entry.position].show_if, facts)
            }),
        }
    }
}
