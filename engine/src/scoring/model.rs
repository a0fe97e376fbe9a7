//! A survey compiled for scoring: ids resolved to positions once, so that scoring thousands of
//! responses only adds numbers to arrays.

use crate::answers::response::{ProfileAnswers, Rating, Response};
use crate::survey::definition::{
    visible, Condition, ProfileFacts, ScoredSection, Survey, RECOMMEND_MAX,
};
use crate::survey::text::Side;
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

/// What an answer's id refers to. Ids are unique across a survey, so one map covers all.
#[derive(Clone, Copy, Debug)]
enum Slot {
    Rated(u32),
    FiveCs(u16, u16),
    Proposition(u16, u16),
    /// Position among all criteria of the journey.
    Criterion(u32),
    Process(u16),
    /// The overall section's recommendation (0-10) and satisfaction (survey scale).
    Recommend,
    Satisfaction,
}

/// The survey, with every rated entry and section item given a position.
pub struct ScoringModel<'s> {
    pub survey: &'s Survey,
    /// The model's elements in survey order, then the principles.
    pub rated: Vec<RatedEntry>,
    /// How many of `rated` are model elements (the rest are principles).
    pub element_count: usize,
    /// FNV hashing: ids are short, and this lookup runs for every answer of every response.
    slots: HashMap<&'s str, Slot, fnv::FnvBuildHasher>,
    /// The phase of each criterion, in order of their positions.
    criterion_phases: Vec<u16>,
    structure_hash: String,
    five_cs_items: usize,
    proposition_items: usize,
}

/// A response reduced to what scoring needs, with ids already resolved.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Row {
    pub id: String,
    pub partner_name: String,
    /// Revenue now and potential revenue, as the partner gave them (for capacity planning).
    pub revenue: (Option<f64>, Option<f64>),
    pub keys: GroupKeys,
    /// (index into `rated`, importance, performance) for each entry that counts: both ratings
    /// given and on the scale, not "not applicable", and shown to this respondent.
    pub ratings: Vec<(u32, i32, i32)>,
    /// Five Cs and proposition item answers, by (dimension index, item index, value).
    pub five_cs: Vec<(u16, u16, i32)>,
    pub proposition: Vec<(u16, u16, i32)>,
    /// Journey: for each phase in order, whether every criterion was answered yes.
    pub phases_met: Vec<bool>,
    /// Maturity: for each process in order, the chosen level's position (0 = lowest).
    pub maturity: Vec<Option<u16>>,
    /// The overall section: likelihood to recommend, 0-10, and satisfaction on the scale.
    pub recommend: Option<i32>,
    pub satisfaction: Option<i32>,
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

impl GroupKeys {
    /// The keys of a profile; the partner function follows from the type.
    pub fn of(profile: &ProfileAnswers, survey: &Survey) -> GroupKeys {
        let function = profile.facts(survey).partner_function.map(str::to_owned);
        GroupKeys::with_function(profile.clone(), function)
    }

    /// The keys of a profile whose function is already known, moving its strings.
    fn with_function(profile: ProfileAnswers, partner_function: Option<String>) -> GroupKeys {
        GroupKeys {
            region: profile.region,
            partner_function,
            partner_type: profile.partner_type,
            program_tier: profile.program_tier,
            side: profile.side.unwrap_or_default(),
            wave: Some(profile.wave).filter(|w| !w.is_empty()),
        }
    }
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
        let sections = &survey.sections;
        if let Some(principles) = &sections.principles {
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

        let mut slots = HashMap::default();
        for (i, element) in survey.rated_elements().enumerate() {
            slots.insert(element.id.as_str(), Slot::Rated(i as u32));
        }
        for (section, slot) in [
            (&sections.five_cs, Slot::FiveCs as fn(u16, u16) -> Slot),
            (&sections.proposition, Slot::Proposition),
        ] {
            for (d, dimension) in section.iter().flat_map(|s| s.dimensions.iter().enumerate()) {
                for (i, item) in dimension.items.iter().enumerate() {
                    slots.insert(item.id.as_str(), slot(d as u16, i as u16));
                }
            }
        }
        let mut criterion_phases = Vec::new();
        for (p, phase) in sections
            .journey
            .iter()
            .flat_map(|j| j.phases.iter().enumerate())
        {
            for criterion in &phase.criteria {
                slots.insert(
                    criterion.id.as_str(),
                    Slot::Criterion(criterion_phases.len() as u32),
                );
                criterion_phases.push(p as u16);
            }
        }
        for (p, process) in sections
            .maturity
            .iter()
            .flat_map(|m| m.processes.iter().enumerate())
        {
            slots.insert(process.id.as_str(), Slot::Process(p as u16));
        }
        if let Some(overall) = &sections.overall {
            for (item, slot) in [
                (&overall.recommend, Slot::Recommend),
                (&overall.satisfaction, Slot::Satisfaction),
            ] {
                if let Some(item) = item {
                    slots.insert(item.id.as_str(), slot);
                }
            }
        }
        ScoringModel {
            survey,
            rated,
            element_count,
            slots,
            criterion_phases,
            structure_hash: survey.structure_hash(),
            five_cs_items: count_items(&sections.five_cs),
            proposition_items: count_items(&sections.proposition),
        }
    }

    /// Checks that answers belong to this survey; the message names the survey they are for.
    pub fn accepts_ids(&self, survey_id: &str, structure_hash: &str) -> Result<(), String> {
        let survey = self.survey;
        if survey_id != survey.id {
            return Err(format!(
                "this response belongs to survey \"{survey_id}\", not \"{}\"; responses of different surveys are never mixed",
                survey.id
            ));
        }
        if !structure_hash.is_empty() && structure_hash != self.structure_hash {
            return Err(format!(
                "this response was given to another version of survey \"{}\" (structure {structure_hash}, \
                 this one is {}); its questions do not match",
                survey.id, self.structure_hash
            ));
        }
        Ok(())
    }

    /// The survey's structure hash, computed once.
    pub fn structure_hash(&self) -> &str {
        &self.structure_hash
    }

    pub fn accepts(&self, response: &Response) -> Result<(), String> {
        self.accepts_ids(&response.survey_id, &response.structure_hash)
    }

    /// Reduces a response to a row. Answers to questions hidden from this respondent (by
    /// `show_if`) and answers to unknown ids are kept in the response but not counted.
    pub fn row(&self, response: &Response) -> Row {
        let mut builder = self.row_builder();
        for (id, rating) in &response.ratings {
            builder.rating(id, *rating);
        }
        for (id, value) in &response.items {
            builder.item(id, *value);
        }
        for (id, yes) in &response.criteria {
            builder.criterion(id, *yes);
        }
        for (process, level) in &response.maturity {
            builder.maturity(process, level);
        }
        builder.finish(response.id.clone(), response.profile.clone())
    }

    /// Collects one response's answers in any order; `finish` applies the visibility rules.
    pub fn row_builder(&self) -> RowBuilder<'_, 's> {
        let sections = &self.survey.sections;
        RowBuilder {
            model: self,
            ratings: vec![None; self.rated.len()],
            five_cs: Vec::with_capacity(self.five_cs_items),
            proposition: Vec::with_capacity(self.proposition_items),
            criteria_yes: vec![false; self.criterion_phases.len()],
            maturity: vec![None; sections.maturity.as_ref().map_or(0, |m| m.processes.len())],
            recommend: None,
            satisfaction: None,
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

fn count_items(section: &Option<ScoredSection>) -> usize {
    section
        .iter()
        .flat_map(|s| &s.dimensions)
        .map(|d| d.items.len())
        .sum()
}

/// Gathers the answers of one response, resolved to positions, whatever order they come in.
pub struct RowBuilder<'m, 's> {
    model: &'m ScoringModel<'s>,
    /// By rated entry; a repeated id keeps its last answer, as a JSON map does.
    ratings: Vec<Option<Rating>>,
    five_cs: Vec<(u16, u16, i32)>,
    proposition: Vec<(u16, u16, i32)>,
    criteria_yes: Vec<bool>,
    maturity: Vec<Option<u16>>,
    recommend: Option<i32>,
    satisfaction: Option<i32>,
}

impl RowBuilder<'_, '_> {
    fn slot(&self, id: &str) -> Option<Slot> {
        self.model.slots.get(id).copied()
    }

    pub fn rating(&mut self, id: &str, rating: Rating) {
        if let Some(Slot::Rated(index)) = self.slot(id) {
            self.ratings[index as usize] = Some(rating);
        }
    }

    pub fn item(&mut self, id: &str, value: i32) {
        match self.slot(id) {
            Some(Slot::Recommend) if (0..=RECOMMEND_MAX).contains(&value) => {
                self.recommend = Some(value);
                return;
            }
            Some(Slot::Recommend) => return,
            _ => {}
        }
        if !self.model.survey.scale.contains(value) {
            return;
        }
        let (answers, d, i) = match self.slot(id) {
            Some(Slot::Satisfaction) => {
                self.satisfaction = Some(value);
                return;
            }
            Some(Slot::FiveCs(d, i)) => (&mut self.five_cs, d, i),
            Some(Slot::Proposition(d, i)) => (&mut self.proposition, d, i),
            _ => return,
        };
        answers.retain(|&(ad, ai, _)| (ad, ai) != (d, i));
        answers.push((d, i, value));
    }

    pub fn criterion(&mut self, id: &str, yes: bool) {
        if let Some(Slot::Criterion(position)) = self.slot(id) {
            self.criteria_yes[position as usize] = yes;
        }
    }

    pub fn maturity(&mut self, process: &str, level: &str) {
        let Some(Slot::Process(p)) = self.slot(process) else {
            return;
        };
        let levels = self
            .model
            .survey
            .sections
            .maturity
            .iter()
            .flat_map(|m| &m.levels);
        self.maturity[usize::from(p)] = levels
            .into_iter()
            .position(|l| l.id == level)
            .map(|l| l as u16);
    }

    /// The row, counting only what this respondent was shown.
    pub fn finish(mut self, id: String, profile: ProfileAnswers) -> Row {
        let model = self.model;
        let survey = model.survey;
        let facts = profile.facts(survey);
        let shown = |conditions: &[Condition]| visible(conditions, &facts);
        let section_shown =
            |section: &Option<ScoredSection>| section.as_ref().is_some_and(|s| shown(&s.show_if));
        let scale = &survey.scale;
        let ratings: Vec<(u32, i32, i32)> = self
            .ratings
            .iter()
            .enumerate()
            .filter_map(|(index, rating)| {
                let rating = rating.filter(|r| !r.not_applicable)?;
                let (importance, performance) = (rating.importance?, rating.performance?);
                (scale.contains(importance)
                    && scale.contains(performance)
                    && model.entry_shown(index, &facts))
                .then_some((index as u32, importance, performance))
            })
            .collect();
        for answers in [&mut self.five_cs, &mut self.proposition] {
            answers.sort_by_key(|&(d, i, _)| (d, i));
        }
        let sections = &survey.sections;
        let phases_met = match &sections.journey {
            Some(journey) if shown(&journey.show_if) => {
                let mut met = vec![true; journey.phases.len()];
                for (position, phase) in model.criterion_phases.iter().enumerate() {
                    met[usize::from(*phase)] &= self.criteria_yes[position];
                }
                met
            }
            _ => Vec::new(),
        };
        let maturity_shown = sections
            .maturity
            .as_ref()
            .is_some_and(|m| shown(&m.show_if));
        let partner_function = facts.partner_function.map(str::to_owned);
        let five_cs_shown = section_shown(&sections.five_cs);
        let proposition_shown = section_shown(&sections.proposition);
        let overall_shown = sections.overall.as_ref().is_some_and(|o| shown(&o.show_if));
        // The profile's strings move into the row: no copies per response.
        let mut profile = profile;
        let partner_name = std::mem::take(&mut profile.partner_name);
        Row {
            id,
            partner_name,
            revenue: (profile.revenue_current, profile.revenue_potential),
            keys: GroupKeys::with_function(profile, partner_function),
            ratings,
            five_cs: if five_cs_shown {
                self.five_cs
            } else {
                Vec::new()
            },
            proposition: if proposition_shown {
                self.proposition
            } else {
                Vec::new()
            },
            phases_met,
            maturity: if maturity_shown {
                self.maturity
            } else {
                Vec::new()
            },
            recommend: self.recommend.filter(|_| overall_shown),
            satisfaction: self.satisfaction.filter(|_| overall_shown),
        }
    }
}
