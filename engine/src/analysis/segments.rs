//! Segments of a data set side by side (regions, partner types, tiers, ...): which ones to
//! compare until the user picks, how a pick changes the choice, and each element's gap,
//! quadrant and best performer per segment, with which differences from the rest of the
//! partners hold up (docs/scoring.md, "Significance").

use crate::scoring::aggregate::{AggregateReport, ElementScore, Quadrant, Summary};
use crate::scoring::significance::{adjust, welch, Tested};
use crate::scoring::stats::PairSums;
use serde::Serialize;
use std::collections::BTreeSet;

/// Segments compared until the user picks: more bars than this per element are unreadable.
pub const DEFAULT_SEGMENTS: usize = 6;
/// The most segments a comparison takes: its chart has eight distinct colours.
pub const MOST_SEGMENTS: usize = 8;

/// One element compared across segments (regions, types, ...).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ElementComparison {
    pub id: String,
    /// Per segment, in the comparison's order.
    pub gaps: Vec<Option<f64>>,
    pub performance: Vec<Option<f64>>,
    pub quadrants: Vec<Option<Quadrant>>,
    /// The segments do not all place the element in the same quadrant.
    pub quadrant_differs: bool,
    /// The segment with the best mean performance: the regional best practice.
    pub best: Option<usize>,
    /// Per segment, its partners' gaps against the other partners' (Welch), adjusted across
    /// every element and segment of the comparison.
    pub gap_tests: Vec<Option<Tested>>,
    /// The best segment's performance against the other partners', adjusted across the
    /// elements.
    pub best_test: Option<Tested>,
}

impl ElementComparison {
    /// The segments place the element in different quadrants, and a segment's gap differs
    /// from the rest's by more than chance: a finding, not noise.
    pub fn quadrant_difference_holds_up(&self) -> bool {
        self.quadrant_differs && self.gap_tests.iter().flatten().any(Tested::holds_up)
    }

    /// The smallest adjusted p-value among the segments' gap tests.
    pub fn strongest_gap_test(&self) -> Option<Tested> {
        self.gap_tests
            .iter()
            .flatten()
            .copied()
            .min_by(|a, b| a.adjusted.total_cmp(&b.adjusted))
    }
}

/// Welch's test of a segment's partners against the other partners, on what `pick` takes
/// of their sums (the gaps, the performance).
fn against_rest(
    segment: &PairSums,
    overall: &PairSums,
    pick: fn(&PairSums) -> crate::scoring::stats::Sums,
) -> Option<Tested> {
    let rest = overall.without(segment);
    welch(&pick(segment), segment.n, &pick(&rest), rest.n).map(Tested::raw)
}

/// Two or more segments of a grouped aggregate, side by side.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SegmentComparison {
    pub segments: Vec<String>,
    pub responses: Vec<u64>,
    pub elements: Vec<ElementComparison>,
}

/// The segments to compare before the user picks: every shown group when there are at most
/// `most`, else the `most` with the most responses (ties by key), in key order.
pub fn default_segments(report: &AggregateReport, most: usize) -> Vec<String> {
    let mut groups: Vec<(u64, &str)> = report
        .groups
        .iter()
        .filter_map(|g| Some((g.summary.shown()?.responses, g.key.as_str())))
        .collect();
    groups.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(b.1)));
    let mut keys: Vec<String> = groups
        .into_iter()
        .take(most)
        .map(|(_, k)| k.to_owned())
        .collect();
    keys.sort();
    keys
}

/// Compares the chosen groups of a grouped aggregate; groups it does not have, and those
/// withheld for anonymity, are skipped. Each segment places elements against its own
/// crosshair, as its own report would.
pub fn compare_segments(report: &AggregateReport, segments: &[String]) -> SegmentComparison {
    let groups: Vec<(&String, &Summary)> = segments
        .iter()
        .filter_map(|key| report.groups.iter().find(|g| &g.key == key))
        .filter_map(|g| Some((&g.key, g.summary.shown()?)))
        .collect();
    let overall: &[ElementScore] = report.overall.shown().map_or(&[], |o| &o.elements);
    let elements = overall
        .iter()
        .enumerate()
        .map(|(index, element)| {
            let scores: Vec<_> = groups
                .iter()
                .map(|(_, summary)| summary.elements.get(index))
                .collect();
            let gaps: Vec<Option<f64>> = scores.iter().map(|e| e.and_then(|e| e.gap)).collect();
            let performance: Vec<Option<f64>> = scores
                .iter()
                .map(|e| e.and_then(|e| e.performance))
                .collect();
            let quadrants: Vec<Option<Quadrant>> =
                scores.iter().map(|e| e.and_then(|e| e.quadrant)).collect();
            let placed: BTreeSet<usize> = quadrants.iter().flatten().map(|q| q.index()).collect();
            let best = performance
                .iter()
                .enumerate()
                .filter_map(|(i, p)| p.map(|p| (i, p)))
                .fold(None::<(usize, f64)>, |best, (i, p)| match best {
                    Some((_, top)) if top >= p => best,
                    _ => Some((i, p)),
                })
                .map(|(i, _)| i);
            let gap_tests = scores
                .iter()
                .map(|e| against_rest(&(*e)?.sums, &element.sums, PairSums::gap))
                .collect();
            let best_test =
                best.and_then(|i| against_rest(&scores[i]?.sums, &element.sums, |s| s.performance));
            ElementComparison {
                id: element.id.clone(),
                gaps,
                performance,
                quadrants,
                quadrant_differs: placed.len() > 1,
                best,
                gap_tests,
                best_test,
            }
        })
        .collect();
    let mut elements: Vec<ElementComparison> = elements;
    adjust(
        elements
            .iter_mut()
            .flat_map(|e| e.gap_tests.iter_mut().flatten()),
    );
    adjust(elements.iter_mut().filter_map(|e| e.best_test.as_mut()));
    SegmentComparison {
        segments: groups.iter().map(|(key, _)| (*key).clone()).collect(),
        responses: groups
            .iter()
            .map(|(_, summary)| summary.responses)
            .collect(),
        elements,
    }
}

/// The segments compared: the user's picks, else the default ones.
pub fn chosen_segments(picked: &[String], report: &AggregateReport) -> Vec<String> {
    if picked.is_empty() {
        default_segments(report, DEFAULT_SEGMENTS)
    } else {
        picked.to_vec()
    }
}

/// The choice after the user ticks or unticks `key`: added in key order, or removed. A key
/// past `MOST_SEGMENTS` is not added (the chart would run out of colours).
pub fn toggle_segment(chosen: &[String], key: &str) -> Vec<String> {
    let mut next = chosen.to_vec();
    if let Some(i) = next.iter().position(|k| k == key) {
        next.remove(i);
    } else if next.len() < MOST_SEGMENTS {
        next.push(key.to_owned());
        next.sort();
    }
    next
}

/// Whether `key` can still be ticked: it is chosen already, or there is room.
pub fn can_pick(chosen: &[String], key: &str) -> bool {
    chosen.iter().any(|k| k == key) || chosen.len() < MOST_SEGMENTS
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scoring::aggregate::{Aggregation, CrosshairMode, Filter, GroupBy};
    use crate::scoring::anonymity::Threshold;
    use crate::scoring::model::ScoringModel;
    use crate::{default_survey, rated_response};

    #[test]
    fn segments_are_compared_element_by_element_with_the_best_performer_named() {
        let survey = default_survey();
        let model = ScoringModel::new(&survey);
        // EMEA: deal registration (5, 1) and leads (1, 5), crosshair (3, 3): deal registration
        // is Concentrate here, leads Possible overkill. APAC the other way round.
        let responses = [
            rated_response("e", "emea", &[("deal-registration", 5, 1), ("leads", 1, 5)]),
            rated_response("a", "apac", &[("deal-registration", 1, 5), ("leads", 5, 1)]),
        ];
        let mut aggregation = Aggregation::new(&model, Filter::default(), Some(GroupBy::Region))
            .with_threshold(Threshold::NONE);
        for r in &responses {
            aggregation.add_response(&model, r).unwrap();
        }
        let report = aggregation.report(&model, CrosshairMode::DataCentred);
        let comparison =
            compare_segments(&report, &["emea".into(), "apac".into(), "nowhere".into()]);
        assert_eq!(comparison.segments, ["emea", "apac"]);
        assert_eq!(comparison.responses, [1, 1]);
        let deal = comparison
            .elements
            .iter()
            .find(|e| e.id == "deal-registration")
            .unwrap();
        assert_eq!(deal.gaps, [Some(4.0), Some(-4.0)]);
        assert_eq!(deal.performance, [Some(1.0), Some(5.0)]);
        assert_eq!(
            deal.quadrants,
            [
                Some(Quadrant::ConcentrateHere),
                Some(Quadrant::PossibleOverkill)
            ]
        );
        assert!(deal.quadrant_differs);
        assert_eq!(deal.best, Some(1));
        let leads = comparison
            .elements
            .iter()
            .find(|e| e.id == "leads")
            .unwrap();
        assert_eq!(leads.best, Some(0));
        // Elements nobody rated have no quadrant anywhere and no best segment.
        let training = comparison
            .elements
            .iter()
            .find(|e| e.id == "training")
            .unwrap();
        assert!(!training.quadrant_differs);
        assert_eq!(training.best, None);
    }

    /// A planted regional difference holds up; the same quadrant split from two partners
    /// does not.
    #[test]
    fn a_planted_difference_holds_up_and_a_small_one_does_not() {
        let survey = default_survey();
        let model = ScoringModel::new(&survey);
        let mut aggregation = Aggregation::new(&model, Filter::default(), Some(GroupBy::Region));
        // Leads: EMEA's eight partners see gaps of 3 and 4 (importance 5, performance 1 or 2),
        // APAC's eight gaps of -1 and 0. Deal registration: one partner each, gaps 4 and -4.
        for i in 0..8 {
            let (emea, apac) = if i % 2 == 0 {
                ((5, 1), (4, 5))
            } else {
                ((5, 2), (4, 4))
            };
            let mut e = rated_response(&format!("e{i}"), "emea", &[("leads", emea.0, emea.1)]);
            let mut a = rated_response(&format!("a{i}"), "apac", &[("leads", apac.0, apac.1)]);
            if i == 0 {
                e = rated_response(
                    "e0",
                    "emea",
                    &[("leads", 5, 1), ("deal-registration", 5, 1)],
                );
                a = rated_response(
                    "a0",
                    "apac",
                    &[("leads", 4, 5), ("deal-registration", 1, 5)],
                );
            }
            aggregation.add_response(&model, &e).unwrap();
            aggregation.add_response(&model, &a).unwrap();
        }
        let report = aggregation.report(&model, CrosshairMode::DataCentred);
        let comparison = compare_segments(&report, &["emea".into(), "apac".into()]);
        let find = |id: &str| comparison.elements.iter().find(|e| e.id == id).unwrap();
        let leads = find("leads");
        // EMEA's gaps 4, 3, 4, 3, ... (mean 3.5, variance 2/7) against APAC's -1, 0, ...
        // (mean -0.5, variance 2/7): t = 4 / √(2/7/8 · 2) = 4 / 0.26726 = 14.967 with 14
        // degrees of freedom: p far below 0.001.
        let emea = leads.gap_tests[0].unwrap();
        assert!(emea.p < 1e-8, "{emea:?}");
        assert!(emea.holds_up());
        // Each segment against its own crosshair: EMEA's (5, 1.25) puts leads (5, 1.5) in
        // Keep up the good work, APAC's (2.5, 4.75) puts leads (4, 4.5) in Concentrate here.
        assert!(leads.quadrant_differs);
        assert!(leads.quadrant_difference_holds_up());
        assert!(leads.best_test.unwrap().holds_up());
        // One partner a side cannot be tested: the quadrants differ, but it is no finding.
        let deal = find("deal-registration");
        assert!(deal.quadrant_differs);
        assert_eq!(deal.gap_tests, [None, None]);
        assert!(!deal.quadrant_difference_holds_up());
        assert_eq!(deal.best_test, None);
    }

    #[test]
    fn until_the_user_picks_the_largest_segments_are_compared() {
        let survey = default_survey();
        let model = ScoringModel::new(&survey);
        let mut aggregation = Aggregation::new(&model, Filter::default(), Some(GroupBy::Region))
            .with_threshold(Threshold::NONE);
        // Three in APAC, two in EMEA, one each in the Americas and LATAM.
        for (i, region) in ["apac", "apac", "apac", "emea", "emea", "americas", "latam"]
            .iter()
            .enumerate()
        {
            let r = rated_response(&format!("r{i}"), region, &[("leads", 4, 2)]);
            aggregation.add_response(&model, &r).unwrap();
        }
        let report = aggregation.report(&model, CrosshairMode::DataCentred);
        assert_eq!(
            default_segments(&report, 6),
            ["americas", "apac", "emea", "latam"]
        );
        // The two largest; of the two with one response each, neither makes it.
        assert_eq!(default_segments(&report, 2), ["apac", "emea"]);
        // A tie at the cut goes by key: "americas" before "latam".
        assert_eq!(default_segments(&report, 3), ["americas", "apac", "emea"]);
    }

    #[test]
    fn a_pick_adds_in_key_order_removes_and_stops_at_eight() {
        let keys = |list: &[&str]| list.iter().map(|k| k.to_string()).collect::<Vec<_>>();
        assert_eq!(
            toggle_segment(&keys(&["b", "d"]), "c"),
            keys(&["b", "c", "d"])
        );
        assert_eq!(
            toggle_segment(&keys(&["b", "c", "d"]), "c"),
            keys(&["b", "d"])
        );
        let eight = keys(&["a", "b", "c", "d", "e", "f", "g", "h"]);
        assert_eq!(toggle_segment(&eight, "i"), eight);
        assert!(!can_pick(&eight, "i"));
        assert!(can_pick(&eight, "a"));
        assert_eq!(toggle_segment(&eight, "a").len(), 7);
    }

    #[test]
    fn segments_withheld_for_anonymity_are_neither_chosen_nor_compared() {
        let survey = default_survey();
        let model = ScoringModel::new(&survey);
        let mut aggregation = Aggregation::new(&model, Filter::default(), Some(GroupBy::Region));
        // Survey threshold 5: APAC's 3 are withheld, and so the next smallest, EMEA's 6;
        // the Americas' 9 stay.
        for (region, count) in [("apac", 3), ("emea", 6), ("americas", 9)] {
            for i in 0..count {
                let r = rated_response(&format!("{region}{i}"), region, &[("leads", 4, 2)]);
                aggregation.add_response(&model, &r).unwrap();
            }
        }
        let report = aggregation.report(&model, CrosshairMode::DataCentred);
        assert_eq!(default_segments(&report, 6), ["americas"]);
        let picked = ["apac".into(), "americas".into(), "emea".into()];
        assert_eq!(compare_segments(&report, &picked).segments, ["americas"]);
    }

    #[test]
    fn with_no_pick_the_default_segments_are_chosen() {
        let survey = default_survey();
        let model = ScoringModel::new(&survey);
        let mut aggregation = Aggregation::new(&model, Filter::default(), Some(GroupBy::Region))
            .with_threshold(Threshold::NONE);
        for (i, region) in ["apac", "emea"].iter().enumerate() {
            let r = rated_response(&format!("r{i}"), region, &[("leads", 4, 2)]);
            aggregation.add_response(&model, &r).unwrap();
        }
        let report = aggregation.report(&model, CrosshairMode::DataCentred);
        assert_eq!(chosen_segments(&[], &report), ["apac", "emea"]);
        assert_eq!(chosen_segments(&["emea".into()], &report), ["emea"]);
    }
}
