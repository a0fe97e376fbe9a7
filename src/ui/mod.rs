//! The Leptos app (wasm32 only). Components render and dispatch; the engine computes.

mod app;
pub mod charts;
mod choice_group;
mod dashboard;
mod download;
mod element_card;
mod file_picker;
mod focus;
mod header;
mod home;
pub mod i18n;
mod import_panel;
mod profile_page;
mod questionnaire;
mod results;
mod review_page;
mod shared_results;
mod start_page;
mod state;
mod storage;
mod survey_error_page;
mod survey_fetch;

pub use app::App;
pub use home::Home;
use leptos::prelude::IntoAny;
pub use state::{provide_app_state, AppState};

/// Mounts the partner's app (index.html) on the page's body.
pub fn mount() {
    leptos::mount::mount_to_body(|| {
        leptos::view! { <App screens=|survey| leptos::view! { <Home survey/> }.into_any()/> }
    });
}

/// Mounts the vendor's dashboard (dashboard.html) on the page's body.
pub fn mount_dashboard() {
    leptos::mount::mount_to_body(|| {
        leptos::view! { <App screens=|survey| leptos::view! { <dashboard::Dashboard survey/> }.into_any()/> }
    });
}
