//! From answers to scores: exact tallies, statistics, the scoring model, one partner's scorecard
//! and the five Cs ranking.

pub mod aggregate;
pub mod model;
pub mod ranking;
pub mod scorecard;
pub mod stats;
