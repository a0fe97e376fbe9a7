//! PartnerLens: a partner experience self-assessment.
//!
//! `engine` is the pure core, shared by the app, the CLI and the tests. `ui` is the Leptos
//! app and exists only in wasm32 builds.

pub mod engine;

#[cfg(target_arch = "wasm32")]
pub mod ui;
