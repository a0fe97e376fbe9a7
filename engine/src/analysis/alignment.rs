//! Alignment: does the vendor see the partner management model the way its partners do?
//!
//! The vendor answers the same survey from its own side; its element means are set against
//! the partners' means, element by element, as rank correlations, and as the few largest
//! disagreements a channel manager should talk about first.

use crate::answers::response::Dimension;
use crate::scoring::aggregate::{Crosshair, CrosshairMode, Filter, Summary, Tally};
use crate::scoring::anonymity::{Threshold, Withheld};
use crate::scoring::model::{Row, ScoringModel};
use crate::scoring::stats::spearman;
use crate::survey::text::Side;
use serde::{Deserialize, Serialize};

/// A difference of a whole scale point or more is a far one.
pub const FAR: f64 = 1.0;
/// Below half a scale point, a difference is slight.
pub const SLIGHT: f64 = 0.5;
/// How many disagreements the alignment view names.
pub const DISAGREEMENTS: usize = 5;

/// The vendor's view against the partners' mean, per element and overall.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Alignment {
    pub vendor_responses: u64,
    pub partner_responses: u64,
    /// The partners' crosshair: the quadrants the chart shades.
    pub crosshair: Crosshair,
    pub elements: Vec<ElementAlignment>,
    /// Spearman rank correlation of the element means, vendor against partners; None when
    /// either side is constant or fewer than 2 elements have data on both sides.
    pub importance_correlation: Option<f64>,
    pub performance_correlation: Option<f64>,
}

/// Deltas are the partners' mean minus the vendor's: positive when partners rate higher.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ElementAlignment {
    pub id: String,
    pub vendor_importance: Option<f64>,
    pub partner_importance: Option<f64>,
    pub delta_importance: Option<f64>,
    pub vendor_performance: Option<f64>,
    pub partner_performance: Option<f64>,
    pub delta_performance: Option<f64>,
}

/// One rating on which the two sides differ.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Disagreement {
    pub id: String,
    pub rated: Dimension,
    pub vendor: f64,
    pub partners: f64,
}

/// How far apart the two sides are, in words.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Degree {
    Far,
    Clear,
    Slight,
}

impl Disagreement {
    /// The partners' mean minus the vendor's.
    pub fn delta(&self) -> f64 {
        self.partners - self.vendor
    }

    pub fn degree(&self) -> Degree {
        let size = self.delta().abs();
        if size >= FAR - crate::scoring::aggregate::TOLERANCE {
            Degree::Far
        } else if size >= SLIGHT - crate::scoring::aggregate::TOLERANCE {
            Degree::Clear
        } else {
            Degree::Slight
        }
    }
}

/// What a rank correlation says about two orders.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Agreement {
    /// 0.7 or more: both sides put the elements in much the same order.
    Strong,
    /// 0.4 up to 0.7.
    Moderate,
    /// Between -0.4 and 0.4: the orders have little to do with each other.
    Weak,
    /// -0.4 or less: what one side puts first, the other tends to put last.
    Opposed,
}

impl Agreement {
    pub fn of(correlation: f64) -> Agreement {
        match correlation {
            c if c >= 0.7 => Agreement::Strong,
            c if c >= 0.4 => Agreement::Moderate,
            c if c > -0.4 => Agreement::Weak,
            _ => Agreement::Opposed,
        }
    }
}

/// Compares two tallies of the same model: vendor-side responses and partner-side responses.
pub fn align(
    model: &ScoringModel,
    vendor: &Tally,
    partners: &Tally,
    mode: CrosshairMode,
) -> Alignment {
    let elements: Vec<ElementAlignment> = model.rated[..model.element_count]
        .iter()
        .zip(vendor.rated.iter().zip(&partners.rated))
        .map(|(entry, (v, p))| {
            let vi = v.importance.mean(v.n);
            let pi = p.importance.mean(p.n);
            let vp = v.performance.mean(v.n);
            let pp = p.performance.mean(p.n);
            ElementAlignment {
                id: entry.id.clone(),
                vendor_importance: vi,
                partner_importance: pi,
                delta_importance: vi.zip(pi).map(|(v, p)| p - v),
                vendor_performance: vp,
                partner_performance: pp,
                delta_performance: vp.zip(pp).map(|(v, p)| p - v),
            }
        })
        .collect();
    let correlation = |pick: fn(&ElementAlignment) -> (Option<f64>, Option<f64>)| {
        let (x, y): (Vec<f64>, Vec<f64>) = elements
            .iter()
            .filter_map(|e| {
                let (a, b) = pick(e);
                a.zip(b)
            })
            .unzip();
        spearman(&x, &y)
    };
    Alignment {
        vendor_responses: vendor.responses,
        partner_responses: partners.responses,
        crosshair: Summary::of(model, partners, mode, 0).crosshair,
        importance_correlation: correlation(|e| (e.vendor_importance, e.partner_importance)),
        performance_correlation: correlation(|e| (e.vendor_performance, e.partner_performance)),
        elements,
    }
}

/// The vendor's responses against the partners the filter keeps. The vendor's view is taken
/// from the same waves only: a region or a type describes partners, not the vendor. The
/// filter's side is set aside: one side is the vendor, the other the partners. Withheld when
/// the partners kept, or those the filter leaves out, are fewer than the threshold.
pub fn align_rows(
    model: &ScoringModel,
    rows: &[Row],
    filter: &Filter,
    mode: CrosshairMode,
    threshold: Threshold,
) -> Result<Alignment, Withheld> {
    let vendor = Tally::of_rows(model, rows, |keys| {
        keys.side == Side::Vendor
            && (filter.wave.is_empty()
                || keys.wave.as_ref().is_some_and(|w| filter.wave.contains(w)))
    });
    let mut partner_filter = filter.clone();
    partner_filter.side.clear();
    threshold.allows_view(rows, &partner_filter)?;
    let partners = Tally::of_rows(model, rows, |keys| {
        keys.side == Side::Partner && partner_filter.matches(keys)
    });
    Ok(align(model, &vendor, &partners, mode))
}

impl Alignment {
    /// The `top` largest differences of either rating, largest first. Equal sizes come in survey
    /// order of their elements, and within an element importance first. Ratings the two sides
    /// give alike are not disagreements.
    pub fn disagreements(&self, top: usize) -> Vec<Disagreement> {
        let mut all: Vec<Disagreement> = self
            .elements
            .iter()
            .flat_map(|e| {
                [
                    (
                        Dimension::Importance,
                        e.vendor_importance,
                        e.partner_importance,
                    ),
                    (
                        Dimension::Performance,
                        e.vendor_performance,
                        e.partner_performance,
                    ),
                ]
                .into_iter()
                .filter_map(|(rated, vendor, partners)| {
                    Some(Disagreement {
                        id: e.id.clone(),
                        rated,
                        vendor: vendor?,
                        partners: partners?,
                    })
                })
            })
            .filter(|d| d.delta().abs() > crate::scoring::aggregate::TOLERANCE)
            .collect();
        // Stable: equal sizes keep survey order.
        all.sort_by(|a, b| b.delta().abs().total_cmp(&a.delta().abs()));
        all.truncate(top);
        all
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answers::response::Response;
    use crate::default_survey;

    fn response(side: Side, region: &str, ratings: &[(&str, i32, i32)]) -> Response {
        let survey = default_survey();
        let mut response = Response::new(&survey);
        response.profile.side = Some(side);
        response.profile.region = Some(region.into());
        response.profile.wave = "2026".into();
        for &(element, importance, performance) in ratings {
            response.rate(element, Dimension::Importance, Some(importance));
            response.rate(element, Dimension::Performance, Some(performance));
        }
        response
    }

    /// One vendor and three partners (two in EMEA, one in APAC), four elements.
    fn sample() -> Vec<Response> {
        use Side::{Partner, Vendor};
        vec![
            response(
                Vendor,
                "emea",
                &[
                    ("leads", 2, 4),
                    ("deal-registration", 3, 5),
                    ("training", 4, 4),
                    ("ordering", 5, 3),
                ],
            ),
            response(
                Partner,
                "emea",
                &[
                    ("leads", 4, 2),
                    ("deal-registration", 5, 1),
                    ("training", 4, 4),
                    ("ordering", 3, 3),
                ],
            ),
            response(
                Partner,
                "emea",
                &[
                    ("leads", 5, 3),
                    ("deal-registration", 4, 2),
                    ("training", 4, 5),
                    ("ordering", 2, 3),
                ],
            ),
            response(
                Partner,
                "apac",
                &[
                    ("leads", 3, 4),
                    ("deal-registration", 3, 3),
                    ("training", 1, 3),
                    ("ordering", 4, 5),
                ],
            ),
        ]
    }

    /// The alignment with every group shown: the sample holds 3 partners.
    fn aligned(model: &ScoringModel, rows: &[Row], filter: &Filter) -> Alignment {
        align_rows(
            model,
            rows,
            filter,
            CrosshairMode::DataCentred,
            Threshold::NONE,
        )
        .expect("no threshold withholds nothing")
    }

    #[test]
    fn fewer_partners_than_the_threshold_withhold_the_alignment() {
        let survey = default_survey();
        let model = ScoringModel::new(&survey);
        let rows: Vec<Row> = sample().iter().map(|r| model.row(r)).collect();
        let mode = CrosshairMode::DataCentred;
        let withheld = Err(Withheld { fewer_than: 5 });
        // The survey's threshold is 5; the sample has 3 partners.
        let threshold = Threshold::of(&survey);
        assert_eq!(
            align_rows(&model, &rows, &Filter::default(), mode, threshold),
            withheld
        );
        // With 3, the two EMEA partners are too few, and so is the one a filter would leave.
        let three = Threshold::new(3);
        assert!(align_rows(&model, &rows, &Filter::default(), mode, three).is_ok());
        let emea = Filter {
            region: vec!["emea".into()],
            ..Filter::default()
        };
        let withheld = Err(Withheld { fewer_than: 3 });
        assert_eq!(align_rows(&model, &rows, &emea, mode, three), withheld);
    }

    fn element<'a>(alignment: &'a Alignment, id: &str) -> &'a ElementAlignment {
        alignment.elements.iter().find(|e| e.id == id).unwrap()
    }

    #[test]
    fn deltas_and_correlations_by_hand() {
        let survey = default_survey();
        let model = ScoringModel::new(&survey);
        let rows: Vec<Row> = sample().iter().map(|r| model.row(r)).collect();
        let alignment = aligned(&model, &rows, &Filter::default());
        assert_eq!(
            (alignment.vendor_responses, alignment.partner_responses),
            (1, 3)
        );
        // Partners' leads: I (4+5+3)/3 = 4, P (2+3+4)/3 = 3; vendor 2 and 4.
        let leads = element(&alignment, "leads");
        assert_eq!(leads.partner_importance, Some(4.0));
        assert_eq!(leads.delta_importance, Some(2.0));
        assert_eq!(leads.delta_performance, Some(-1.0));
        // Deal registration: partners I 12/3 = 4, P 6/3 = 2; vendor 3 and 5.
        let deal = element(&alignment, "deal-registration");
        assert_eq!(
            (deal.delta_importance, deal.delta_performance),
            (Some(1.0), Some(-3.0))
        );
        // Ordering: partners I 9/3 = 3, P 11/3; vendor 5 and 3.
        let ordering = element(&alignment, "ordering");
        assert_eq!(ordering.delta_importance, Some(-2.0));
        assert!((ordering.delta_performance.unwrap() - 2.0 / 3.0).abs() < 1e-12);
        // An element nobody rated has no delta.
        assert_eq!(element(&alignment, "qbr").delta_importance, None);

        // Importance, vendor: leads 2, deal 3, training 4, ordering 5 -> ranks 1, 2, 3, 4.
        // Partners: leads 4, deal 4, training 3, ordering 3 -> ranks 3.5, 3.5, 1.5, 1.5.
        // Pearson on ranks: x - 2.5 = -1.5, -0.5, 0.5, 1.5; y - 2.5 = 1, 1, -1, -1;
        // sum xy = -1.5 - 0.5 - 0.5 - 1.5 = -4; sum x^2 = 5, sum y^2 = 4: rho = -4 / sqrt(20).
        let rho = alignment.importance_correlation.unwrap();
        assert!((rho + 4.0 / 20f64.sqrt()).abs() < 1e-12);
        assert_eq!(Agreement::of(rho), Agreement::Opposed);
        // Performance, vendor: 4, 5, 4, 3 -> ranks 2.5, 4, 2.5, 1.
        // Partners: 3, 2, 4, 11/3 -> ranks 2, 1, 4, 3.
        // x - 2.5 = 0, 1.5, 0, -1.5; y - 2.5 = -0.5, -1.5, 1.5, 0.5;
        // sum xy = -2.25 - 0.75 = -3; sum x^2 = 4.5, sum y^2 = 5: rho = -3 / sqrt(22.5).
        let rho = alignment.performance_correlation.unwrap();
        assert!((rho + 3.0 / 22.5f64.sqrt()).abs() < 1e-12);
    }

    #[test]
    fn the_largest_disagreements_come_first_in_survey_order_on_ties() {
        let survey = default_survey();
        let model = ScoringModel::new(&survey);
        let rows: Vec<Row> = sample().iter().map(|r| model.row(r)).collect();
        let alignment = aligned(&model, &rows, &Filter::default());
        let found: Vec<(String, Dimension, f64)> = alignment
            .disagreements(DISAGREEMENTS)
            .iter()
            .map(|d| (d.id.clone(), d.rated, d.delta()))
            .collect();
        // |delta|: deal P 3; leads I 2 and ordering I 2 (leads first in the survey); then 1
        // for training I (3 against 4), leads P and deal I, training's area coming first.
        // Training P is 4 on both sides: no disagreement.
        use Dimension::{Importance, Performance};
        assert_eq!(
            found,
            [
                ("deal-registration".to_owned(), Performance, -3.0),
                ("leads".to_owned(), Importance, 2.0),
                ("ordering".to_owned(), Importance, -2.0),
                ("training".to_owned(), Importance, -1.0),
                ("leads".to_owned(), Performance, -1.0),
            ]
        );
        let first = &alignment.disagreements(1)[0];
        assert_eq!((first.vendor, first.partners), (5.0, 2.0));
        assert_eq!(first.degree(), Degree::Far);
        let slight = Disagreement {
            id: "x".into(),
            rated: Performance,
            vendor: 3.0,
            partners: 3.0 + 1.0 / 3.0,
        };
        assert_eq!(slight.degree(), Degree::Slight);
        // On the boundaries: exactly 1 point is far, exactly half a point is clear.
        let one = Disagreement {
            id: "x".into(),
            rated: Importance,
            vendor: 2.0,
            partners: 3.0,
        };
        assert_eq!(one.degree(), Degree::Far);
        let half = Disagreement {
            id: "x".into(),
            rated: Importance,
            vendor: 3.0,
            partners: 2.5,
        };
        assert_eq!(half.degree(), Degree::Clear);
    }

    #[test]
    fn correlations_are_put_in_words_symmetrically() {
        assert_eq!(Agreement::of(1.0), Agreement::Strong);
        assert_eq!(Agreement::of(0.7), Agreement::Strong);
        assert_eq!(Agreement::of(0.69), Agreement::Moderate);
        assert_eq!(Agreement::of(0.4), Agreement::Moderate);
        // A small negative correlation is weak, not opposed.
        assert_eq!(Agreement::of(-0.03), Agreement::Weak);
        assert_eq!(Agreement::of(-0.39), Agreement::Weak);
        assert_eq!(Agreement::of(-0.4), Agreement::Opposed);
    }

    #[test]
    fn a_segment_compares_the_vendor_with_those_partners_only() {
        let survey = default_survey();
        let model = ScoringModel::new(&survey);
        let rows: Vec<Row> = sample().iter().map(|r| model.row(r)).collect();
        let emea = Filter {
            region: vec!["emea".into()],
            ..Filter::default()
        };
        let alignment = aligned(&model, &rows, &emea);
        // The vendor's answer stays in; only the two EMEA partners count.
        assert_eq!(
            (alignment.vendor_responses, alignment.partner_responses),
            (1, 2)
        );
        // EMEA partners' ordering I (3+2)/2 = 2.5 against the vendor's 5.
        assert_eq!(element(&alignment, "ordering").delta_importance, Some(-2.5));
        // A side filter does not empty either side.
        let vendors_only = Filter {
            side: vec![Side::Vendor],
            ..Filter::default()
        };
        let alignment = aligned(&model, &rows, &vendors_only);
        assert_eq!(
            (alignment.vendor_responses, alignment.partner_responses),
            (1, 3)
        );
        // Another wave has no vendor answer.
        let wave = Filter {
            wave: vec!["2025".into()],
            ..Filter::default()
        };
        let alignment = aligned(&model, &rows, &wave);
        assert_eq!(
            (alignment.vendor_responses, alignment.partner_responses),
            (0, 0)
        );
        assert!(alignment.disagreements(DISAGREEMENTS).is_empty());
    }
}
