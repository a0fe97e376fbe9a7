//! One respondent's answers, keyed by the survey's ids. The app saves it, exports wrap it.

use crate::survey::definition::{ProfileFacts, Survey};
use crate::survey::text::Side;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// One respondent's answers to one survey.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Response {
    /// The assessment's own id; ranking breaks ties on it. Empty in the first stored format.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub id: String,
    pub survey_id: String,
    /// The survey's structure hash when the answers were given; empty when unknown.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub structure_hash: String,
    #[serde(default)]
    pub profile: ProfileAnswers,
    /// Importance and performance per element (and per program principle), by id.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub ratings: BTreeMap<String, Rating>,
    /// Items rated on the survey scale (five Cs, business proposition), by item id.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub items: BTreeMap<String, i32>,
    /// Journey criteria answered yes (true) or no (false), by criterion id.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub criteria: BTreeMap<String, bool>,
    /// The maturity level id chosen for each channel-operations process, by process id.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub maturity: BTreeMap<String, String>,
}

/// Who answered. Choice answers hold the survey's choice ids.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ProfileAnswers {
    #[serde(
        default,
        skip_serializing_if = "String::is_empty",
        deserialize_with = "crate::survey::text::printable_string"
    )]
    pub partner_name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub partner_type: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub program_tier: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub side: Option<Side>,
    #[serde(
        default,
        skip_serializing_if = "String::is_empty",
        deserialize_with = "crate::survey::text::printable_string"
    )]
    pub wave: String,
    /// Annual revenue with the vendor now, in the survey's currency.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "revenue"
    )]
    pub revenue_current: Option<f64>,
    /// Annual revenue the partner could reach with the vendor.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "revenue"
    )]
    pub revenue_potential: Option<f64>,
}

/// Revenue figures are read up to this (exclusive): far beyond any partner's.
const MAX_REVENUE: f64 = 1e12;

/// Reads a revenue figure to the cent. A figure with more digits than a float holds would
/// otherwise come back a little different from every save; below `MAX_REVENUE` a figure in
/// cents has at most 14 digits, which the JSON reader reads back exactly.
fn revenue<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<Option<f64>, D::Error> {
    match Option::<f64>::deserialize(deserializer)? {
        Some(figure) if figure.abs() < MAX_REVENUE => Ok(Some((figure * 100.0).round() / 100.0)),
        Some(_) => Err(serde::de::Error::custom(
            "a revenue figure is out of range: figures are read below 1,000,000,000,000",
        )),
        None => Ok(None),
    }
}

impl ProfileAnswers {
    /// Whose answers, for a heading: "Acme Integration · 2026" (empty when neither is given).
    pub fn who(&self) -> String {
        [self.partner_name.as_str(), self.wave.as_str()]
            .into_iter()
            .filter(|part| !part.is_empty())
            .collect::<Vec<_>>()
            .join(" · ")
    }

    /// The answers that `show_if` conditions look at; the function follows from the type.
    pub fn facts<'a>(&'a self, survey: &'a Survey) -> ProfileFacts<'a> {
        ProfileFacts {
            partner_function: self
                .partner_type
                .as_deref()
                .and_then(|t| survey.function_of(t))
                .map(|f| f.id.as_str()),
            partner_type: self.partner_type.as_deref(),
            region: self.region.as_deref(),
            program_tier: self.program_tier.as_deref(),
            side: self.side,
        }
    }
}

/// The entries of `map` whose ids are in `ids`. Built by insertion, as every reader builds
/// these maps: a `retain` would bring the B-tree's removal code into the wasm for one use.
fn kept<V: Clone>(map: &BTreeMap<String, V>, ids: &BTreeSet<&str>) -> BTreeMap<String, V> {
    let mut kept = BTreeMap::new();
    for (id, value) in map.iter().filter(|(id, _)| ids.contains(id.as_str())) {
        kept.insert(id.clone(), value.clone());
    }
    kept
}

/// The ids a survey asks about, by kind of answer.
struct KnownIds<'a> {
    elements: BTreeSet<&'a str>,
    items: BTreeSet<&'a str>,
    criteria: BTreeSet<&'a str>,
    processes: BTreeSet<&'a str>,
}

impl KnownIds<'_> {
    fn of(survey: &Survey) -> KnownIds<'_> {
        KnownIds {
            elements: survey.rated_elements().map(|e| e.id.as_str()).collect(),
            items: survey
                .scored_items()
                .chain(survey.overall_items())
                .map(|i| i.id.as_str())
                .collect(),
            criteria: survey.criteria().map(|c| c.id.as_str()).collect(),
            processes: survey.processes().map(|p| p.id.as_str()).collect(),
        }
    }
}

/// The two ratings of one element. "Not applicable" covers the element as a whole.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rating {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub importance: Option<i32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub performance: Option<i32>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub not_applicable: bool,
}

impl Rating {
    /// How many of the two ratings are given; "not applicable" answers both, where the survey
    /// offers it (a flag left from an earlier version of the survey does not count).
    pub fn answered_parts(&self, not_applicable_offered: bool) -> usize {
        if self.not_applicable && not_applicable_offered {
            2
        } else {
            usize::from(self.importance.is_some()) + usize::from(self.performance.is_some())
        }
    }

    pub fn get(&self, dimension: Dimension) -> Option<i32> {
        match dimension {
            Dimension::Importance => self.importance,
            Dimension::Performance => self.performance,
        }
    }
}

/// Which of an element's two ratings.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Dimension {
    Importance,
    Performance,
}

impl Response {
    /// Answers to ids this survey does not have (an element, item, criterion or process it
    /// has dropped), as `kind/id`. They stay in the stored answers, unscored.
    pub fn unknown_answers(&self, survey: &Survey) -> Vec<String> {
        let known = KnownIds::of(survey);
        let r = self;
        let unknown = |kind: &str, known: &BTreeSet<&str>, ids: Vec<&String>| {
            ids.into_iter()
                .filter(|id| !known.contains(id.as_str()))
                .map(|id| format!("{kind}/{id}"))
                .collect::<Vec<_>>()
        };
        [
            unknown("ratings", &known.elements, r.ratings.keys().collect()),
            unknown("items", &known.items, r.items.keys().collect()),
            unknown("criteria", &known.criteria, r.criteria.keys().collect()),
            unknown("maturity", &known.processes, r.maturity.keys().collect()),
        ]
        .concat()
    }

    /// The answers without those to ids the survey does not have (`unknown_answers`).
    pub fn known_only(&self, survey: &Survey) -> Response {
        let known = KnownIds::of(survey);
        Response {
            ratings: kept(&self.ratings, &known.elements),
            items: kept(&self.items, &known.items),
            criteria: kept(&self.criteria, &known.criteria),
            maturity: kept(&self.maturity, &known.processes),
            ..self.clone()
        }
    }

    pub fn new(survey: &Survey) -> Response {
        Response {
            survey_id: survey.id.clone(),
            structure_hash: survey.structure_hash(),
            ..Response::default()
        }
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    pub fn rating(&self, element_id: &str) -> Rating {
        self.ratings.get(element_id).copied().unwrap_or_default()
    }

    /// Sets or clears one rating. Choosing a value takes back "not applicable".
    pub fn rate(&mut self, element_id: &str, dimension: Dimension, value: Option<i32>) {
        let rating = self.ratings.entry(element_id.to_owned()).or_default();
        match dimension {
            Dimension::Importance => rating.importance = value,
            Dimension::Performance => rating.performance = value,
        }
        if value.is_some() {
            rating.not_applicable = false;
        }
        self.drop_if_empty(element_id);
    }

    /// Marks an element "not applicable"; its ratings are kept in case the user changes their mind.
    pub fn set_not_applicable(&mut self, element_id: &str, not_applicable: bool) {
        self.ratings
            .entry(element_id.to_owned())
            .or_default()
            .not_applicable = not_applicable;
        self.drop_if_empty(element_id);
    }

    fn drop_if_empty(&mut self, element_id: &str) {
        if self.ratings.get(element_id) == Some(&Rating::default()) {
            self.ratings.remove(element_id);
        }
    }

    /// The profile answers that `show_if` conditions look at.
    pub fn facts<'a>(&'a self, survey: &'a Survey) -> ProfileFacts<'a> {
        self.profile.facts(survey)
    }

    pub fn side(&self) -> Side {
        self.profile.side.unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_value_takes_back_not_applicable_and_clearing_everything_drops_the_entry() {
        let mut response = Response::default();
        response.set_not_applicable("training", true);
        assert!(response.rating("training").not_applicable);
        response.rate("training", Dimension::Importance, Some(4));
        assert_eq!(
            response.rating("training"),
            Rating {
                importance: Some(4),
                performance: None,
                not_applicable: false
            }
        );
        response.rate("training", Dimension::Importance, None);
        assert!(response.ratings.is_empty());
    }

    #[test]
    fn answers_serialize_compactly_with_empty_fields_left_out() {
        let mut response = Response {
            survey_id: "partner-experience".into(),
            ..Response::default()
        };
        response.rate("leads", Dimension::Performance, Some(2));
        let json = response.to_json();
        assert_eq!(
            json,
            r#"{"survey_id":"partner-experience","profile":{},"ratings":{"leads":{"performance":2}}}"#
        );
        assert_eq!(serde_json::from_str::<Response>(&json).unwrap(), response);
    }
}
