//! The bar at the top of every page: the app's name, the language menu and the theme toggle.

use super::i18n::Locale;
use super::state::use_app_state;
use super::storage;
use leptos::prelude::*;

/// App name, language menu and theme toggle.
#[component]
pub fn AppHeader() -> impl IntoView {
    let state = use_app_state();
    let choose = move |code: String| {
        if let Some(locale) = Locale::from_code(&code) {
            state.locale.set(locale);
        }
    };
    view! {
        <header class="app-header">
            <span class="brand">{move || state.strings().app_name}</span>
            <div class="language">
                <label for="language">{move || state.strings().language}</label>
                <select
                    id="language"
                    prop:value=move || state.code()
                    on:change:target=move |ev| choose(ev.target().value())
                >
                    {Locale::all()
                        .map(|locale| {
                            view! {
                                <option value=locale.code() lang=locale.code() dir=locale.dir()>
                                    {locale.name()}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </div>
            <button
                type="button"
                class="theme"
                aria-pressed=move || if state.dark.get() { "true" } else { "false" }
                on:click=move |_| {
                    let dark = !state.dark.get_untracked();
                    state.dark.set(dark);
                    storage::save_theme(if dark { "dark" } else { "light" });
                }
            >
                {move || state.strings().dark_theme}
            </button>
        </header>
    }
}
