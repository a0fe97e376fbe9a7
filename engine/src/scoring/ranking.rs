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

/// One C's weight in the overall five-Cs score.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DimensionWeight {
    pub id: String,
    pub weight: f64,
}

/// The ranking with the weights it was made under: the survey's, or the user's what-if.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RankingReport {
    pub weights: Vec<DimensionWeight>,
    pub partners: Vec<RankedPartner>,
}

/// The five Cs' weights as the survey sets them, in survey order.
pub fn survey_weights(survey: &Survey) -> Vec<f64> {
    survey
        .sections
        .five_cs
        .iter()
        .flat_map(|s| s.dimensions.iter().map(|d| d.weight))
        .collect()
}

/// The overall five-Cs score under `weights`: the weighted mean of the Cs that have a score,
/// as the survey's own weights make it. None when no C with weight has a score.
pub fn overall_with(scores: &[Option<f64>], weights: &[f64]) -> Option<f64> {
    crate::scoring::stats::weighted_mean(
        scores
            .iter()
            .zip(weights)
            .filter_map(|(score, weight)| Some(((*score)?, *weight))),
    )
}

/// Ranks every row by overall five-Cs score (higher first), ties broken by partner name and
/// then id; then ranks within each category. Rows without a score come last, unranked.
pub fn rank_partners<'r>(
    model: &ScoringModel,
    rows: impl IntoIterator<Item = &'r Row>,
) -> Vec<RankedPartner> {
    rank_partners_with(model, rows, &survey_weights(model.survey))
}

/// The ranking under other weights of the Cs (one per C, in survey order): each partner's
/// overall score, its band where categories are bands, and every rank follow them.
pub fn rank_partners_with<'r>(
    model: &ScoringModel,
    rows: impl IntoIterator<Item = &'r Row>,
    weights: &[f64],
) -> Vec<RankedPartner> {
    let survey = model.survey;
    let mut partners: Vec<RankedPartner> = rows
        .into_iter()
        .map(|row| {
            let (dimensions, _) = five_cs_of(model, row);
            let score = overall_with(&dimensions, weights);
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

/// The ranking report: the partners ranked under `weights`, which it states by C.
pub fn ranking_report(
    survey: &Survey,
    partners: Vec<RankedPartner>,
    weights: &[f64],
) -> RankingReport {
    let ids = survey
        .sections
        .five_cs
        .iter()
        .flat_map(|s| s.dimensions.iter().map(|d| d.id.clone()));
    RankingReport {
        weights: ids
            .zip(weights)
            .map(|(id, &weight)| DimensionWeight { id, weight })
            .collect(),
        partners,
    }
}

/// A column the ranking table can be ordered by.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RankingColumn {
    Rank,
    Partner,
    Category,
    CategoryRank,
    /// One of the five Cs, by position.
    Dimension(usize),
}

/// A score that sorts: scores are never NaN, and `total_cmp` orders them all the same.
#[derive(Clone, Copy, PartialEq)]
struct Score(f64);

impl Eq for Score {}

impl PartialOrd for Score {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Score {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.0.total_cmp(&other.0)
    }
}

/// Positions in `ranked` (in rank order, as `rank_partners` lists them) of the partners of
/// `category` (empty: all), in `column`'s order: ranks up, names from A (any case), category
/// ids, scores from the highest, a missing rank or score last. `descending` reverses it.
pub fn ranking_order(
    ranked: &[RankedPartner],
    category: &str,
    column: RankingColumn,
    descending: bool,
) -> Vec<usize> {
    let mut shown: Vec<usize> = (0..ranked.len())
        .filter(|&i| category.is_empty() || ranked[i].category.as_deref() == Some(category))
        .collect();
    // Numbers sort highest first, so ranks go in negated.
    let key = |p: &RankedPartner| -> (Option<f64>, String) {
        match column {
            RankingColumn::Rank => (p.rank.map(|r| -(r as f64)), String::new()),
            RankingColumn::Partner => (None, p.name.to_lowercase()),
            RankingColumn::Category => (None, p.category.clone().unwrap_or_default()),
            RankingColumn::CategoryRank => (p.category_rank.map(|r| -(r as f64)), String::new()),
            RankingColumn::Dimension(i) => (p.dimensions.get(i).copied().flatten(), String::new()),
        }
    };
    if column != RankingColumn::Rank {
        shown.sort_by_cached_key(|&i| {
            let (number, text) = key(&ranked[i]);
            (
                number.is_none(),
                number.map(|n| std::cmp::Reverse(Score(n))),
                text,
            )
        });
    }
    if descending {
        shown.reverse();
    }
    shown
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{default_survey, rated_response};

    #[test]
    fn what_if_weights_move_scores_and_ranks() {
        // Two Cs scored: 100 and 50 give 75 with equal weights, (3·100 + 50)/4 = 87.5 with
        // the first weighing 3; a C without a score counts for nothing, whatever its weight.
        let scores = [Some(100.0), Some(50.0), None];
        assert_eq!(overall_with(&scores, &[1.0, 1.0, 1.0]), Some(75.0));
        assert_eq!(overall_with(&scores, &[3.0, 1.0, 5.0]), Some(87.5));
        assert_eq!(overall_with(&scores, &[0.0, 0.0, 1.0]), None);

        // A: contribution 5s (100), capability 1s (0); B the other way round. Equal weights
        // tie them at 50 (names decide: A first); weighting capability 2 puts B first at
        // 66.7, and A falls to 33.3.
        let survey = default_survey();
        let model = ScoringModel::new(&survey);
        let answer = |name: &str, contribution: i32, capability: i32| {
            let mut r = rated_response(name, "emea", &[]);
            r.profile.partner_name = name.into();
            for id in [
                "contribution-share",
                "contribution-growth",
                "contribution-new-customers",
            ] {
                r.items.insert(id.into(), contribution);
            }
            for id in ["capability-certified", "capability-solutions"] {
                r.items.insert(id.into(), capability);
            }
            model.row(&r)
        };
        let rows = [answer("A", 5, 1), answer("B", 1, 5)];
        let equal = rank_partners(&model, &rows);
        assert_eq!((equal[0].name.as_str(), equal[0].score), ("A", Some(50.0)));
        let weights = [1.0, 1.0, 1.0, 2.0, 1.0];
        let what_if = rank_partners_with(&model, &rows, &weights);
        assert_eq!(what_if[0].name, "B");
        assert!((what_if[0].score.unwrap() - 200.0 / 3.0).abs() < 1e-12);
        assert!((what_if[1].score.unwrap() - 100.0 / 3.0).abs() < 1e-12);
        let report = ranking_report(&survey, what_if, &weights);
        assert_eq!(report.weights[3].id, "capability");
        assert_eq!(report.weights[3].weight, 2.0);
    }

    fn partner(
        name: &str,
        category: Option<&str>,
        ranks: (Option<usize>, Option<usize>),
        dimensions: [Option<f64>; 2],
    ) -> RankedPartner {
        RankedPartner {
            id: name.to_lowercase(),
            name: name.into(),
            partner_type: None,
            category: category.map(str::to_owned),
            score: dimensions[0],
            dimensions: dimensions.to_vec(),
            rank: ranks.0,
            category_rank: ranks.1,
        }
    }

    /// Four partners in rank order: Alpha, beta, delta, and gamma without scores.
    fn ranked() -> Vec<RankedPartner> {
        vec![
            partner(
                "Alpha",
                Some("silver"),
                (Some(1), Some(1)),
                [Some(80.0), Some(10.0)],
            ),
            partner("beta", Some("gold"), (Some(2), Some(1)), [Some(50.0), None]),
            partner(
                "delta",
                Some("gold"),
                (Some(3), Some(2)),
                [Some(50.0), Some(20.0)],
            ),
            partner("gamma", None, (None, None), [None, None]),
        ]
    }

    #[test]
    fn each_column_orders_the_partners_as_worked_out_by_hand() {
        let all = ranked();
        let order = |column, descending| ranking_order(&all, "", column, descending);
        assert_eq!(order(RankingColumn::Rank, false), [0, 1, 2, 3]);
        assert_eq!(order(RankingColumn::Rank, true), [3, 2, 1, 0]);
        // Names from A whatever their case.
        assert_eq!(order(RankingColumn::Partner, false), [0, 1, 2, 3]);
        // No category sorts as an empty id, first; ties keep rank order.
        assert_eq!(order(RankingColumn::Category, false), [3, 1, 2, 0]);
        // Rank 1 in silver and rank 1 in gold tie and keep rank order; no rank last.
        assert_eq!(order(RankingColumn::CategoryRank, false), [0, 1, 2, 3]);
        // The second C: delta 20, Alpha 10, then those without a score.
        assert_eq!(order(RankingColumn::Dimension(1), false), [2, 0, 1, 3]);
        assert_eq!(order(RankingColumn::Dimension(1), true), [3, 1, 0, 2]);
    }

    #[test]
    fn a_category_shows_only_its_partners() {
        let all = ranked();
        assert_eq!(
            ranking_order(&all, "gold", RankingColumn::Rank, false),
            [1, 2]
        );
        assert_eq!(
            ranking_order(&all, "gold", RankingColumn::Partner, true),
            [2, 1]
        );
        assert!(ranking_order(&all, "bronze", RankingColumn::Rank, false).is_empty());
    }
}
