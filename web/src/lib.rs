//! PartnerLens in the browser: the Leptos app behind index.html (the partner's two modules)
//! and dashboard.html. Components render and dispatch; the engine computes.

#[cfg(not(target_arch = "wasm32"))]
compile_error!(
    "partnerlens-web runs in the browser: build it with `make serve` (Trunk) or with \
     `--target wasm32-unknown-unknown`; the host program is the `partnerlens` CLI (crate partnerlens-cli)."
);

mod app;
pub mod charts;
mod choice_group;
mod dashboard;
mod download;
mod editor;
mod element_card;
mod file_picker;
mod first;
mod first_page;
mod focus;
mod full_app;
mod header;
mod history;
mod home;
pub mod i18n;
mod import_panel;
mod link;
mod paint;
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
mod update;
mod weights;

pub use app::{prepare, App};
use engine::answers::handover::Handover;
pub use first::mount_first;
pub use home::Home;
use leptos::prelude::{provide_context, IntoAny};
pub use state::{provide_app_state, AppState};
use survey_error_page::survey_error_page;

/// Mounts the full partner app where the first module handed over; `handover` is its state
/// as JSON. One that cannot be read (or none, when the page starts it alone for a share link
/// or a returning visitor) starts it as a page load would.
pub fn mount_full(handover: &str) {
    let handover = Handover::from_json(handover);
    leptos::mount::mount_to(first_page::root(), move || {
        if let Some(handover) = &handover {
            provide_context(handover.clone());
        }
        leptos::view! { <App handover screens=|| leptos::view! { <Home/> }.into_any() failed=survey_error_page/> }
    })
    .forget();
}

/// Mounts the vendor's dashboard (dashboard.html) in its root, which takes the place of the
/// page's top as the HTML carries it (`first_page`).
pub fn mount_dashboard() {
    leptos::mount::mount_to(first_page::root(), || {
        leptos::view! { <App screens=|| leptos::view! { <dashboard::Dashboard/> }.into_any() failed=survey_error_page/> }
    })
    .forget();
}

/// Mounts the survey editor (editor.html) in its root.
pub fn mount_editor() {
    leptos::mount::mount_to(first_page::root(), || {
        leptos::view! { <App screens=|| leptos::view! { <editor::Editor/> }.into_any() failed=survey_error_page/> }
    })
    .forget();
}

/// Mounts the survey editor's preview of its draft (preview.html).
pub fn mount_preview() {
    editor::mount_preview();
}
