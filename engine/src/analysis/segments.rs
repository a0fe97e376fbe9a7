//! Segments of a data set side by side (regions, partner types, tiers, ...): which ones to
//! compare until the user picks, how a pick changes the choice, and each element's gap,
//! quadrant and best performer per segment.

use crate::scoring::aggregate::{AggregateReport, Quadrant};
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
}

/// Two or more segments of a grouped aggregate, side by side.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SegmentComparison {
    pub segments: Vec<String>,
    pub responses: Vec<u64>,
    pub elements: Vec<ElementComparison>,
}

/// The segments to compare before the user picks: every group when there are at most `most`,
/// else the `most` with the most responses (ties by key), in key order.
pub fn default_segments(report: &AggregateReport, most: usize) -> Vec<String> {
    let mut groups: Vec<(u64, &str)> = report
        .groups
        .iter()
        .map(|g| (g.summary.responses, g.key.as_str()))
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

/// Compares the chosen groups of a grouped aggregate; groups it does not have are skipped.
/// Each segment places elements against its own crosshair, as its own report would.
pub fn compare_segments(report: &AggregateReport, segments: &[String]) -> SegmentComparison {
    let groups: Vec<_> = segments
        .iter()
        .filter_map(|key| report.groups.iter().find(|g| &g.key == key))
        .collect();
    let elements = report
        .overall
        .elements
        .iter()
        .enumerate()
        .map(|(index, element)| {
            let scores: Vec<_> = groups
                .iter()
                .map(|g| g.summary.elements.get(index))
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
            ElementComparison {
                id: element.id.clone(),
                gaps,
                performance,
                quadrants,
                quadrant_differs: placed.len() > 1,
                best,
            }
        })
        .collect();
    SegmentComparison {
        segments: groups.iter().map(|g| g.key.clone()).collect(),
        responses: groups.iter().map(|g| g.summary.responses).collect(),
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
        let mut aggregation = Aggregation::new(&model, Filter::default(), Some(GroupBy::Region));
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

    #[test]
    fn until_the_user_picks_the_largest_segments_are_compared() {
        let survey = default_survey();
        let model = ScoringModel::new(&survey);
        let mut aggregation = Aggregation::new(&model, Filter::default(), Some(GroupBy::Region));
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
    fn with_no_pick_the_default_segments_are_chosen() {
        let survey = default_survey();
        let model = ScoringModel::new(&survey);
        let mut aggregation = Aggregation::new(&model, Filter::default(), Some(GroupBy::Region));
        for (i, region) in ["apac", "emea"].iter().enumerate() {
            let r = rated_response(&format!("r{i}"), region, &[("leads", 4, 2)]);
            aggregation.add_response(&model, &r).unwrap();
        }
        let report = aggregation.report(&model, CrosshairMode::DataCentred);
        assert_eq!(chosen_segments(&[], &report), ["apac", "emea"]);
        assert_eq!(chosen_segments(&["emea".into()], &report), ["emea"]);
    }
}
