//! Small statistics over whole-number ratings, kept exact where it matters.
//!
//! Ratings are integers, so sums of ratings and of their squares are integers too. Keeping
//! them as `i64` makes aggregation exact: adding responses one at a time, all at once or in
//! any order gives the same bits.

use serde::{Deserialize, Serialize};

/// Running sums of one rated quantity pair (importance, performance).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PairSums {
    pub n: u64,
    pub importance: Sums,
    pub performance: Sums,
}

impl PairSums {
    pub fn add(&mut self, importance: i32, performance: i32) {
        self.n += 1;
        self.importance.add(importance);
        self.performance.add(performance);
    }

    pub fn merge(&mut self, other: &PairSums) {
        self.n += other.n;
        self.importance.merge(&other.importance);
        self.performance.merge(&other.performance);
    }
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
