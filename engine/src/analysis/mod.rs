//! Many partners at once: the vendor's view against the partners', one wave against another,
//! segments side by side, what drives satisfaction, and the portfolio for capacity planning.

pub mod alignment;
pub mod drivers;
pub mod portfolio;
pub mod segments;
pub mod summary;
pub mod waves;
