//! The overall section across many partners: the Net Promoter Score, the mean overall
//! satisfaction, and each element's derived importance (docs/scoring.md, "Overall section").

use crate::scoring::aggregate::Tally;
use crate::scoring::model::ScoringModel;
use crate::scoring::significance::{welch, Welch};
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
        let sums = answer_sums(promoters, detractors);
        Some(Nps {
            n,
            promoters,
            passives,
            detractors,
            score: 100.0 * sums.sum as f64 / n as f64,
            interval: sums.interval(n).map(|i| Interval {
                low: 100.0 * i.low,
                high: 100.0 * i.high,
            }),
        })
    }

    /// This NPS against an `earlier` one: Welch's test of the answers as +1, 0 and −1, its
    /// difference in those units (a hundredth of the scores' difference). None when either
    /// has fewer than two answers, or neither varies.
    pub fn change_since(&self, earlier: &Nps) -> Option<Welch> {
        let sums = |nps: &Nps| answer_sums(nps.promoters, nps.detractors);
        welch(&sums(self), self.n, &sums(earlier), earlier.n)
    }
}

/// Each answer as +1 (promoter), 0 or −1 (detractor): the sum is P − D and the sum of squares
/// P + D.
fn answer_sums(promoters: u64, detractors: u64) -> Sums {
    Sums {
        sum: promoters as i64 - detractors as i64,
        squares: (promoters + detractors) as i64,
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

    #[test]
    fn an_nps_change_by_hand() {
        // docs/scoring.md, worked example 10. Earlier: 5 promoters, 2 passives, 3 detractors
        // (NPS 20; mean 0.2, variance 0.844444). Later: 8, 2, 0 (NPS 80; sum 8, squares 8,
        // mean 0.8, variance (8 − 64/10) / 9 = 0.177778). Squared standard errors 0.0844444
        // and 0.0177778, together 0.102222 (se 0.319722); t = 0.6 / 0.319722 = 1.876630;
        // df = 0.102222² / ((0.0844444² + 0.0177778²) / 9) = 12.6286; two-sided p = 0.08386
        // (the t density integrated numerically, apart from this code).
        let earlier = Nps::of([3, 2, 5]).unwrap();
        let later = Nps::of([0, 2, 8]).unwrap();
        let test = later.change_since(&earlier).unwrap();
        assert!((test.difference - 0.6).abs() < 1e-12, "{test:?}");
        assert!((test.t - 1.876630).abs() < 1e-5, "{test:?}");
        assert!((test.df - 12.6286).abs() < 1e-3, "{test:?}");
        assert!((test.p - 0.08386).abs() < 1e-4, "{test:?}");
        // Taken the other way, the same test with the sign turned.
        let back = earlier.change_since(&later).unwrap();
        assert!((back.t + test.t).abs() < 1e-12 && (back.p - test.p).abs() < 1e-12);
        // A hundred answers each, 30/40/30 then 50/30/20 (NPS 0 then 30): variances
        // 60/99 = 0.606061 and 61/99 = 0.616162; t = 0.3 / √(0.0122222) = 2.713602;
        // df = 197.986; p = 0.007242.
        let (from, to) = (
            Nps::of([30, 40, 30]).unwrap(),
            Nps::of([20, 30, 50]).unwrap(),
        );
        let test = to.change_since(&from).unwrap();
        assert!((test.t - 2.713602).abs() < 1e-5, "{test:?}");
        assert!((test.df - 197.986).abs() < 1e-3, "{test:?}");
        assert!((test.p - 0.007242).abs() < 1e-5, "{test:?}");
        // One answer, or no spread in either wave: nothing to test.
        assert!(Nps::of([0, 0, 1]).unwrap().change_since(&from).is_none());
        assert!(Nps::of([0, 0, 4])
            .unwrap()
            .change_since(&Nps::of([0, 3, 0]).unwrap())
            .is_none());
    }
}
