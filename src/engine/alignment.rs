//! Alignment: does the vendor see the partner management model the way its partners do?

use super::aggregate::Tally;
use super::model::ScoringModel;
use super::stats::spearman;
use serde::{Deserialize, Serialize};

/// The vendor's view against the partners' mean, per element and overall.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Alignment {
    pub vendor_responses: u64,
    pub partner_responses: u64,
    pub elements: Vec<ElementAlignment>,
    /// Spearman rank correlation of the element means, vendor against partners; None when
    /// either side is constant or fewer than 2 elements have data on both sides.
    pub importance_correlation: Option<f64>,
    pub performance_correlation: Option<f64>,
}

/// Deltas are vendor minus partners.
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

/// Compares two tallies of the same model: vendor-side responses and partner-side responses.
pub fn align(model: &ScoringModel, vendor: &Tally, partners: &Tally) -> Alignment {
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
                delta_importance: vi.zip(pi).map(|(a, b)| a - b),
                vendor_performance: vp,
                partner_performance: pp,
                delta_performance: vp.zip(pp).map(|(a, b)| a - b),
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
        importance_correlation: correlation(|e| (e.vendor_importance, e.partner_importance)),
        performance_correlation: correlation(|e| (e.vendor_performance, e.partner_performance)),
        elements,
    }
}
