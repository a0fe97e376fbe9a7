//! The partner portfolio, for capacity planning: each partner's current revenue against its
//! potential, with its category and five-Cs score, and the totals per category.

use crate::scoring::model::{Row, ScoringModel};
use crate::scoring::ranking::{category_of, five_cs_of};
use crate::survey::text::Side;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// One partner with both revenue figures.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PortfolioPartner {
    pub id: String,
    pub name: String,
    pub category: Option<String>,
    /// Overall five-Cs score, 0-100.
    pub score: Option<f64>,
    pub current: f64,
    pub potential: f64,
}

impl PortfolioPartner {
    /// Potential minus current: what the partner could still add.
    pub fn headroom(&self) -> f64 {
        self.potential - self.current
    }
}

/// A category's partners and revenue added up.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CategoryCapacity {
    pub category: Option<String>,
    pub partners: usize,
    pub current: f64,
    pub potential: f64,
    /// Mean five-Cs score of the partners that have one.
    pub mean_score: Option<f64>,
}

impl CategoryCapacity {
    pub fn headroom(&self) -> f64 {
        self.potential - self.current
    }
}

/// Partners without both revenue figures, by id and name.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Unplaced {
    pub id: String,
    pub name: String,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Portfolio {
    /// Largest headroom first; ties by name, then id.
    pub partners: Vec<PortfolioPartner>,
    /// Largest headroom first; ties by category id.
    pub categories: Vec<CategoryCapacity>,
    /// Partners missing a revenue figure: counted and named, never guessed.
    pub without_revenue: Vec<Unplaced>,
}

/// The portfolio of the partner-side rows: the vendor's own answers are not a partner.
pub fn portfolio<'r>(model: &ScoringModel, rows: impl IntoIterator<Item = &'r Row>) -> Portfolio {
    let mut result = Portfolio::default();
    for row in rows.into_iter().filter(|r| r.keys.side == Side::Partner) {
        let (current, potential) = match row.revenue {
            (Some(current), Some(potential)) => (current, potential),
            _ => {
                result.without_revenue.push(Unplaced {
                    id: row.id.clone(),
                    name: row.partner_name.clone(),
                });
                continue;
            }
        };
        let (_, score) = five_cs_of(model, row);
        result.partners.push(PortfolioPartner {
            id: row.id.clone(),
            name: row.partner_name.clone(),
            category: category_of(model.survey, &row.keys, score),
            score,
            current,
            potential,
        });
    }
    result.partners.sort_by(|a, b| {
        b.headroom()
            .total_cmp(&a.headroom())
            .then_with(|| a.name.cmp(&b.name))
            .then_with(|| a.id.cmp(&b.id))
    });
    let mut by_category: BTreeMap<Option<&str>, (CategoryCapacity, f64, usize)> = BTreeMap::new();
    for partner in &result.partners {
        let (entry, score_sum, scored) = by_category
            .entry(partner.category.as_deref())
            .or_insert_with(|| {
                (
                    CategoryCapacity {
                        category: partner.category.clone(),
                        partners: 0,
                        current: 0.0,
                        potential: 0.0,
                        mean_score: None,
                    },
                    0.0,
                    0,
                )
            });
        entry.partners += 1;
        entry.current += partner.current;
        entry.potential += partner.potential;
        if let Some(score) = partner.score {
            *score_sum += score;
            *scored += 1;
        }
    }
    result.categories = by_category
        .into_values()
        .map(|(mut entry, sum, scored)| {
            entry.mean_score = (scored > 0).then(|| sum / scored as f64);
            entry
        })
        .collect();
    // Stable: equal headroom keeps the category order of the map.
    result
        .categories
        .sort_by(|a, b| b.headroom().total_cmp(&a.headroom()));
    result
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answers::response::Response;
    use crate::default_survey;

    fn partner(id: &str, kind: &str, revenue: (Option<f64>, Option<f64>), answer: i32) -> Response {
        let survey = default_survey();
        let mut response = Response::new(&survey);
        response.id = id.into();
        response.profile.partner_name = format!("Partner {id}");
        response.profile.partner_type = Some(kind.into());
        response.profile.revenue_current = revenue.0;
        response.profile.revenue_potential = revenue.1;
        for item in survey
            .sections
            .five_cs
            .iter()
            .flat_map(|s| &s.dimensions)
            .flat_map(|d| &d.items)
        {
            response.items.insert(item.id.clone(), answer);
        }
        response
    }

    #[test]
    fn partners_and_categories_by_hand() {
        let survey = default_survey();
        let model = ScoringModel::new(&survey);
        let mut vendor = partner("v", "solution-reseller", (Some(1.0), Some(9.0e9)), 5);
        vendor.profile.side = Some(Side::Vendor);
        let responses = [
            // Every five-Cs item answered 5: score 100; answered 3 on a 1-5 scale: 50.
            partner("a", "solution-reseller", (Some(100.0), Some(400.0)), 5),
            partner("b", "solution-reseller", (Some(200.0), Some(250.0)), 3),
            partner("c", "system-integrator", (Some(50.0), Some(450.0)), 3),
            partner("d", "system-integrator", (None, Some(10.0)), 3),
            partner("e", "system-integrator", (Some(10.0), None), 3),
            vendor,
        ];
        let rows: Vec<Row> = responses.iter().map(|r| model.row(r)).collect();
        let portfolio = portfolio(&model, &rows);
        // Headroom: c 400, a 300, b 50. The vendor is not a partner.
        let order: Vec<(&str, f64)> = portfolio
            .partners
            .iter()
            .map(|p| (p.id.as_str(), p.headroom()))
            .collect();
        assert_eq!(order, [("c", 400.0), ("a", 300.0), ("b", 50.0)]);
        assert_eq!(portfolio.partners[1].score, Some(100.0));
        assert_eq!(portfolio.partners[0].score, Some(50.0));
        // Integrators: one placed partner, 50 -> 450, headroom 400, mean score 50.
        // Resellers: 300 -> 650, headroom 350, mean score (100 + 50) / 2 = 75.
        type Totals<'a> = (Option<&'a str>, usize, f64, f64, Option<f64>);
        let categories: Vec<Totals> = portfolio
            .categories
            .iter()
            .map(|c| {
                (
                    c.category.as_deref(),
                    c.partners,
                    c.current,
                    c.potential,
                    c.mean_score,
                )
            })
            .collect();
        assert_eq!(
            categories,
            [
                (Some("system-integrator"), 1, 50.0, 450.0, Some(50.0)),
                (Some("solution-reseller"), 2, 300.0, 650.0, Some(75.0)),
            ]
        );
        let missing: Vec<&str> = portfolio
            .without_revenue
            .iter()
            .map(|u| u.name.as_str())
            .collect();
        assert_eq!(missing, ["Partner d", "Partner e"]);
    }

    #[test]
    fn partners_count_once_in_the_latest_wave_unless_one_is_chosen() {
        use crate::scoring::aggregate::Filter;
        let survey = default_survey();
        let model = ScoringModel::new(&survey);
        let mut responses = [
            partner("a-2025", "solution-reseller", (Some(1.0), Some(2.0)), 3),
            partner("a-2026", "solution-reseller", (Some(1.0), Some(3.0)), 3),
            partner("b-2026", "solution-reseller", (Some(1.0), Some(4.0)), 3),
        ];
        responses[0].profile.wave = "2025".into();
        responses[1].profile.wave = "2026".into();
        responses[2].profile.wave = "2026".into();
        let rows: Vec<Row> = responses.iter().map(|r| model.row(r)).collect();
        let (filter, wave) = Filter::default().one_wave(&rows);
        assert_eq!(wave.as_deref(), Some("2026"));
        let placed = portfolio(&model, rows.iter().filter(|r| filter.matches(&r.keys)));
        let ids: Vec<&str> = placed.partners.iter().map(|p| p.id.as_str()).collect();
        assert_eq!(ids, ["b-2026", "a-2026"]);
        // A chosen wave stays; one wave alone needs no choosing.
        let chosen = Filter {
            wave: vec!["2025".into()],
            ..Filter::default()
        };
        assert_eq!(chosen.one_wave(&rows), (chosen.clone(), None));
        assert_eq!(Filter::default().one_wave(&rows[1..]).1, None);
        // A vendor's answer in a later wave does not make that wave the partners' latest.
        let mut vendor = partner("v-2027", "solution-reseller", (None, None), 3);
        vendor.profile.side = Some(Side::Vendor);
        vendor.profile.wave = "2027".into();
        let mut with_vendor = rows.clone();
        with_vendor.push(model.row(&vendor));
        assert_eq!(
            Filter::default().one_wave(&with_vendor).1.as_deref(),
            Some("2026")
        );
    }
}
