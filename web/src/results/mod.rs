//! The partner's report: the index, the gap chart, ranked gaps, areas, the five Cs, journey
//! and maturity, what to do first, and how partners of this type are usually managed. Every
//! number comes from the engine's scorecard; each chart has its table right under it.

pub(crate) mod chart_section;
mod placements;
pub(crate) mod sections;
mod take_away;

use super::i18n::{Locale, Strings};
use super::state::{use_app_state, use_survey};
use crate::weights::WeightSliders;
use chart_section::chart_section;
use engine::codec::export::Envelope;
use engine::scoring::aggregate::CrosshairMode;
use engine::scoring::model::ScoringModel;
use engine::scoring::scorecard::score;
use engine::{Response, Survey, Text};
use leptos::prelude::*;
use placements::{Management, Placements, Priorities};
use take_away::TakeAway;
use wasm_bindgen::JsCast;

/// The id of the report's heading.
const RESULTS_TITLE: &str = "results-title";

/// Moves focus to the report's heading, if the report is on the page.
pub fn focus_results() {
    if let Some(heading) = document().get_element_by_id(RESULTS_TITLE) {
        if let Ok(heading) = heading.dyn_into::<web_sys::HtmlElement>() {
            let _ = heading.focus();
        }
    }
}

/// Chart labels longer than this are cut; tables give them in full.
pub(crate) const SHORT: usize = 22;

pub(crate) fn quadrant_names(strings: &Strings) -> [String; 4] {
    [
        strings.quadrant_concentrate,
        strings.quadrant_keep_up,
        strings.quadrant_low_priority,
        strings.quadrant_overkill,
    ]
    .map(String::from)
}

/// A model element's area position and label, in the order of `Summary::elements`.
pub(crate) fn element_info(survey: &Survey) -> Vec<(usize, &Text)> {
    survey
        .areas
        .iter()
        .enumerate()
        .flat_map(|(a, area)| area.elements.iter().map(move |e| (a, &e.label)))
        .collect()
}

/// A value for a table cell: one decimal, or a dash without data.
pub(crate) fn cell(locale: Locale, value: Option<f64>) -> String {
    value.map_or_else(|| "–".to_owned(), |v| locale.decimal(v))
}

/// Whether the report is open and how its gap chart is set. The questionnaire keeps it, so
/// that a new language, which draws the page again, keeps the user's choices.
#[derive(Clone, Copy)]
pub struct ReportView {
    pub open: RwSignal<bool>,
    pub mode: RwSignal<CrosshairMode>,
    pub diagonal: RwSignal<bool>,
    /// What-if weights of the five Cs; None for the survey's.
    pub weights: RwSignal<Option<Vec<f64>>>,
}

impl ReportView {
    pub fn new() -> ReportView {
        ReportView {
            open: RwSignal::new(false),
            mode: RwSignal::new(CrosshairMode::DataCentred),
            diagonal: RwSignal::new(false),
            weights: RwSignal::new(None),
        }
    }
}

/// The report, drawn from the live answers: it follows every change.
#[component]
pub fn ResultsReport(
    response: RwSignal<Response>,
    view: ReportView,
    /// The assessment as an export, for its downloads and share link; None for answers
    /// opened from a share link, which are not this browser's to export.
    envelope: Option<Callback<(), Envelope>>,
    /// Move focus to the report's heading once drawn: the user just asked for it.
    take_focus: bool,
    /// Someone else's answers, opened from a link: not "your results", and not live.
    #[prop(optional)]
    shared: bool,
) -> impl IntoView {
    let survey = use_survey();
    let locale = use_app_state().locale.get_untracked();
    let strings = locale.strings();
    let code = locale.code();
    let ReportView {
        mode,
        diagonal,
        weights,
        ..
    } = view;
    let scored = survey.clone();
    let card = Memo::new(move |_| {
        let model = ScoringModel::new(&scored);
        response.with(|r| score(&model, r, mode.get()).ok())
    });
    let summary = Memo::new(move |_| card.with(|c| c.as_ref().map(|c| c.summary.clone())));
    // Keyboard and screen-reader users land on the results they asked for, once drawn.
    Effect::new(move || {
        if take_focus {
            focus_results();
        }
    });
    let who = move || response.with(|r| r.profile.who());
    let headline = move || {
        card.with(|card| {
            let card = card.as_ref()?;
            let (pxi, class) = card.summary.pxi.map_or_else(
                || (strings.no_data.to_owned(), ""),
                |p| (Locale::whole(p), "headline"),
            );
            let completeness =
                strings.ratings_given(card.completeness.given, card.completeness.possible);
            Some(view! {
                <dl class="summary">
                    <dt>{strings.pxi_label}</dt>
                    <dd class=class>{pxi}</dd>
                    <dt>{strings.completeness}</dt>
                    <dd>{completeness}</dd>
                </dl>
            })
        })
    };
    let modes = [
        (CrosshairMode::DataCentred, strings.data_centred),
        (CrosshairMode::ScaleCentred, strings.scale_centred),
    ]
    .into_iter()
    .map(|(value, label)| {
        view! {
            <label>
                <input
                    type="radio"
                    name="crosshair-mode"
                    checked=move || mode.get() == value
                    on:change=move |_| mode.set(value)
                />
                {label}
            </label>
        }
    })
    .collect_view();
    let five_cs_title = survey
        .sections
        .five_cs
        .as_ref()
        .map(|s| s.title.get(code).to_owned())
        .unwrap_or_default();

    view! {
        <section class="results" aria-labelledby="results-title">
            <h3 id=RESULTS_TITLE tabindex="-1">
                {if shared { strings.shared_results_heading } else { strings.results_title }}
            </h3>
            <p class="report-for">{who}</p>
            {(!shared).then(|| view! { <p class="report-intro">{strings.report_intro}</p> })}
            {headline}
            <div class="report-settings">
                <fieldset>
                    <legend>{strings.crosshair}</legend>
                    {modes}
                </fieldset>
                <label>
                    <input type="checkbox" prop:checked=move || diagonal.get() on:change=move |_| diagonal.update(|d| *d = !*d)/>
                    {strings.show_diagonal}
                </label>
                <button type="button" class="quiet" on:click=move |_| { let _ = window().print(); }>
                    {strings.print_report}
                </button>
            </div>
            {chart_section(strings, "gap-chart", strings.gap_chart_title.to_owned(), sections::gap_chart(survey.clone(), locale, summary, diagonal, false, Signal::stored(false)))}
            <Priorities card/>
            {chart_section(strings, "gaps", strings.gap_bars_title.to_owned(), sections::gap_bars(survey.clone(), locale, card))}
            {chart_section(strings, "areas", strings.areas_title.to_owned(), sections::areas(survey.clone(), locale, card))}
            {chart_section(strings, "five-cs", five_cs_title, sections::five_cs(survey.clone(), locale, card, response, weights))}
            {survey.sections.five_cs.is_some().then(|| view! { <WeightSliders weights id="report-weight"/> })}
            <Placements card/>
            <Management response/>
            {envelope.map(|envelope| view! { <TakeAway card envelope weights/> })}
        </section>
    }
}
