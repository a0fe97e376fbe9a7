//! Many partners at once: the vendor's view against the partners', one wave against another,
//! and the portfolio for capacity planning.

pub mod alignment;
pub mod portfolio;
pub mod waves;
