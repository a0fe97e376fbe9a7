//! Ranking partners by the five Cs: rank all, group into categories, rank within each.

use crate::scoring::aggregate::dimension_scores;
use crate::scoring::model::{GroupKeys, Row, ScoringModel};
use crate::survey::definition::{Categories, Survey};
use crate::survey::text::Text;
use serde::{Deserialize, Serialize};
use std::cmp::Ordering;
use std::collections::HashMap;

/// One partner's place among all partners and within its category.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RankedPartner {
    pub id: String,
    pub name: String,
    pub partner_type: Option<String>,
    /// The category id (partner type, function or five-Cs band, as the survey says).
    pub category: Option<String>,
    /// Overall five-Cs score, 0-100.
    pub score: Option<f64>,
    /// Per C, in survey order.
    pub dimensions: Vec<Option<f64>>,
    /// 1 for the best score overall; None without a score.
    pub rank: Option<usize>,
    /// 1 for the best score within the category.
    pub category_rank: Option<usize>,
}

/// One partner's five-Cs scores from its row: per C and overall.
pub fn five_cs_of(model: &ScoringModel, row: &Row) -> (Vec<Option<f64>>, Option<f64>) {
    let survey = model.survey;
    let Some(section) = &survey.sections.five_cs else {
        return (Vec::new(), None);
    };
    let answer = |d: usize, i: usize| {
        row.five_cs
            .iter()
            .find(|&&(rd, ri, _)| usize::from(rd) == d && usize::from(ri) == i)
            .map(|&(_, _, value)| f64::from(value))
    };
    dimension_scores(section, survey.scale.min, survey.scale.max, answer)
}

/// The category a partner falls in: its type, its function, or the five-Cs band its overall
/// score reaches, as the survey says.
pub fn category_of(survey: &Survey, keys: &GroupKeys, score: Option<f64>) -> Option<String> {
    match &survey.categories {
        Categories::PartnerType => keys.partner_type.clone(),
        Categories::PartnerFunction => keys.partner_function.clone(),
        Categories::FiveCsScore { bands } => score.and_then(|score| {
            bands
                .iter()
                .filter(|band| score >= band.min - crate::scoring::aggregate::TOLERANCE)
                .max_by(|a, b| a.min.total_cmp(&b.min))
                .map(|band| band.id.clone())
        }),
    }
}

/// A category's name as the survey spells it: a partner type, a function or a five-Cs band.
pub fn category_label<'s>(survey: &'s Survey, id: &str) -> Option<&'s Text> {
    let functions = &survey.profile.partner_type.functions;
    match &survey.categories {
        Categories::PartnerType => functions
            .iter()
            .flat_map(|f| &f.types)
            .find(|t| t.id == id)
            .map(|t| &t.label),
        Categories::PartnerFunction => functions.iter().find(|f| f.id == id).map(|f| &f.label),
        Categories::FiveCsScore { bands } => bands.iter().find(|b| b.id == id).map(|b| &b.label),
    }
}

/// Ranks every row by overall five-Cs score (higher first), ties broken by partner name and
/// then id; then ranks within each category. Rows without a score come last, unranked.
pub fn rank_partners<'r>(
    model: &ScoringModel,
    rows: impl IntoIterator<Item = &'r Row>,
) -> Vec<RankedPartner> {
    let survey = model.survey;
    let mut partners: Vec<RankedPartner> = rows
        .into_iter()
        .map(|row| {
            let (dimensions, score) = five_cs_of(model, row);
            let category = category_of(survey, &row.keys, score);
            RankedPartner {
                id: row.id.clone(),
                name: row.partner_name.clone(),
                partner_type: row.keys.partner_type.clone(),
                category,
                score,
                dimensions,
                rank: None,
                category_rank: None,
            }
        })
        .collect();
    partners.sort_by(|a, b| {
        let by_score = match (a.score, b.score) {
            (Some(x), Some(y)) => y.total_cmp(&x),
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (None, None) => Ordering::Equal,
        };
        by_score
            .then_with(|| a.name.cmp(&b.name))
            .then_with(|| a.id.cmp(&b.id))
    });
    let mut within: HashMap<Option<String>, usize> = HashMap::new();
    for (position, partner) in partners.iter_mut().enumerate() {
        if partner.score.is_none() {
            continue;
        }
        partner.rank = Some(position + 1);
        let count = within.entry(partner.category.clone()).or_default();
        *count += 1;
        partner.category_rank = Some(*count);
    }
    partners
}
