//! Which differences between groups of partners hold up: Welch's t-test of two means, and the
//! Benjamini-Hochberg correction across the many tests a comparison makes
//! (docs/scoring.md, "Significance").

use super::portable_math::t_two_sided_p;
use super::stats::Sums;
use serde::{Deserialize, Serialize};

/// The false discovery rate a comparison allows: a difference holds up when its adjusted
/// p-value is below this.
pub const FDR: f64 = 0.05;

/// Welch's t-test of two groups' means.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Welch {
    /// The first group's mean minus the second's.
    pub difference: f64,
    pub t: f64,
    /// Welch-Satterthwaite degrees of freedom (not a whole number in general).
    pub df: f64,
    /// Two-sided p-value.
    pub p: f64,
}

/// Welch's t-test of group `a` (`na` values) against group `b` (`nb` values), from their
/// sums. None when either group has fewer than two values, or neither varies (every value
/// the same in both: there is no spread to measure a difference against).
pub fn welch(a: &Sums, na: u64, b: &Sums, nb: u64) -> Option<Welch> {
    let (ma, mb) = (a.mean(na)?, b.mean(nb)?);
    let (sa, sb) = (a.sd(na)?, b.sd(nb)?);
    let (va, vb) = (sa * sa / na as f64, sb * sb / nb as f64);
    let se2 = va + vb;
    if se2 <= 0.0 {
        return None;
    }
    let t = (ma - mb) / se2.sqrt();
    let df = se2 * se2 / (va * va / (na - 1) as f64 + vb * vb / (nb - 1) as f64);
    Some(Welch {
        difference: ma - mb,
        t,
        df,
        p: t_two_sided_p(t, df),
    })
}

/// A difference tested: its p-value, and the p-value adjusted for the other tests of the same
/// comparison (Benjamini-Hochberg).
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Tested {
    pub p: f64,
    pub adjusted: f64,
}

impl Tested {
    /// A test not yet adjusted (`adjust` fills that in).
    pub fn raw(test: Welch) -> Tested {
        Tested {
            p: test.p,
            adjusted: test.p,
        }
    }

    /// The difference is more than chance, at the comparison's false discovery rate.
    pub fn holds_up(&self) -> bool {
        self.adjusted < FDR
    }
}

/// Fills in the adjusted p-values of `tests`, one family, from their raw ones.
pub fn adjust<'t>(tests: impl Iterator<Item = &'t mut Tested>) {
    let mut tests: Vec<&mut Tested> = tests.collect();
    let p: Vec<f64> = tests.iter().map(|t| t.p).collect();
    for (test, adjusted) in tests.iter_mut().zip(benjamini_hochberg(&p)) {
        test.adjusted = adjusted;
    }
}

/// Benjamini-Hochberg adjusted p-values, in the order given: the i-th smallest of m becomes
/// min over j ≥ i of p_(j) · m / j, at most 1. A test whose adjusted value is below the false
/// discovery rate holds up.
pub fn benjamini_hochberg(p: &[f64]) -> Vec<f64> {
    let m = p.len();
    let mut order: Vec<usize> = (0..m).collect();
    order.sort_by(|&a, &b| p[a].total_cmp(&p[b]));
    let mut adjusted = vec![0.0; m];
    let mut running = 1.0f64;
    for (rank, &i) in order.iter().enumerate().rev() {
        running = running.min(p[i] * m as f64 / (rank + 1) as f64);
        adjusted[i] = running.min(1.0);
    }
    adjusted
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sums(values: &[i32]) -> Sums {
        let mut sums = Sums::default();
        for &v in values {
            sums.add(v);
        }
        sums
    }

    /// docs/scoring.md, worked example 6.
    #[test]
    fn welch_by_hand() {
        // EMEA 5, 4, 5, 4, 5, 4: mean 4.5, squared deviations 6 × 0.25 = 1.5, variance 0.3,
        // variance of the mean 0.3 / 6 = 0.05. The rest 3, 4, 2, 3: mean 3, squared deviations
        // 0 + 1 + 1 + 0 = 2, variance 2/3, variance of the mean 1/6.
        // se² = 0.05 + 0.16667 = 0.21667, se = 0.46547; t = 1.5 / 0.46547 = 3.22252.
        // df = 0.21667² / (0.05² / 5 + 0.16667² / 3) = 0.046944 / 0.0097593 = 4.81025.
        let test = welch(&sums(&[5, 4, 5, 4, 5, 4]), 6, &sums(&[3, 4, 2, 3]), 4).unwrap();
        assert!((test.difference - 1.5).abs() < 1e-12);
        assert!((test.t - 3.222_52).abs() < 1e-4, "{test:?}");
        assert!((test.df - 4.810_25).abs() < 1e-4, "{test:?}");
        // The t distribution with 4.81025 degrees of freedom, integrated numerically: p =
        // 0.024728, between the values for 4 degrees (0.032203) and for 5 (0.023400).
        assert!((test.p - 0.024_728).abs() < 1e-5, "{test:?}");
        // One value, or no spread at all, tests nothing.
        assert_eq!(welch(&sums(&[5]), 1, &sums(&[3, 4]), 2), None);
        assert_eq!(welch(&sums(&[4, 4]), 2, &sums(&[4, 4, 4]), 3), None);
    }

    /// docs/scoring.md, worked example 6: four p-values, adjusted by hand.
    #[test]
    fn benjamini_hochberg_by_hand() {
        // Sorted 0.01, 0.02, 0.03, 0.20 with m = 4: 0.04, 0.04, 0.04, 0.20 (each the smallest
        // of p · 4 / rank from its rank up).
        let adjusted = benjamini_hochberg(&[0.03, 0.20, 0.01, 0.02]);
        let expected = [0.04, 0.20, 0.04, 0.04];
        for (a, e) in adjusted.iter().zip(expected) {
            assert!((a - e).abs() < 1e-12, "{adjusted:?}");
        }
        assert!(benjamini_hochberg(&[]).is_empty());
        assert_eq!(benjamini_hochberg(&[0.9, 0.8]), [0.9, 0.9]);
    }
}
