//! Small statistics over whole-number ratings, kept exact where it matters.
//!
//! Ratings are integers, so sums of ratings and of their squares are integers too. Keeping
//! them as `i64` makes aggregation exact: adding responses one at a time, all at once or in
//! any order gives the same bits.

use crate::scoring::portable_math::{exp, ln};
use serde::{Deserialize, Serialize};

/// Running sums of one rated quantity pair (importance, performance).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PairSums {
    pub n: u64,
    pub importance: Sums,
    pub performance: Sums,
    /// Sum of importance times performance, for the gap's spread: one partner rates both, so
    /// the two are not independent.
    #[serde(default)]
    pub cross: i64,
}

impl PairSums {
    pub fn add(&mut self, importance: i32, performance: i32) {
        self.n += 1;
        self.importance.add(importance);
        self.performance.add(performance);
        self.cross += i64::from(importance) * i64::from(performance);
    }

    pub fn merge(&mut self, other: &PairSums) {
        self.n += other.n;
        self.importance.merge(&other.importance);
        self.performance.merge(&other.performance);
        self.cross += other.cross;
    }

    /// The sums of the ratings in `self` that are not in `part` (a segment's, of the whole):
    /// the rest of the partners, exact like the rest.
    pub fn without(&self, part: &PairSums) -> PairSums {
        let less = |a: &Sums, b: &Sums| Sums {
            sum: a.sum - b.sum,
            squares: a.squares - b.squares,
        };
        PairSums {
            n: self.n.saturating_sub(part.n),
            importance: less(&self.importance, &part.importance),
            performance: less(&self.performance, &part.performance),
            cross: self.cross - part.cross,
        }
    }

    /// The sums of each partner's gap (importance minus performance), exact like the rest:
    /// Σ(I−P) = ΣI − ΣP and Σ(I−P)² = ΣI² + ΣP² − 2ΣIP.
    pub fn gap(&self) -> Sums {
        Sums {
            sum: self.importance.sum - self.performance.sum,
            squares: self.importance.squares + self.performance.squares - 2 * self.cross,
        }
    }
}

/// A 95 % confidence interval of a mean.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Interval {
    pub low: f64,
    pub high: f64,
}

impl Interval {
    /// Whether `value` lies inside, ends included.
    pub fn contains(&self, value: f64) -> bool {
        self.low <= value && value <= self.high
    }
}

/// t(0.975, df) for df = 1 to 30, to twelve decimals: the root of P(|T| ≥ t) = 0.05 found by
/// bisection on `portable_math::t_two_sided_p`, which agrees with R's `qt(0.975, df)`.
pub(crate) const T_975: [f64; 30] = [
    12.706_204_736_175,
    4.302_652_729_749,
    3.182_446_305_284,
    2.776_445_105_198,
    2.570_581_835_636,
    2.446_911_851_145,
    2.364_624_251_593,
    2.306_004_135_204,
    2.262_157_162_798,
    2.228_138_851_986,
    2.200_985_160_092,
    2.178_812_829_667,
    2.160_368_656_463,
    2.144_786_687_918,
    2.131_449_545_560,
    2.119_905_299_221,
    2.109_815_577_833,
    2.100_922_040_241,
    2.093_024_054_408,
    2.085_963_447_266,
    2.079_613_844_728,
    2.073_873_067_904,
    2.068_657_610_419,
    2.063_898_561_628,
    2.059_538_552_753,
    2.055_529_438_643,
    2.051_830_516_480,
    2.048_407_141_795,
    2.045_229_642_133,
    2.042_272_456_301,
];

/// The two-sided 95 % critical value of Student's t with `df` (whole) degrees of freedom:
/// the table up to 30, then the Cornish-Fisher expansion around the normal quantile (Abramowitz
/// and Stegun 26.7.5), within 3e-8 from 31 on. Only arithmetic, so the browser and the CLI get
/// the same bits, and the dashboard's CSV is the CLI's byte for byte.
pub fn t_critical(df: u64) -> f64 {
    if let Some(&t) = usize::try_from(df)
        .ok()
        .and_then(|df| df.checked_sub(1))
        .and_then(|i| T_975.get(i))
    {
        return t;
    }
    let z = Z_975;
    let v = df as f64;
    let (z2, z3) = (z * z, z * z * z);
    let (z5, z7) = (z3 * z2, z3 * z2 * z2);
    let z9 = z7 * z2;
    z + (z3 + z) / (4.0 * v)
        + (5.0 * z5 + 16.0 * z3 + 3.0 * z) / (96.0 * v * v)
        + (3.0 * z7 + 19.0 * z5 + 17.0 * z3 - 15.0 * z) / (384.0 * v * v * v)
        + (79.0 * z9 + 776.0 * z7 + 1482.0 * z5 - 1920.0 * z3 - 945.0 * z)
            / (92_160.0 * v * v * v * v)
}

/// Sum and sum of squares of whole numbers.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sums {
    pub sum: i64,
    pub squares: i64,
}

impl Sums {
    pub fn add(&mut self, value: i32) {
        let value = i64::from(value);
        self.sum += value;
        self.squares += value * value;
    }

    pub fn merge(&mut self, other: &Sums) {
        self.sum += other.sum;
        self.squares += other.squares;
    }

    /// Mean of `n` values; None when there are none.
    pub fn mean(&self, n: u64) -> Option<f64> {
        (n > 0).then(|| self.sum as f64 / n as f64)
    }

    /// The t-based 95 % confidence interval of the mean of `n` values: mean ± t(0.975, n − 1)
    /// · sd / √n. None when n < 2, where the spread is unknown.
    pub fn interval(&self, n: u64) -> Option<Interval> {
        let (mean, sd) = (self.mean(n)?, self.sd(n)?);
        let half = t_critical(n - 1) * sd / (n as f64).sqrt();
        Some(Interval {
            low: mean - half,
            high: mean + half,
        })
    }

    /// Sample standard deviation (n - 1); None when n < 2.
    pub fn sd(&self, n: u64) -> Option<f64> {
        if n < 2 {
            return None;
        }
        let (n, sum, squares) = (n as f64, self.sum as f64, self.squares as f64);
        // Exact integer inputs; clamp the tiny negative rounding of a zero variance.
        let variance = ((squares - sum * sum / n) / (n - 1.0)).max(0.0);
        Some(variance.sqrt())
    }
}

/// Exact sums of two answers one partner gives together (an element's performance, x, and
/// the overall satisfaction, y), for their correlation across partners.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct XySums {
    pub n: u64,
    pub x: Sums,
    pub y: Sums,
    pub cross: i64,
}

impl XySums {
    pub fn add(&mut self, x: i32, y: i32) {
        self.n += 1;
        self.x.add(x);
        self.y.add(y);
        self.cross += i64::from(x) * i64::from(y);
    }

    pub fn merge(&mut self, other: &XySums) {
        self.n += other.n;
        self.x.merge(&other.x);
        self.y.merge(&other.y);
        self.cross += other.cross;
    }

    /// Pearson's r from the exact sums: (nΣxy − ΣxΣy) / √((nΣx² − (Σx)²)(nΣy² − (Σy)²)), the
    /// three differences exact in whole numbers. None below 3 pairs or when either side never
    /// varies.
    pub fn pearson(&self) -> Option<f64> {
        if self.n < 3 {
            return None;
        }
        let n = i128::from(self.n);
        let spread = |s: &Sums| n * i128::from(s.squares) - i128::from(s.sum) * i128::from(s.sum);
        let (sxx, syy) = (spread(&self.x), spread(&self.y));
        let sxy = n * i128::from(self.cross) - i128::from(self.x.sum) * i128::from(self.y.sum);
        if sxx <= 0 || syy <= 0 {
            return None;
        }
        Some((sxy as f64 / ((sxx as f64) * (syy as f64)).sqrt()).clamp(-1.0, 1.0))
    }

    /// The 95 % confidence interval of the correlation by Fisher's z: atanh r ± 1.96 / √(n − 3),
    /// back through tanh. None below 4 pairs; a perfect correlation is its own interval.
    pub fn interval(&self) -> Option<Interval> {
        let r = self.pearson()?;
        if self.n < 4 {
            return None;
        }
        if r.abs() >= 1.0 {
            return Some(Interval { low: r, high: r });
        }
        let z = 0.5 * ln((1.0 + r) / (1.0 - r));
        let half = Z_975 / ((self.n - 3) as f64).sqrt();
        let tanh = |z: f64| {
            let e = exp(2.0 * z);
            (e - 1.0) / (e + 1.0)
        };
        Some(Interval {
            low: tanh(z - half),
            high: tanh(z + half),
        })
    }
}

/// The normal distribution's two-sided 95 % critical value.
pub const Z_975: f64 = 1.959_963_984_540_054;

/// Weighted mean of (value, weight) pairs; None when the weights add up to nothing.
pub fn weighted_mean(pairs: impl Iterator<Item = (f64, f64)>) -> Option<f64> {
    let (total, weights) = pairs.fold((0.0, 0.0), |(total, weights), (value, weight)| {
        (total + value * weight, weights + weight)
    });
    (weights > 0.0).then(|| total / weights)
}

/// Ranks from 1, ties sharing the average of their positions.
pub fn average_ranks(values: &[f64]) -> Vec<f64> {
    let mut order: Vec<usize> = (0..values.len()).collect();
    order.sort_by(|&a, &b| values[a].total_cmp(&values[b]));
    let mut ranks = vec![0.0; values.len()];
    let mut start = 0;
    while start < order.len() {
        let mut end = start + 1;
        while end < order.len() && values[order[end]] == values[order[start]] {
            end += 1;
        }
        // Positions start..end (0-based) share the mean of ranks start+1..=end.
        let rank = (start + 1 + end) as f64 / 2.0;
        for &i in &order[start..end] {
            ranks[i] = rank;
        }
        start = end;
    }
    ranks
}

/// Pearson correlation; None with fewer than 2 pairs or when either side is constant.
pub fn pearson(x: &[f64], y: &[f64]) -> Option<f64> {
    let n = x.len().min(y.len());
    if n < 2 {
        return None;
    }
    let mean = |v: &[f64]| v[..n].iter().sum::<f64>() / n as f64;
    let (mx, my) = (mean(x), mean(y));
    let (mut sxy, mut sxx, mut syy) = (0.0, 0.0, 0.0);
    for i in 0..n {
        let (dx, dy) = (x[i] - mx, y[i] - my);
        sxy += dx * dy;
        sxx += dx * dx;
        syy += dy * dy;
    }
    if sxx <= 0.0 || syy <= 0.0 {
        return None;
    }
    Some((sxy / (sxx * syy).sqrt()).clamp(-1.0, 1.0))
}

/// Spearman's rank correlation: Pearson on average ranks.
pub fn spearman(x: &[f64], y: &[f64]) -> Option<f64> {
    pearson(&average_ranks(x), &average_ranks(y))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn correlation_and_its_interval_by_hand() {
        // (1,2), (2,1), (3,4), (4,3), (5,5): Σx = Σy = 15, Σx² = Σy² = 55, Σxy = 2+2+12+12+25
        // = 53; n = 5: sxy = 265 − 225 = 40, sxx = syy = 275 − 225 = 50: r = 40/50 = 0.8.
        let mut sums = XySums::default();
        for (x, y) in [(1, 2), (2, 1), (3, 4), (4, 3), (5, 5)] {
            sums.add(x, y);
        }
        assert_eq!(sums.pearson(), Some(0.8));
        // z = atanh 0.8 = ½ ln 9 = 1.0986123; ± 1.959964 / √2 = 1.3859038: from −0.2872915
        // to 2.4845161. tanh by its series, x − x³/3 + 2x⁵/15 − 17x⁷/315: −0.2796397; by
        // (e^2z − 1)/(e^2z + 1) with e^4.9690322 = 143.888: 0.986196.
        let interval = sums.interval().unwrap();
        assert!((interval.low + 0.279_640).abs() < 1e-5, "{interval:?}");
        assert!((interval.high - 0.986_196).abs() < 1e-5, "{interval:?}");
        let mut flat = XySums::default();
        for x in 1..=4 {
            flat.add(x, 3);
        }
        assert_eq!(flat.pearson(), None, "satisfaction never varies");
    }

    #[test]
    fn mean_and_sample_sd_by_hand() {
        // 2, 4, 4, 5: mean 15/4 = 3.75; squares 4+16+16+25 = 61;
        // variance (61 - 225/4) / 3 = 4.75 / 3 = 1.58333; sd = 1.25831.
        let mut sums = Sums::default();
        for v in [2, 4, 4, 5] {
            sums.add(v);
        }
        assert_eq!(sums.mean(4), Some(3.75));
        assert!((sums.sd(4).unwrap() - 1.258_305_739).abs() < 1e-9);
        assert_eq!(sums.sd(1), None);
        assert_eq!(Sums::default().mean(0), None);
    }

    #[test]
    fn t_critical_values_match_the_printed_table() {
        // Two-sided 95 %, from any t table.
        for (df, t) in [
            (1, 12.706),
            (3, 3.182),
            (10, 2.228),
            (30, 2.042),
            (31, 2.040),
            (40, 2.021),
            (60, 2.000),
            (120, 1.980),
        ] {
            assert!(
                (t_critical(df) - t).abs() < 5e-4,
                "df {df}: {}",
                t_critical(df)
            );
        }
    }

    /// docs/scoring.md, "Confidence intervals": four partners rate one element.
    #[test]
    fn intervals_of_the_worked_example_by_hand() {
        let mut pair = PairSums::default();
        for (i, p) in [(5, 2), (4, 3), (4, 3), (3, 4)] {
            pair.add(i, p);
        }
        // Importance 5, 4, 4, 3: mean 4, squared deviations 1+0+0+1 = 2, variance 2/3,
        // sd 0.81650, standard error 0.40825; t(0.975, 3) = 3.18245, half-width 1.29924.
        let importance = pair.importance.interval(4).unwrap();
        assert!((importance.low - 2.700_76).abs() < 1e-4, "{importance:?}");
        assert!((importance.high - 5.299_24).abs() < 1e-4, "{importance:?}");
        // Performance 2, 3, 3, 4: mean 3, the same spread.
        let performance = pair.performance.interval(4).unwrap();
        assert!((performance.low - 1.700_76).abs() < 1e-4, "{performance:?}");
        // Gaps 3, 1, 1, -1: mean 1, squared deviations 4+0+0+4 = 8, variance 8/3, sd 1.63299,
        // standard error 0.81650, half-width 2.59848: wider than either rating's, as partners
        // who rate it more important rate it lower.
        let gap = pair.gap().interval(4).unwrap();
        assert!((gap.low - -1.598_48).abs() < 1e-4, "{gap:?}");
        assert!((gap.high - 3.598_48).abs() < 1e-4, "{gap:?}");
        assert_eq!(pair.gap().mean(4), Some(1.0));
        // One rating has no spread to speak of.
        assert_eq!(Sums::default().interval(1), None);
    }

    #[test]
    fn ties_share_the_average_rank() {
        assert_eq!(
            average_ranks(&[10.0, 20.0, 20.0, 5.0]),
            [2.0, 3.5, 3.5, 1.0]
        );
    }

    #[test]
    fn spearman_by_hand() {
        // Same order: 1. Reversed: -1. A constant side: undefined.
        assert_eq!(spearman(&[1.0, 2.0, 3.0], &[10.0, 20.0, 30.0]), Some(1.0));
        assert_eq!(spearman(&[1.0, 2.0, 3.0], &[3.0, 2.0, 1.0]), Some(-1.0));
        assert_eq!(spearman(&[1.0, 2.0, 3.0], &[2.0, 2.0, 2.0]), None);
        assert_eq!(spearman(&[1.0], &[1.0]), None);
        // x ranks 1,2,3,4; y = 1,3,2,4 -> d^2 = 0+1+1+0 = 2; rho = 1 - 6*2/(4*15) = 0.8.
        let rho = spearman(&[1.0, 2.0, 3.0, 4.0], &[1.0, 3.0, 2.0, 4.0]).unwrap();
        assert!((rho - 0.8).abs() < 1e-12);
    }

    #[test]
    fn weighted_mean_ignores_zero_weights_and_is_none_without_weight() {
        assert_eq!(
            weighted_mean([(4.0, 1.0), (2.0, 3.0)].into_iter()),
            Some(2.5)
        );
        assert_eq!(weighted_mean([(4.0, 0.0)].into_iter()), None);
        assert_eq!(weighted_mean(std::iter::empty()), None);
    }
}
