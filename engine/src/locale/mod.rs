//! How a language writes numbers and times of day, and the files that hold its UI strings.

pub mod catalog;
pub mod clock;
pub mod numbers;
