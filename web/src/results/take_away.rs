//! The report's exports: the answers as JSON and CSV, the results and the five Cs as CSV, and
//! the share link. Everything is made in the browser; nothing is uploaded.

use crate::download::{save_csv, save_json};
use crate::state::{use_app_state, use_survey};
use crate::weights::weights_in_force;
use engine::codec::export::Envelope;
use engine::codec::report_csv::{five_cs_csv, long_csv, results_csv};
use engine::codec::share_link::{encode, shared, Extras};
use engine::scoring::model::ScoringModel;
use engine::scoring::scorecard::Scorecard;
use leptos::html::Input;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// This page's address (with its `?survey=`) carrying the answers in the fragment.
fn share_address(payload: &str) -> String {
    let location = window().location();
    format!(
        "{}{}{}#r={payload}",
        location.origin().unwrap_or_default(),
        location.pathname().unwrap_or_default(),
        location.search().unwrap_or_default()
    )
}

/// The async clipboard, where the browser offers it (secure contexts only).
fn clipboard() -> Option<web_sys::Clipboard> {
    let navigator = window().navigator();
    js_sys::Reflect::get(&navigator, &"clipboard".into())
        .ok()
        .and_then(|c| c.dyn_into::<web_sys::Clipboard>().ok())
}

/// A checkbox for one of the share link's extras, shown where the answers have it.
#[component]
fn Extra(label: &'static str, on: RwSignal<bool>, shown: bool) -> impl IntoView {
    view! {
        <p hidden=!shown>
            <label>
                <input type="checkbox" prop:checked=move || on.get() on:change=move |_| on.update(|v| *v = !*v)/>
                " " {label}
            </label>
        </p>
    }
}

/// Download buttons and the share link, for the assessment `envelope` gives.
#[component]
pub fn TakeAway(
    card: Memo<Option<Scorecard>>,
    /// The assessment as it is now, as an export.
    envelope: Callback<(), Envelope>,
    /// The five Cs' what-if weights; None for the survey's.
    weights: RwSignal<Option<Vec<f64>>>,
) -> impl IntoView {
    let survey = use_survey();
    let strings = use_app_state().locale.get_untracked().strings();
    // The link, shown for copying by hand when the browser has no clipboard for the page.
    let by_hand = RwSignal::new(None::<String>);
    let copied = RwSignal::new(false);
    let link_input = NodeRef::<Input>::new();
    // What the link carries beyond the answers asked for, as the user chooses.
    let with_revenue = RwSignal::new(false);
    let with_dropped = RwSignal::new(false);
    let (offers_revenue, dropped) = {
        let response = envelope.run(()).response;
        let revenue = response.profile.revenue_current.is_some()
            || response.profile.revenue_potential.is_some();
        (revenue, !response.unknown_answers(&survey).is_empty())
    };
    let link_survey = survey.clone();

    let json = move |_| {
        let export = envelope.run(());
        save_json(&export.file_name(), &export.to_json());
    };
    let has_five_cs = survey.sections.five_cs.is_some();
    let five_cs_survey = survey.clone();
    // The file states the weights it was scored with: the survey's, or the sliders' what-if.
    let five_cs = move |_| {
        let export = envelope.run(());
        let survey = &five_cs_survey;
        let weights = weights.with_untracked(|w| weights_in_force(survey, w.as_ref()));
        if let Some(csv) = five_cs_csv(&ScoringModel::new(survey), &export.response, &weights) {
            save_csv(&format!("{}-five-cs.csv", export.file_stem()), &csv);
        }
    };
    let answers = move |_| {
        let export = envelope.run(());
        let csv = long_csv(&survey, std::slice::from_ref(&export.response));
        save_csv(&format!("{}-answers.csv", export.file_stem()), &csv);
    };
    let results = move |_| {
        let export = envelope.run(());
        let Some(csv) =
            card.with_untracked(|c| Some(results_csv(&export.id, &c.as_ref()?.summary)))
        else {
            return;
        };
        save_csv(&format!("{}-results.csv", export.file_stem()), &csv);
    };
    let copy = move |_| {
        let extras = Extras {
            revenue: with_revenue.get_untracked(),
            dropped_questions: with_dropped.get_untracked(),
        };
        let answers = shared(&envelope.run(()).response, &link_survey, extras);
        let address = share_address(&encode(&answers));
        copied.set(false);
        match clipboard() {
            Some(clipboard) => spawn_local(async move {
                match JsFuture::from(clipboard.write_text(&address)).await {
                    Ok(_) => copied.set(true),
                    Err(_) => by_hand.set(Some(address)),
                }
            }),
            None => by_hand.set(Some(address)),
        }
    };
    // The link shown by hand is selected at once, ready to copy.
    Effect::new(move || {
        if let (Some(address), Some(input)) = (by_hand.get(), link_input.get()) {
            input.set_value(&address);
            let _ = input.focus();
            input.select();
        }
    });

    view! {
        <section class="report-section take-away" aria-labelledby="take-away-title">
            <h4 id="take-away-title">{strings.take_away_title}</h4>
            <p>{strings.take_away_intro}</p>
            <div class="actions-row">
                <button type="button" on:click=json>{strings.download_json}</button>
                <button type="button" on:click=answers>{strings.download_answers_csv}</button>
                <button type="button" on:click=results>{strings.download_results_csv}</button>
                {has_five_cs.then(|| view! { <button type="button" on:click=five_cs>{strings.download_five_cs_csv}</button> })}
                <button type="button" on:click=copy aria-describedby="share-carries">{strings.copy_link}</button>
            </div>
            <p id="share-carries" class="note">{strings.share_carries}</p>
            <Extra label=strings.share_with_revenue on=with_revenue shown=offers_revenue/>
            <Extra label=strings.share_with_dropped on=with_dropped shown=dropped/>
            <p role="status">{move || copied.get().then_some(strings.link_copied)}</p>
            {move || by_hand.get().map(|address| view! {
                <p>{strings.copy_by_hand}</p>
                <label class="share-link">
                    {strings.share_link}
                    <input type="text" readonly prop:value=address node_ref=link_input/>
                </label>
            })}
        </section>
    }
}
