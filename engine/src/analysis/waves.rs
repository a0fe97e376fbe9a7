//! Waves: the same survey answered again a year later. Is the program getting better?
//!
//! Each wave is scored on its own (its own crosshair, as its own report would place the
//! elements); the comparison gives each element's change and names the elements that moved
//! to another quadrant. An element only one wave has data for is listed, not compared.

use crate::scoring::aggregate::{
    Crosshair, CrosshairMode, ElementScore, Filter, Quadrant, Summary, Tally,
};
use crate::scoring::anonymity::{Threshold, Withheld};
use crate::scoring::model::{Row, ScoringModel};
use crate::scoring::overall::Nps;
use crate::scoring::significance::{adjust, welch, Tested};
use crate::survey::text::Side;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// Where an element stands in one wave.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Position {
    pub importance: f64,
    pub performance: f64,
    pub gap: f64,
    pub quadrant: Option<Quadrant>,
}

impl Position {
    fn of(score: &ElementScore) -> Option<Position> {
        Some(Position {
            importance: score.importance?,
            performance: score.performance?,
            gap: score.gap?,
            quadrant: score.quadrant,
        })
    }
}

/// One element in two waves.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ElementChange {
    pub id: String,
    pub earlier: Option<Position>,
    pub later: Option<Position>,
    /// The later wave's gaps against the earlier wave's (Welch), adjusted across the
    /// elements. None where either wave has fewer than two partners with both ratings.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gap_change: Option<Tested>,
}

/// Which waves have data for an element.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Presence {
    Both,
    EarlierOnly,
    LaterOnly,
    Neither,
}

impl ElementChange {
    pub fn presence(&self) -> Presence {
        match (self.earlier.is_some(), self.later.is_some()) {
            (true, true) => Presence::Both,
            (true, false) => Presence::EarlierOnly,
            (false, true) => Presence::LaterOnly,
            (false, false) => Presence::Neither,
        }
    }

    /// Later performance minus earlier; None unless both waves have the element.
    pub fn delta_performance(&self) -> Option<f64> {
        Some(self.later?.performance - self.earlier?.performance)
    }

    /// Later gap minus earlier: negative when the gap closed.
    pub fn delta_gap(&self) -> Option<f64> {
        Some(self.later?.gap - self.earlier?.gap)
    }

    /// The quadrants it left and entered, when it moved.
    /// The element changed quadrant and its gap changed by more than chance.
    pub fn move_holds_up(&self) -> bool {
        self.moved().is_some() && self.gap_change.is_some_and(|t| t.holds_up())
    }

    pub fn moved(&self) -> Option<(Quadrant, Quadrant)> {
        let from = self.earlier?.quadrant?;
        let to = self.later?.quadrant?;
        (from != to).then_some((from, to))
    }
}

/// Two waves side by side.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct WaveComparison {
    pub earlier_responses: u64,
    pub later_responses: u64,
    /// Each wave's Net Promoter Score, when the survey asks the recommendation question.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub earlier_nps: Option<Nps>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub later_nps: Option<Nps>,
    /// The later NPS against the earlier (Welch's test of the answers as +1, 0 and −1): a
    /// family of one test, so its adjusted p-value is its p-value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nps_change: Option<Tested>,
    pub earlier_crosshair: Crosshair,
    pub later_crosshair: Crosshair,
    pub elements: Vec<ElementChange>,
}

/// Compares two tallies of the same model, each against its own crosshair.
pub fn compare_waves(
    model: &ScoringModel,
    earlier: &Tally,
    later: &Tally,
    mode: CrosshairMode,
) -> WaveComparison {
    let before = Summary::of(model, earlier, mode, 0);
    let after = Summary::of(model, later, mode, 0);
    let elements = before
        .elements
        .iter()
        .zip(&after.elements)
        .map(|(b, a)| ElementChange {
            id: b.id.clone(),
            earlier: Position::of(b),
            later: Position::of(a),
            gap_change: welch(&a.sums.gap(), a.sums.n, &b.sums.gap(), b.sums.n).map(Tested::raw),
        })
        .collect::<Vec<_>>();
    let mut elements = elements;
    adjust(elements.iter_mut().filter_map(|e| e.gap_change.as_mut()));
    let nps = |tally: &Tally| {
        model.survey.recommend_id()?;
        Nps::of(tally.recommend)
    };
    let (earlier_nps, later_nps) = (nps(earlier), nps(later));
    let nps_change = earlier_nps
        .as_ref()
        .zip(later_nps.as_ref())
        .and_then(|(from, to)| to.change_since(from))
        .map(Tested::raw);
    WaveComparison {
        earlier_responses: earlier.responses,
        later_responses: later.responses,
        earlier_nps,
        later_nps,
        nps_change,
        earlier_crosshair: before.crosshair,
        later_crosshair: after.crosshair,
        elements,
    }
}

impl WaveComparison {
    /// The elements that changed quadrant, in survey order.
    pub fn movers(&self) -> impl Iterator<Item = (&ElementChange, Quadrant, Quadrant)> {
        self.elements
            .iter()
            .filter_map(|e| e.moved().map(|(from, to)| (e, from, to)))
    }

    /// The elements only one of the waves has data for.
    pub fn only(&self, presence: Presence) -> impl Iterator<Item = &ElementChange> {
        self.elements
            .iter()
            .filter(move |e| e.presence() == presence)
    }
}

/// The tally of one wave's partner answers that pass the filter (its wave and side aside);
/// withheld when they, or the partners of `rows` they leave out, are fewer than the threshold.
pub fn wave_tally(
    model: &ScoringModel,
    rows: &[Row],
    filter: &Filter,
    wave: &str,
    threshold: Threshold,
) -> Result<Tally, Withheld> {
    let mut filter = filter.clone();
    filter.wave = vec![wave.to_owned()];
    filter.side.clear();
    threshold.allows_view(rows, &filter)?;
    Ok(Tally::of_rows(model, rows, |keys| {
        keys.side == Side::Partner && filter.matches(keys)
    }))
}

/// The waves that partners' rows name, in order (the vendor's own answers are not a wave's).
pub fn partner_waves<'r>(rows: impl IntoIterator<Item = &'r Row>) -> Vec<String> {
    rows.into_iter()
        .filter(|row| row.keys.side == Side::Partner)
        .filter_map(|row| row.keys.wave.as_deref())
        .collect::<BTreeSet<&str>>()
        .into_iter()
        .map(str::to_owned)
        .collect()
}

/// The two waves compared, (earlier, later): the user's picks where they still exist, else
/// the latest wave, and for the earlier one, from the same data set, the newest wave before
/// the later one (else any other), or from another data set its latest. Waves are in order;
/// None when there is nothing to compare.
pub fn wave_pair(
    later_waves: &[String],
    earlier_waves: &[String],
    picked: (&str, &str),
    same_set: bool,
) -> Option<(String, String)> {
    let (picked_earlier, picked_later) = picked;
    let later = later_waves
        .iter()
        .find(|wave| *wave == picked_later)
        .or_else(|| later_waves.last())?
        .clone();
    let mut newest_first = earlier_waves.iter().rev();
    let earlier = match earlier_waves.iter().find(|wave| *wave == picked_earlier) {
        Some(picked) => picked,
        None if same_set => newest_first
            .clone()
            .find(|wave| **wave < later)
            .or_else(|| newest_first.find(|wave| **wave != later))?,
        None => earlier_waves.last()?,
    };
    Some((earlier.clone(), later))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answers::response::{Dimension, Response};
    use crate::default_survey;
    use crate::scoring::aggregate::Filter;
    use crate::scoring::model::Row;

    fn response(wave: &str, ratings: &[(&str, i32, i32)]) -> Response {
        let survey = default_survey();
        let mut response = Response::new(&survey);
        response.profile.wave = wave.into();
        for &(element, importance, performance) in ratings {
            response.rate(element, Dimension::Importance, Some(importance));
            response.rate(element, Dimension::Performance, Some(performance));
        }
        response
    }

    fn tally(model: &ScoringModel, rows: &[Row], wave: &str) -> Tally {
        let filter = Filter {
            wave: vec![wave.into()],
            ..Filter::default()
        };
        Tally::of_rows(model, rows, |keys| filter.matches(keys))
    }

    /// The 2025 wave of `responses` against their 2026 wave, data-centred.
    fn compare_2025_to_2026(model: &ScoringModel, responses: &[Response]) -> WaveComparison {
        let rows: Vec<Row> = responses.iter().map(|r| model.row(r)).collect();
        compare_waves(
            model,
            &tally(model, &rows, "2025"),
            &tally(model, &rows, "2026"),
            CrosshairMode::DataCentred,
        )
    }

    #[test]
    fn changes_and_quadrant_movers_by_hand() {
        let survey = default_survey();
        let model = ScoringModel::new(&survey);
        let responses = [
            // 2025: leads (5, 2), training (2, 4), ordering (4, 4), invoicing only here (1, 1).
            response(
                "2025",
                &[
                    ("leads", 5, 2),
                    ("training", 2, 4),
                    ("ordering", 4, 4),
                    ("invoicing", 1, 1),
                ],
            ),
            response(
                "2025",
                &[
                    ("leads", 5, 2),
                    ("training", 2, 4),
                    ("ordering", 4, 4),
                    ("invoicing", 1, 1),
                ],
            ),
            // 2026: leads (5, 5) and (5, 4), training (2, 2), ordering (4, 4), qbr only here.
            response(
                "2026",
                &[
                    ("leads", 5, 5),
                    ("training", 2, 2),
                    ("ordering", 4, 4),
                    ("qbr", 3, 3),
                ],
            ),
            response(
                "2026",
                &[
                    ("leads", 5, 4),
                    ("training", 2, 2),
                    ("ordering", 4, 4),
                    ("qbr", 3, 3),
                ],
            ),
        ];
        let comparison = compare_2025_to_2026(&model, &responses);
        assert_eq!(
            (comparison.earlier_responses, comparison.later_responses),
            (2, 2)
        );
        // 2025 crosshair: I (5+2+4+1)/4 = 3, P (2+4+4+1)/4 = 2.75.
        // 2026: I (5+2+4+3)/4 = 3.5, P (4.5+2+4+3)/4 = 3.375.
        assert_eq!(comparison.earlier_crosshair.importance, Some(3.0));
        assert_eq!(comparison.earlier_crosshair.performance, Some(2.75));
        assert_eq!(comparison.later_crosshair.importance, Some(3.5));
        assert_eq!(comparison.later_crosshair.performance, Some(3.375));
        let find = |id: &str| comparison.elements.iter().find(|e| e.id == id).unwrap();
        // Leads: P 2 -> 4.5 (+2.5); gap 3 -> 0.5 (-2.5); Concentrate here -> Keep up.
        let leads = find("leads");
        assert_eq!(leads.delta_performance(), Some(2.5));
        assert_eq!(leads.delta_gap(), Some(-2.5));
        assert_eq!(
            leads.moved(),
            Some((Quadrant::ConcentrateHere, Quadrant::KeepUpTheGoodWork))
        );
        // Training: P 4 -> 2 (-2); gap -2 -> 0 (+2); Possible overkill -> Low priority.
        let training = find("training");
        assert_eq!(
            (training.delta_performance(), training.delta_gap()),
            (Some(-2.0), Some(2.0))
        );
        assert_eq!(
            training.moved(),
            Some((Quadrant::PossibleOverkill, Quadrant::LowPriority))
        );
        // Ordering: (4, 4) both years; I 4 >= 3 and >= 3.5, P 4 >= 2.75 and >= 3.375: Keep up.
        assert_eq!(find("ordering").delta_performance(), Some(0.0));
        assert_eq!(find("ordering").moved(), None);
        let movers: Vec<&str> = comparison.movers().map(|(e, ..)| e.id.as_str()).collect();
        assert_eq!(movers, ["training", "leads"]);
        // Listed, not compared.
        let earlier: Vec<&str> = comparison
            .only(Presence::EarlierOnly)
            .map(|e| e.id.as_str())
            .collect();
        let later: Vec<&str> = comparison
            .only(Presence::LaterOnly)
            .map(|e| e.id.as_str())
            .collect();
        assert_eq!(
            (earlier.as_slice(), later.as_slice()),
            (["invoicing"].as_slice(), ["qbr"].as_slice())
        );
        assert_eq!(find("invoicing").delta_gap(), None);
        assert_eq!(find("invoicing").moved(), None);
    }

    #[test]
    fn the_nps_change_is_tested_as_one_family() {
        // Worked example 10: 2025 answers 10, 10, 9, 9, 9 (promoters), 8, 7 (passives), 6, 3,
        // 0 (detractors): NPS 20; 2026 answers 10 ×4, 9 ×4, 8, 7: NPS 80. Welch's p is 0.08386,
        // and with one test in the family the adjusted p is the same.
        let survey = default_survey();
        let model = ScoringModel::new(&survey);
        let recommend = survey.recommend_id().unwrap().to_owned();
        let answer = |wave: &str, likely: i32| {
            let mut r = response(wave, &[("leads", 3, 3)]);
            r.items.insert(recommend.clone(), likely);
            r
        };
        let responses: Vec<Response> = [10, 10, 9, 9, 9, 8, 7, 6, 3, 0]
            .map(|v| answer("2025", v))
            .into_iter()
            .chain([10, 10, 10, 10, 9, 9, 9, 9, 8, 7].map(|v| answer("2026", v)))
            .collect();
        let comparison = compare_2025_to_2026(&model, &responses);
        let (from, to) = (
            comparison.earlier_nps.unwrap(),
            comparison.later_nps.unwrap(),
        );
        assert_eq!((from.score, to.score), (20.0, 80.0));
        let change = comparison.nps_change.unwrap();
        assert!((change.p - 0.08386).abs() < 1e-4, "{change:?}");
        assert_eq!(change.adjusted, change.p);
        assert!(!change.holds_up());
    }

    #[test]
    fn the_default_pair_is_the_latest_wave_and_the_one_before_it() {
        let waves = |list: &[&str]| list.iter().map(|w| w.to_string()).collect::<Vec<_>>();
        let three = waves(&["2024", "2025", "2026"]);
        let pair = |earlier: &str, later: &str| Some((earlier.to_owned(), later.to_owned()));
        assert_eq!(
            wave_pair(&three, &three, ("", ""), true),
            pair("2025", "2026")
        );
        // A later wave picked by the user: the wave before it.
        assert_eq!(
            wave_pair(&three, &three, ("", "2025"), true),
            pair("2024", "2025")
        );
        // The earliest picked as the later one: nothing is before it, so the newest other.
        assert_eq!(
            wave_pair(&three, &three, ("", "2024"), true),
            pair("2026", "2024")
        );
        // Picks that no longer exist fall back to the defaults.
        assert_eq!(
            wave_pair(&three, &three, ("1999", "2030"), true),
            pair("2025", "2026")
        );
        assert_eq!(
            wave_pair(&three, &three, ("2024", "2026"), true),
            pair("2024", "2026")
        );
        // From another data set: its latest wave, even the same name.
        let other = waves(&["2025", "2026"]);
        assert_eq!(
            wave_pair(&three, &other, ("", ""), false),
            pair("2026", "2026")
        );
        // One wave in the set: it pairs with nothing.
        let one = waves(&["2026"]);
        assert_eq!(wave_pair(&one, &one, ("", ""), true), None);
        assert_eq!(wave_pair(&[], &three, ("", ""), false), None);
    }
}
