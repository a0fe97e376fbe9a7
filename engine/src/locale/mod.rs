//! How a language writes numbers and times of day.

pub mod clock;
