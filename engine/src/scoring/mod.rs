//! From answers to scores: exact tallies, statistics and significance tests, the scoring model,
//! one partner's scorecard and the five Cs ranking.

pub mod aggregate;
pub mod anonymity;
pub mod model;
pub mod overall;
pub mod portable_math;
pub mod ranking;
pub mod scorecard;
pub mod significance;
pub mod stats;
