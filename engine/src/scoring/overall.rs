//! The overall section across many partners: the Net Promoter Score, the mean overall
//! satisfaction, and each element's derived importance (docs/scoring.md, "Overall section").

use crate::scoring::aggregate::Tally;
use crate::scoring::model::ScoringModel;
use crate::scoring::stats::{Interval, Sums, XySums};
use serde::{Deserialize, Serialize};

/// Below this many partners who rated an element's performance and gave their overall
/// satisfaction, its correlation is too unstable to report: with 30, the 95 % interval of a
/// correlation of 0.3 still runs from about −0.07 to 0.60.
pub const MIN_DRIVER_PAIRS: u64 = 30;

/// The Net Promoter Score: promoters (9-10) minus detractors (0-6), in percent of all who
/// answered, from −100 to 100.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Nps {
    pub n: u64,
    pub promoters: u64,
    pub passives: u64,
    pub detractors: u64,
    pub score: f64,
    /// The t-based 95 % interval of the score, each answer counting +100, 0 or −100.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub interval: Option<Interval>,
}

/// A mean on the survey scale with its 95 % interval.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MeanScore {
    pub n: u64,
    pub mean: f64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub interval: Option<Interval>,
}

/// One element's derived importance: the correlation, across partners, of its performance
/// with the overall satisfaction.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Driver {
    pub id: String,
    /// Partners who rated the element's performance and gave their satisfaction.
    pub n: u64,
    pub correlation: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub interval: Option<Interval>,
    /// False below `MIN_DRIVER_PAIRS`: the estimate is too unstable to report.
    pub stable: bool,
}

/// The overall section's scores for a group of partners.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OverallScore {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nps: Option<Nps>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub satisfaction: Option<MeanScore>,
    /// Per model element, in survey order; empty without a satisfaction question.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub drivers: Vec<Driver>,
}

impl Nps {
    /// From the counts of detractors, passives and promoters; None when nobody answered.
    pub fn of(counts: [u64; 3]) -> Option<Nps> {
        let [detractors, passives, promoters] = counts;
        let n = detractors + passives + promoters;
        if n == 0 {
            return None;
        }
        // Each answer as −1, 0 or 1: the sum is P − D and the sum of squares P + D.
        let net = promoters as i64 - detractors as i64;
        let sums = Sums {
            sum: net,
            squares: (promoters + detractors) as i64,
        };
        Some(Nps {
            n,
            promoters,
            passives,
            detractors,
            score: 100.0 * net as f64 / n as f64,
            interval: sums.interval(n).map(|i| Interval {
                low: 100.0 * i.low,
                high: 100.0 * i.high,
            }),
        })
    }
}

impl Driver {
    fn of(id: &str, sums: &XySums) -> Driver {
        Driver {
            id: id.to_owned(),
            n: sums.n,
            correlation: sums.pearson(),
            interval: sums.interval(),
            stable: sums.n >= MIN_DRIVER_PAIRS,
        }
    }
}

/// The overall section's scores of a tally; None when the survey has no overall section.
pub fn overall_score(model: &ScoringModel, tally: &Tally) -> Option<OverallScore> {
    let section = model.survey.sections.overall.as_ref()?;
    let satisfaction = section.satisfaction.as_ref().and_then(|_| {
        let n = tally.satisfaction_n;
        Some(MeanScore {
            n,
            mean: tally.satisfaction.mean(n)?,
            interval: tally.satisfaction.interval(n),
        })
    });
    Some(OverallScore {
        nps: section
            .recommend
            .as_ref()
            .and_then(|_| Nps::of(tally.recommend)),
        satisfaction,
        drivers: model
            .rated
            .iter()
            .zip(&tally.drivers)
            .map(|(entry, sums)| Driver::of(&entry.id, sums))
            .collect(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nps_by_hand() {
        // 10 answers: 5 promoters, 2 passives, 3 detractors: NPS = (5 − 3) / 10 = 20.
        // As −1/0/1: sum 2, squares 8; variance (8 − 4/10) / 9 = 0.84444, sd 0.918937;
        // t(0.975, 9) = 2.262157: half-width 2.262157 · 0.918937 / √10 = 0.657358,
        // so 20 ± 65.7358.
        let nps = Nps::of([3, 2, 5]).unwrap();
        assert_eq!((nps.n, nps.score), (10, 20.0));
        let interval = nps.interval.unwrap();
        assert!((interval.low + 45.7358).abs() < 1e-3, "{interval:?}");
        assert!((interval.high - 85.7358).abs() < 1e-3, "{interval:?}");
        assert_eq!(Nps::of([0, 0, 0]), None);
        assert_eq!(Nps::of([0, 0, 4]).unwrap().score, 100.0);
    }
}
