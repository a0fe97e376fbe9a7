//! The executive summary: one page on a data set (or the segment its filters keep) with only
//! what holds up: the responses by segment, the PXI and the NPS with their intervals, the top
//! "concentrate here" elements clearly in that quadrant, the changes since the last wave that
//! are more than chance, and the vendor's largest disagreements with its partners.

use crate::analysis::alignment::{align_rows, Disagreement, DISAGREEMENTS};
use crate::analysis::waves::{compare_waves, partner_waves, wave_tally};
use crate::scoring::aggregate::{
    Aggregation, CrosshairMode, Filter, GroupBy, Quadrant, Reported, DEFAULT_PRIORITIES,
};
use crate::scoring::anonymity::{Threshold, Withheld};
use crate::scoring::model::{Row, ScoringModel};
use crate::scoring::overall::Nps;
use crate::scoring::significance::Tested;
use crate::scoring::stats::{t_critical, Interval, PairSums};
use crate::survey::text::Side;
use serde::{Deserialize, Serialize};

/// A segment's responses, or None where the group is withheld.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SegmentCount {
    pub key: String,
    pub responses: Option<u64>,
}

/// An element to act on: in "Concentrate here", with both intervals clear of the crosshair.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Priority {
    pub id: String,
    pub gap: f64,
    pub gap_ci: Option<Interval>,
}

/// A change since the last wave that holds up.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Change {
    pub id: String,
    /// Later gap minus earlier gap.
    pub delta_gap: f64,
    pub adjusted_p: f64,
}

/// Both waves' NPS, and whether the change is more than chance.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct NpsChange {
    pub earlier: Nps,
    pub later: Nps,
    /// Welch's test of the change; None when either wave has fewer than two answers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub test: Option<Tested>,
}

/// The two latest waves of the partners kept, and what changed between them.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct WaveChanges {
    pub earlier: String,
    pub later: String,
    /// None when either wave is withheld for anonymity.
    pub changes: Option<Vec<Change>>,
    /// None when either wave is withheld, or the survey asks no recommendation question.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nps: Option<NpsChange>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ExecutiveSummary {
    pub responses: u64,
    pub partners: u64,
    pub by: GroupBy,
    pub segments: Vec<SegmentCount>,
    pub pxi: Option<f64>,
    pub pxi_interval: Option<Interval>,
    pub nps: Option<Nps>,
    pub priorities: Vec<Priority>,
    /// None when the partners kept answered in one wave only.
    pub waves: Option<WaveChanges>,
    /// The vendor's largest disagreements; None without vendor answers or when the partners'
    /// side is withheld.
    pub disagreements: Option<Vec<Disagreement>>,
}

/// How many changes since the last wave the summary lists.
pub const CHANGES: usize = 5;

/// The PXI's 95 % interval by the jackknife (Quenouille and Tukey; Efron, *The Jackknife, the
/// Bootstrap and Other Resampling Plans*, 1982): the index recomputed without each partner in
/// turn, from the exact sums less that partner's ratings; se² = (n − 1)/n · Σ (θ₋ᵢ − θ̄)², and
/// PXI ± t(0.975, n − 1) · se. None below 3 partners.
pub fn pxi_interval(model: &ScoringModel, rows: &[&Row], sums: &[PairSums]) -> Option<Interval> {
    let n = rows.len();
    if n < 3 {
        return None;
    }
    let pxi = |sums: &dyn Fn(usize) -> PairSums| {
        let scale = &model.survey.scale;
        let range = f64::from(scale.max - scale.min);
        let (mut num, mut den) = (0.0, 0.0);
        for (e, entry) in model.rated[..model.element_count].iter().enumerate() {
            let s = sums(e);
            if let (Some(i), Some(p)) = (s.importance.mean(s.n), s.performance.mean(s.n)) {
                num += entry.weight * i * (p - f64::from(scale.min)) / range;
                den += entry.weight * i;
            }
        }
        (den > 0.0).then(|| 100.0 * num / den)
    };
    let mut leave_one_out = Vec::with_capacity(n);
    for row in rows {
        let without = |e: usize| {
            let mut s = sums[e];
            for &(index, importance, performance) in &row.ratings {
                if index as usize == e {
                    let mut part = PairSums::default();
                    part.add(importance, performance);
                    s = s.without(&part);
                }
            }
            s
        };
        leave_one_out.push(pxi(&without)?);
    }
    let whole = pxi(&|e| sums[e])?;
    let mean = leave_one_out.iter().sum::<f64>() / n as f64;
    let spread: f64 = leave_one_out.iter().map(|v| (v - mean) * (v - mean)).sum();
    let se = ((n - 1) as f64 / n as f64 * spread).sqrt();
    let half = t_critical(n as u64 - 1) * se;
    Some(Interval {
        low: whole - half,
        high: whole + half,
    })
}

/// The summary of the rows the filter keeps, by segments of `by`. Withheld when the view
/// itself is: the anonymity threshold's rules are those of the aggregate.
pub fn executive_summary(
    model: &ScoringModel,
    rows: &[Row],
    filter: &Filter,
    by: GroupBy,
    mode: CrosshairMode,
    threshold: Threshold,
) -> Result<ExecutiveSummary, Withheld> {
    let mut aggregation =
        Aggregation::new(model, filter.clone(), Some(by)).with_threshold(threshold);
    for row in rows {
        aggregation.add(row);
    }
    let report = aggregation.report(model, mode);
    let overall = match &report.overall {
        Reported::Shown(summary) => summary,
        Reported::Withheld { withheld } => return Err(*withheld),
    };
    let kept: Vec<&Row> = rows.iter().filter(|r| filter.matches(&r.keys)).collect();
    let mut priorities: Vec<&crate::scoring::aggregate::ElementScore> = overall
        .elements
        .iter()
        .filter(|e| e.quadrant == Some(Quadrant::ConcentrateHere) && e.clear_quadrant == Some(true))
        .collect();
    priorities.sort_by_key(|e| e.gap_rank);
    // The partners' waves among the rows the filter keeps, whatever wave it picks.
    let mut any_wave = filter.clone();
    any_wave.wave.clear();
    let waves = partner_waves(rows.iter().filter(|r| any_wave.matches(&r.keys)));
    let waves = match waves.as_slice() {
        [.., earlier, later] => {
            let tally = |wave: &str| wave_tally(model, rows, filter, wave, threshold);
            let compared = tally(earlier)
                .and_then(|e| {
                    let l = tally(later)?;
                    Ok(compare_waves(model, &e, &l, mode))
                })
                .ok();
            let nps = compared.as_ref().and_then(|c| {
                Some(NpsChange {
                    earlier: c.earlier_nps.clone()?,
                    later: c.later_nps.clone()?,
                    test: c.nps_change,
                })
            });
            Some(WaveChanges {
                earlier: earlier.clone(),
                later: later.clone(),
                nps,
                changes: compared.map(|c| {
                    let mut held: Vec<Change> = c
                        .elements
                        .iter()
                        .filter_map(|e| {
                            let test = e.gap_change.filter(|t| t.holds_up())?;
                            Some(Change {
                                id: e.id.clone(),
                                delta_gap: e.delta_gap()?,
                                adjusted_p: test.adjusted,
                            })
                        })
                        .collect();
                    held.sort_by(|a, b| b.delta_gap.abs().total_cmp(&a.delta_gap.abs()));
                    held.truncate(CHANGES);
                    held
                }),
            })
        }
        _ => None,
    };
    let disagreements = align_rows(model, rows, filter, mode, threshold)
        .ok()
        .filter(|a| a.vendor_responses > 0)
        .map(|a| a.disagreements(DISAGREEMENTS));
    Ok(ExecutiveSummary {
        responses: overall.responses,
        partners: kept.iter().filter(|r| r.keys.side == Side::Partner).count() as u64,
        by,
        segments: report
            .groups
            .iter()
            .map(|g| SegmentCount {
                key: g.key.clone(),
                responses: g.summary.shown().map(|s| s.responses),
            })
            .collect(),
        pxi: overall.pxi,
        pxi_interval: pxi_interval(model, &kept, &aggregation.overall.rated),
        nps: overall.overall.as_ref().and_then(|o| o.nps.clone()),
        priorities: priorities
            .into_iter()
            .take(DEFAULT_PRIORITIES)
            .filter_map(|e| {
                Some(Priority {
                    id: e.id.clone(),
                    gap: e.gap?,
                    gap_ci: e.gap_ci,
                })
            })
            .collect(),
        waves,
        disagreements,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scoring::aggregate::Tally;
    use crate::{default_survey, rated_response};

    #[test]
    fn the_pxi_interval_by_the_jackknife_by_hand() {
        // One element (leads), weights 1, scale 1-5. Partners (I, P): (5, 1), (5, 5), (3, 3).
        // Whole: mean I 13/3, mean P 3: PXI = 100 · (P̄ − 1)/4 = 50 (one element: I cancels).
        // Without each: (5,5),(3,3): P̄ 4 → 75; (5,1),(3,3): P̄ 2 → 25; (5,1),(5,5): P̄ 3 → 50.
        // Mean 50; Σ (θ − θ̄)² = 625 + 625 + 0 = 1250; se² = 2/3 · 1250 = 833.33, se = 28.8675;
        // t(0.975, 2) = 4.302653: half-width 124.2; so 50 ± 124.2.
        let survey = default_survey();
        let model = ScoringModel::new(&survey);
        let rows: Vec<Row> = [(5, 1), (5, 5), (3, 3)]
            .iter()
            .enumerate()
            .map(|(i, &(imp, perf))| {
                model.row(&rated_response(
                    &format!("r{i}"),
                    "emea",
                    &[("leads", imp, perf)],
                ))
            })
            .collect();
        let tally = Tally::of_rows(&model, &rows, |_| true);
        let kept: Vec<&Row> = rows.iter().collect();
        let interval = pxi_interval(&model, &kept, &tally.rated).unwrap();
        let half = 4.302_653 * 28.867_513;
        assert!((interval.low - (50.0 - half)).abs() < 1e-3, "{interval:?}");
        assert!((interval.high - (50.0 + half)).abs() < 1e-3, "{interval:?}");
        assert_eq!(pxi_interval(&model, &kept[..2], &tally.rated), None);
    }
}
