//! Chart geometry in CSS pixels, computed on the host so the UI only paints.

pub mod chart;
