//! The bar at the top of every page: the app's name and the language menu.

use super::i18n::Locale;
use super::state::use_app_state;
use leptos::prelude::*;

/// App name and language menu.
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
                    {Locale::ALL
                        .into_iter()
                        .map(|locale| {
                            view! {
                                <option value=locale.code() lang=locale.code()>
                                    {locale.name()}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </div>
        </header>
    }
}
