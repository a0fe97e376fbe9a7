//! What drives satisfaction: each element's derived importance (how its performance moves
//! with the overall satisfaction across partners) set against its stated importance (what
//! partners say matters). Elements are placed against the means of both, as a data-centred
//! crosshair places them in the gap chart (docs/scoring.md, "Derived importance").

use crate::scoring::aggregate::{Summary, TOLERANCE};
use crate::scoring::overall::{Driver, MeanScore, Nps};
use crate::scoring::stats::Interval;
use serde::{Deserialize, Serialize};

/// Fewer elements with a stable estimate than this make no map: a crosshair of two points
/// says nothing.
pub const MIN_MAPPED: usize = 3;

/// Where an element falls between what partners say and what moves their satisfaction.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DriverQuadrant {
    /// Said to matter, and moves satisfaction: the key drivers.
    KeyDriver,
    /// Said to matter, but moves satisfaction less than the others: expected, taken for granted.
    SaidNotShown,
    /// Said to matter less, but moves satisfaction more: the hidden drivers.
    Hidden,
    /// Neither.
    Secondary,
}

impl DriverQuadrant {
    /// In reading order of the chart (stated importance up, derived across): top left, top
    /// right, bottom left, bottom right.
    pub const ALL: [DriverQuadrant; 4] = [
        DriverQuadrant::SaidNotShown,
        DriverQuadrant::KeyDriver,
        DriverQuadrant::Secondary,
        DriverQuadrant::Hidden,
    ];

    /// On the crosshair counts as high.
    pub fn of(stated: f64, derived: f64, crosshair: (f64, f64)) -> DriverQuadrant {
        let said = stated >= crosshair.0 - TOLERANCE;
        let shown = derived >= crosshair.1 - TOLERANCE;
        match (said, shown) {
            (true, true) => DriverQuadrant::KeyDriver,
            (true, false) => DriverQuadrant::SaidNotShown,
            (false, true) => DriverQuadrant::Hidden,
            (false, false) => DriverQuadrant::Secondary,
        }
    }
}

/// One element on the map.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MappedDriver {
    pub id: String,
    /// Mean stated importance, on the survey scale.
    pub stated: f64,
    /// The correlation of performance with overall satisfaction.
    pub derived: f64,
    pub interval: Option<Interval>,
    pub n: u64,
    pub quadrant: DriverQuadrant,
}

/// Derived against stated importance, for the elements with a stable estimate.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DriverMap {
    /// The means of (stated, derived) over the mapped elements.
    pub crosshair: (f64, f64),
    pub elements: Vec<MappedDriver>,
    /// Elements left off for too few partners.
    pub unstable: Vec<String>,
}

impl DriverMap {
    /// The ids in one quadrant, strongest derived importance first.
    pub fn in_quadrant(&self, quadrant: DriverQuadrant) -> Vec<&MappedDriver> {
        let mut found: Vec<&MappedDriver> = self
            .elements
            .iter()
            .filter(|e| e.quadrant == quadrant)
            .collect();
        found.sort_by(|a, b| b.derived.total_cmp(&a.derived));
        found
    }
}

/// The map of a summary; None without an overall satisfaction question or with fewer than
/// `MIN_MAPPED` elements that have a stable estimate: too few partners to say.
pub fn driver_map(summary: &Summary) -> Option<DriverMap> {
    let drivers: &[Driver] = &summary.overall.as_ref()?.drivers;
    let mut unstable = Vec::new();
    let mut mapped = Vec::new();
    for (driver, element) in drivers.iter().zip(&summary.elements) {
        match (driver.stable, driver.correlation, element.importance) {
            (true, Some(derived), Some(stated)) => mapped.push((driver, stated, derived)),
            _ => unstable.push(driver.id.clone()),
        }
    }
    if mapped.len() < MIN_MAPPED {
        return None;
    }
    let count = mapped.len() as f64;
    let crosshair = (
        mapped.iter().map(|m| m.1).sum::<f64>() / count,
        mapped.iter().map(|m| m.2).sum::<f64>() / count,
    );
    Some(DriverMap {
        crosshair,
        elements: mapped
            .into_iter()
            .map(|(driver, stated, derived)| MappedDriver {
                id: driver.id.clone(),
                stated,
                derived,
                interval: driver.interval,
                n: driver.n,
                quadrant: DriverQuadrant::of(stated, derived, crosshair),
            })
            .collect(),
        unstable,
    })
}

/// One element in `partnerlens drivers` and the dashboard's download of it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DriverRow {
    pub id: String,
    pub stated_importance: Option<f64>,
    pub derived_importance: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub interval: Option<Interval>,
    pub n: u64,
    pub stable: bool,
    /// None for an element left off the map.
    pub quadrant: Option<DriverQuadrant>,
}

/// The NPS, the overall satisfaction and every element's derived importance.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DriversReport {
    pub responses: u64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nps: Option<Nps>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub satisfaction: Option<MeanScore>,
    /// The map's crosshair as (stated, derived); None when too few partners make no map.
    pub crosshair: Option<(f64, f64)>,
    pub elements: Vec<DriverRow>,
}

/// The drivers report of a summary; None without an overall section.
pub fn drivers_report(summary: &Summary) -> Option<DriversReport> {
    let overall = summary.overall.as_ref()?;
    let map = driver_map(summary);
    let quadrant = |id: &str| {
        let mapped = map.as_ref()?.elements.iter().find(|m| m.id == id)?;
        Some(mapped.quadrant)
    };
    Some(DriversReport {
        responses: summary.responses,
        nps: overall.nps.clone(),
        satisfaction: overall.satisfaction.clone(),
        crosshair: map.as_ref().map(|m| m.crosshair),
        elements: overall
            .drivers
            .iter()
            .zip(&summary.elements)
            .map(|(driver, element)| DriverRow {
                id: driver.id.clone(),
                stated_importance: element.importance,
                derived_importance: driver.correlation,
                interval: driver.interval,
                n: driver.n,
                stable: driver.stable,
                quadrant: quadrant(&driver.id),
            })
            .collect(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scoring::aggregate::{Aggregation, CrosshairMode, Filter};
    use crate::scoring::anonymity::Threshold;
    use crate::scoring::model::ScoringModel;
    use crate::{default_survey, rated_response};

    /// `count` partners: leads' performance runs 1..5 with satisfaction equal to it; training's
    /// performance is the reverse; ordering's is flat but for one partner. Importance: leads
    /// 2, training 5, ordering 4.
    fn planted(count: usize) -> Summary {
        let survey = default_survey();
        let model = ScoringModel::new(&survey);
        let mut aggregation =
            Aggregation::new(&model, Filter::default(), None).with_threshold(Threshold::NONE);
        for i in 0..count {
            let p = (i % 5) as i32 + 1;
            let ordering = if i == 0 { 4 } else { 3 };
            let mut r = rated_response(
                &format!("p{i}"),
                "emea",
                &[
                    ("leads", 2, p),
                    ("training", 5, 6 - p),
                    ("ordering", 4, ordering),
                ],
            );
            r.items.insert("overall-satisfaction".into(), p);
            aggregation.add_response(&model, &r).unwrap();
        }
        let report = aggregation.report(&model, CrosshairMode::DataCentred);
        report.overall.shown().cloned().unwrap()
    }

    #[test]
    fn a_planted_driver_is_found_and_named_against_what_partners_say() {
        let map = driver_map(&planted(40)).expect("40 partners make a map");
        let find = |id: &str| map.elements.iter().find(|e| e.id == id).unwrap();
        // Leads moves with satisfaction exactly (r = 1), training against it (r = −1).
        assert_eq!(find("leads").derived, 1.0);
        assert_eq!(find("training").derived, -1.0);
        // Ordering: one 4 among 3s, where satisfaction is 1. n = 40, Σx = 121, Σx² = 367,
        // Σy = 120, Σy² = 440, Σxy = 4 + 3 · 119 = 361: nΣxy − ΣxΣy = 14440 − 14520 = −80,
        // nΣx² − (Σx)² = 14680 − 14641 = 39, nΣy² − (Σy)² = 17600 − 14400 = 3200:
        // r = −80 / √124800 = −0.226455.
        let ordering = find("ordering").derived;
        assert!((ordering + 0.226_455).abs() < 1e-6, "{ordering}");
        // Stated: (2 + 5 + 4) / 3 = 11/3; derived: (1 − 1 − 0.226455) / 3 = −0.075485.
        assert!((map.crosshair.0 - 11.0 / 3.0).abs() < 1e-12);
        assert!((map.crosshair.1 + 0.075_485).abs() < 1e-6);
        assert_eq!(find("leads").quadrant, DriverQuadrant::Hidden);
        assert_eq!(find("training").quadrant, DriverQuadrant::SaidNotShown);
        assert_eq!(find("ordering").quadrant, DriverQuadrant::SaidNotShown);
        assert_eq!(map.in_quadrant(DriverQuadrant::Hidden)[0].id, "leads");
        // Every other element was rated by nobody: left off.
        assert_eq!(map.unstable.len(), 25);
    }

    #[test]
    fn too_few_partners_make_no_map() {
        // 29 partners: every estimate is below the 30 a stable one needs.
        assert_eq!(driver_map(&planted(29)), None);
        let summary = planted(29);
        let drivers = &summary.overall.as_ref().unwrap().drivers;
        assert!(drivers.iter().all(|d| !d.stable));
    }
}
