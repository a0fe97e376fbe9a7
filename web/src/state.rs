//! The typed app context: what many components read, handed out once by `App`.
//!
//! Components read the language from `AppState`, never from a prop. A component body runs
//! once, untracked, so what it reads there (`state.locale.get_untracked()`) is for one
//! language; the screens that hold such components (the questionnaire's page, the shared
//! results, the start list, each dashboard view) read `state.locale` in a reactive closure
//! and draw them again when it changes.

use super::i18n::{Locale, Strings};
use engine::Survey;
use leptos::prelude::*;
use std::sync::Arc;

/// Shared UI state. Copy, so closures and child components take it freely.
#[derive(Clone, Copy)]
pub struct AppState {
    pub locale: RwSignal<Locale>,
    /// The dark theme is on: the system's preference until the user picks with the toggle.
    pub dark: RwSignal<bool>,
    /// The page is being printed: charts switch to their light colours for paper.
    pub printing: RwSignal<bool>,
}

impl AppState {
    /// The UI strings of the current locale; reading it subscribes to locale changes.
    pub fn strings(&self) -> &'static Strings {
        self.locale.get().strings()
    }

    /// The locale code for survey texts; reading it subscribes to locale changes.
    pub fn code(&self) -> &'static str {
        self.locale.get().code()
    }
}

/// Makes the state available to every component below the caller.
pub fn provide_app_state(state: AppState) {
    provide_context(state);
}

pub fn use_app_state() -> AppState {
    // Every component lives under `App`, which provides the state before rendering anything.
    expect_context::<AppState>()
}

/// The survey the page has loaded.
pub fn use_survey() -> Arc<Survey> {
    // The screens are drawn only once the survey has loaded, under `App`'s `Provider` of it.
    expect_context::<Arc<Survey>>()
}
