//! The logarithm, the exponential, the log-gamma function and the regularized incomplete beta
//! function, written with plain arithmetic and `sqrt` only. The platform's `ln` and `exp` may
//! differ in the last bit between wasm and the host, and then the dashboard's CSV would not
//! be the CLI's byte for byte; IEEE 754 makes +, −, ×, ÷ and √ give the same bits everywhere.

const LN_2: f64 = std::f64::consts::LN_2;

/// The natural logarithm of a positive, finite `x` (NaN otherwise).
pub fn ln(x: f64) -> f64 {
    if x.is_nan() || x <= 0.0 || x.is_infinite() {
        return f64::NAN;
    }
    // x = m · 2^e with m in [1, 2), then m moved into [√½, √2) so that s below stays small.
    let mut x = x;
    let mut e = 0i32;
    if x < f64::MIN_POSITIVE {
        // Subnormal: scale into the normal range first.
        x *= 2f64.powi(54);
        e -= 54;
    }
    let bits = x.to_bits();
    e += ((bits >> 52) & 0x7ff) as i32 - 1023;
    let mut m = f64::from_bits((bits & 0x000f_ffff_ffff_ffff) | 0x3ff0_0000_0000_0000);
    if m > std::f64::consts::SQRT_2 {
        m /= 2.0;
        e += 1;
    }
    // ln m = 2 atanh s with s = (m − 1)/(m + 1), |s| < 0.172: the series
    // 2 (s + s³/3 + s⁵/5 + …) is within 1e-17 after 14 terms.
    let s = (m - 1.0) / (m + 1.0);
    let s2 = s * s;
    let mut term = s;
    let mut sum = 0.0;
    for k in 0..14 {
        sum += term / f64::from(2 * k + 1);
        term *= s2;
    }
    2.0 * sum + f64::from(e) * LN_2
}

/// e^x; 0 far below and infinity far above the range of `f64`.
pub fn exp(x: f64) -> f64 {
    if x.is_nan() {
        return x;
    }
    if x > 709.7 {
        return f64::INFINITY;
    }
    if x < -745.0 {
        return 0.0;
    }
    // x = k ln 2 + r with |r| ≤ ln 2 / 2; e^r by its Taylor series (within 1e-17 after 20
    // terms), then 2^k by halving steps so that results near the bottom of the range stay
    // right.
    // ln 2 in two parts (Cody and Waite): k · LN2_HI is exact for the k that reach here, so
    // r keeps its precision even for x near ±700.
    const LN2_HI: f64 = f64::from_bits(0x3fe6_2e42_fee0_0000);
    const LN2_LO: f64 = f64::from_bits(0x3dea_39ef_3579_3c76);
    let k = (x / LN_2).round();
    let r = (x - k * LN2_HI) - k * LN2_LO;
    let mut term = 1.0;
    let mut sum = 1.0;
    for n in 1..20 {
        term *= r / f64::from(n);
        sum += term;
    }
    let mut k = k as i32;
    let mut result = sum;
    while k > 0 {
        let step = k.min(1000);
        result *= 2f64.powi(step);
        k -= step;
    }
    while k < 0 {
        let step = k.max(-1000);
        result *= 2f64.powi(step);
        k -= step;
    }
    result
}

/// ln Γ(x) for x > 0: the Lanczos approximation (g = 7, nine coefficients), good to about
/// 1e-15 relative.
pub fn ln_gamma(x: f64) -> f64 {
    const G: f64 = 7.0;
    const C: [f64; 9] = [
        0.999_999_999_999_809_9,
        676.520_368_121_885_1,
        -1_259.139_216_722_402_8,
        771.323_428_777_653_1,
        -176.615_029_162_140_6,
        12.507_343_278_686_905,
        -0.138_571_095_265_720_12,
        9.984_369_578_019_572e-6,
        1.505_632_735_149_311_6e-7,
    ];
    if x < 0.5 {
        // Reflection: Γ(x) Γ(1 − x) = π / sin(πx); only x in (0, 0.5) reaches here, where
        // sin is positive. sin by its series, which is plain arithmetic too.
        let pi = std::f64::consts::PI;
        return ln(pi / sin(pi * x)) - ln_gamma(1.0 - x);
    }
    let x = x - 1.0;
    let mut a = C[0];
    let t = x + G + 0.5;
    for (i, c) in C.iter().enumerate().skip(1) {
        a += c / (x + i as f64);
    }
    0.5 * ln(2.0 * std::f64::consts::PI) + (x + 0.5) * ln(t) - t + ln(a)
}

/// sin x for x in [0, π/2]: its Taylor series, within 1e-17 after 12 terms.
fn sin(x: f64) -> f64 {
    let x2 = x * x;
    let mut term = x;
    let mut sum = x;
    for n in 1..12 {
        term *= -x2 / f64::from((2 * n) * (2 * n + 1));
        sum += term;
    }
    sum
}

/// The regularized incomplete beta function I_x(a, b) for a, b > 0 and x in [0, 1], by its
/// continued fraction (Lentz's method, as in Numerical Recipes §6.4).
pub fn incomplete_beta(a: f64, b: f64, x: f64) -> f64 {
    if x <= 0.0 {
        return 0.0;
    }
    if x >= 1.0 {
        return 1.0;
    }
    let front = exp(ln_gamma(a + b) - ln_gamma(a) - ln_gamma(b) + a * ln(x) + b * ln(1.0 - x));
    // The fraction converges fast for x below (a + 1)/(a + b + 2); above, use the symmetry
    // I_x(a, b) = 1 − I_{1−x}(b, a).
    if x < (a + 1.0) / (a + b + 2.0) {
        front * beta_fraction(a, b, x) / a
    } else {
        1.0 - front * beta_fraction(b, a, 1.0 - x) / b
    }
}

fn beta_fraction(a: f64, b: f64, x: f64) -> f64 {
    const TINY: f64 = 1e-300;
    let away_from_zero = |v: f64| if v.abs() < TINY { TINY } else { v };
    let (qab, qap, qam) = (a + b, a + 1.0, a - 1.0);
    let mut c = 1.0;
    let mut d = 1.0 / away_from_zero(1.0 - qab * x / qap);
    let mut h = d;
    // One term of the fraction: updates c and d, and returns the factor h takes.
    let term = |aa: f64, c: &mut f64, d: &mut f64| {
        *d = 1.0 / away_from_zero(1.0 + aa * *d);
        *c = away_from_zero(1.0 + aa / *c);
        *d * *c
    };
    for m in 1..300 {
        let m = f64::from(m);
        let m2 = 2.0 * m;
        h *= term(m * (b - m) * x / ((qam + m2) * (a + m2)), &mut c, &mut d);
        let step = term(
            -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2)),
            &mut c,
            &mut d,
        );
        h *= step;
        if (step - 1.0).abs() < 1e-15 {
            break;
        }
    }
    h
}

/// The two-sided p-value of Student's t statistic `t` with `df` (any positive real) degrees
/// of freedom: P(|T| ≥ |t|) = I_{df/(df+t²)}(df/2, 1/2).
pub fn t_two_sided_p(t: f64, df: f64) -> f64 {
    if df.is_nan() || df <= 0.0 || t.is_nan() {
        return f64::NAN;
    }
    incomplete_beta(df / 2.0, 0.5, df / (df + t * t)).clamp(0.0, 1.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ln_and_exp_agree_with_the_platforms_to_the_last_digits() {
        for x in [
            1e-300, 1e-10, 0.1, 0.5, 0.999, 1.0, 1.5, 2.0, 10.0, 12345.678, 1e300,
        ] {
            let (ours, theirs) = (ln(x), x.ln());
            assert!(
                (ours - theirs).abs() <= 4.0 * f64::EPSILON * theirs.abs().max(1.0),
                "ln {x}: {ours} {theirs}"
            );
        }
        for x in [-700.0, -20.0, -1.0, -1e-8, 0.0, 0.3, 1.0, 5.5, 100.0, 700.0] {
            let (ours, theirs) = (exp(x), x.exp());
            assert!(
                (ours - theirs).abs() <= 8.0 * f64::EPSILON * theirs,
                "exp {x}: {ours} {theirs}"
            );
        }
        assert!(ln(0.0).is_nan() && ln(-1.0).is_nan());
        assert_eq!(exp(800.0), f64::INFINITY);
        assert_eq!(exp(-800.0), 0.0);
    }

    #[test]
    fn ln_gamma_of_known_values() {
        // Γ(1) = Γ(2) = 1, Γ(5) = 24, Γ(½) = √π, Γ(0.1) = 9.513507698668732.
        assert!(ln_gamma(1.0).abs() < 1e-14);
        assert!(ln_gamma(2.0).abs() < 1e-14);
        assert!((ln_gamma(5.0) - 24f64.ln()).abs() < 1e-13);
        assert!((ln_gamma(0.5) - std::f64::consts::PI.sqrt().ln()).abs() < 1e-13);
        assert!((ln_gamma(0.1) - 9.513_507_698_668_732f64.ln()).abs() < 1e-13);
    }

    #[test]
    fn p_values_match_the_closed_forms_for_one_and_two_degrees_of_freedom() {
        // df 1 (Cauchy): p = 1 − (2/π) atan t; df 2: p = 1 − t / √(t² + 2).
        for t in [0.1, 0.5, 1.0, 2.0, 4.302_652_729_749_46, 10.0, 100.0] {
            let cauchy = 1.0 - 2.0 / std::f64::consts::PI * f64::atan(t);
            assert!(
                (t_two_sided_p(t, 1.0) - cauchy).abs() < 1e-13,
                "t {t}, df 1"
            );
            let two = 1.0 - t / (t * t + 2.0).sqrt();
            assert!((t_two_sided_p(t, 2.0) - two).abs() < 1e-13, "t {t}, df 2");
        }
    }

    #[test]
    fn two_sided_p_values_match_the_printed_table() {
        // A printed table's two-sided 5 % points (three decimals) give p = 0.05 back, to
        // within what the rounding of t allows (|dp/dt| < 0.1 here, so 5e-5).
        for (t, df) in [(12.706, 1.0), (3.182, 3.0), (2.228, 10.0), (2.042, 30.0)] {
            let p = t_two_sided_p(t, df);
            assert!((p - 0.05).abs() < 5e-5, "t {t}, df {df}: {p:e}");
        }
        // t = 1 with 1 degree of freedom: the Cauchy distribution, p = 1/2 exactly.
        assert!((t_two_sided_p(1.0, 1.0) - 0.5).abs() < 1e-12);
        // t = 0 leaves everything: p = 1; a huge t leaves nothing.
        assert!((t_two_sided_p(0.0, 7.5) - 1.0).abs() < 1e-12);
        assert!(t_two_sided_p(100.0, 20.0) < 1e-20);
        // Welch's fractional degrees of freedom: t = 2 with 7.5, integrated numerically, p =
        // 0.082897 (with 7, 0.085619; with 8, 0.080516).
        assert!((t_two_sided_p(2.0, 7.5) - 0.082_897).abs() < 1e-5);
        assert!((t_two_sided_p(2.0, 7.0) - 0.085_619).abs() < 1e-5);
    }
}
