//! The vendor's view against the partners': the arrow chart, the rank correlations, the
//! largest disagreements in plain sentences, and the table of deltas. Any filter applies to
//! the partners; the vendor's answers are taken from the same waves.

use super::arrows::{arrow_section, Arrow, Words};
use super::views::{csv_and_json, withheld_text};
use super::Dash;
use crate::charts::GapChart;
use crate::i18n::{Locale, Strings};
use crate::results::cell;
use crate::results::chart_section::{chart_section, Section};
use crate::state::{use_app_state, use_survey};
use engine::analysis::alignment::{
    align_rows, Agreement, Alignment, Degree, Disagreement, DISAGREEMENTS,
};
use engine::codec::report_csv::alignment_csv;
use engine::scoring::anonymity::Threshold;
use engine::scoring::model::ScoringModel;
use engine::{Dimension, Survey};
use leptos::prelude::*;

/// One disagreement as a sentence: who rates what higher, how far, and both means.
pub(super) fn sentence(survey: &Survey, locale: Locale, d: &Disagreement) -> String {
    let words = locale.dash();
    let label = survey
        .rated_elements()
        .find(|e| e.id == d.id)
        .map_or(d.id.as_str(), |e| e.label.get(locale.code()));
    let higher = d.delta() > 0.0;
    let template = match (d.rated, higher) {
        (Dimension::Importance, true) => words.align_more_important,
        (Dimension::Importance, false) => words.align_less_important,
        (Dimension::Performance, true) => words.align_higher,
        (Dimension::Performance, false) => words.align_lower,
    };
    let degree = match d.degree() {
        Degree::Far => words.degree_far,
        Degree::Clear => "",
        Degree::Slight => words.degree_slight,
    };
    Strings::fill(
        template,
        &[
            ("element", label),
            ("degree", degree),
            ("partners", &locale.decimal(d.partners)),
            ("vendor", &locale.decimal(d.vendor)),
        ],
    )
}

/// "Importance: Spearman ρ = 0.78. You put the elements in much the same order …"
fn correlation_line(locale: Locale, what: &str, rho: Option<f64>) -> String {
    let words = locale.dash();
    let (rho, agreement) = match rho {
        Some(rho) => (
            locale.hundredths(rho),
            match Agreement::of(rho) {
                Agreement::Strong => words.align_strong,
                Agreement::Moderate => words.align_moderate,
                Agreement::Weak => words.align_weak,
                Agreement::Opposed => words.align_opposed,
            },
        ),
        None => ("–".to_owned(), words.align_rho_none),
    };
    Strings::fill(
        words.align_rho,
        &[("what", what), ("rho", &rho), ("agreement", agreement)],
    )
}

/// The alignment view over the open data set.
#[component]
pub fn AlignmentView(dash: Dash) -> impl IntoView {
    let survey = use_survey();
    let locale = use_app_state().locale.get_untracked();
    let strings = locale.strings();
    let words = locale.dash();
    let align_survey = survey.clone();
    let result = Memo::new(move |_| {
        let filter = dash.filter.get();
        let mode = dash.mode.get();
        dash.current.with(|c| {
            let c = c.as_ref()?;
            let model = ScoringModel::new(&align_survey);
            let threshold = Threshold::of(&align_survey);
            Some(align_rows(&model, &c.rows, &filter, mode, threshold))
        })
    });
    let alignment = Memo::new(move |_| result.with(|r| r.as_ref()?.as_ref().ok().cloned()));
    let withheld = Memo::new(move |_| result.with(|r| r.as_ref()?.as_ref().err().copied()));
    let disagreements = Memo::new(move |_| {
        alignment.with(|a| {
            a.as_ref()
                .map_or_else(Vec::new, |a| a.disagreements(DISAGREEMENTS))
        })
    });
    let chart_survey = survey.clone();
    let section = Memo::new(move |_| {
        let diagonal = dash.diagonal.get();
        let named = disagreements.get();
        alignment.with(|a| {
            let a = a.as_ref().filter(|a| a.vendor_responses > 0)?;
            chart(&chart_survey, locale, a, &named, diagonal)
        })
    });
    let text_survey = survey.clone();
    let body = move || {
        if let Some(w) = withheld.get() {
            let text = withheld_text(words.dash_withheld_view, w.fewer_than);
            return Some(view! { <p class="notice">{text}</p> }.into_any());
        }
        alignment.with(|a| {
            let a = a.as_ref()?;
            if a.vendor_responses == 0 {
                let waves = dash.filter.with(|f| f.wave.join(", "));
                let wave = if waves.is_empty() { String::new() } else { Strings::fill(words.align_in_wave, &[("wave", &waves)]) };
                return Some(view! { <p class="notice">{Strings::fill(words.align_no_vendor, &[("wave", &wave)])}</p> }.into_any());
            }
            if a.partner_responses == 0 {
                return Some(view! { <p class="notice">{words.align_no_partners}</p> }.into_any());
            }
            let sentences: Vec<_> = disagreements.with(|all| {
                all.iter()
                    .map(|d| view! { <li>{sentence(&text_survey, locale, d)}</li> })
                    .collect()
            });
            let list = if sentences.is_empty() {
                view! { <p>{words.align_agree}</p> }.into_any()
            } else {
                view! { <ol class="disagreements">{sentences}</ol> }.into_any()
            };
            Some(view! {
                <p>{Strings::fill(words.align_counts, &[("vendor", &a.vendor_responses.to_string()), ("partners", &a.partner_responses.to_string())])}</p>
                <ul class="correlations">
                    <li>{correlation_line(locale, strings.importance, a.importance_correlation)}</li>
                    <li>{correlation_line(locale, strings.performance, a.performance_correlation)}</li>
                </ul>
                <section class="report-section" aria-labelledby="disagreements-title">
                    <h4 id="disagreements-title">{words.align_disagreements}</h4>
                    {list}
                </section>
            }.into_any())
        })
    };
    view! {
        <h3 id="alignment-title">{words.dash_view_alignment}</h3>
        {body}
        {chart_section(strings, "dash-alignment-chart", words.align_title.to_owned(), section)}
        <p class="downloads">{csv_and_json(dash, "alignment", (words.align_csv, words.align_json), move || section.with(Option::is_some), move || alignment.get_untracked(), alignment_csv)}</p>
    }
}

/// The arrow chart; the `named` disagreements' arrows are drawn bold.
fn chart(
    survey: &Survey,
    locale: Locale,
    a: &Alignment,
    named: &[Disagreement],
    diagonal: bool,
) -> Option<Section<GapChart>> {
    let words = locale.dash();
    let arrows: Vec<Arrow> = a
        .elements
        .iter()
        .enumerate()
        .filter_map(|(element, e)| {
            let to = (e.partner_importance?, e.partner_performance?);
            let from = e.vendor_importance.zip(e.vendor_performance);
            let cells = [
                e.vendor_importance,
                e.partner_importance,
                e.delta_importance,
                e.vendor_performance,
                e.partner_performance,
                e.delta_performance,
            ]
            .map(|v| cell(locale, v))
            .to_vec();
            Some(Arrow {
                element,
                to,
                from,
                strong: named.iter().any(|d| d.id == e.id),
                cells,
            })
        })
        .collect();
    let first = named
        .first()
        .map(|d| sentence(survey, locale, d))
        .unwrap_or_else(|| words.align_agree.to_owned());
    let count = arrows.len();
    arrow_section(
        survey,
        locale,
        arrows,
        a.crosshair,
        diagonal,
        Words {
            summary: Strings::fill(
                words.align_chart_summary,
                &[("count", &count.to_string()), ("first", &first)],
            ),
            note: words.align_chart_note.to_owned(),
            numeric: 6,
            headers: [
                words.col_your_importance,
                words.col_partner_importance,
                words.col_delta_importance,
                words.col_your_performance,
                words.col_partner_performance,
                words.col_delta_performance,
            ]
            .map(String::from)
            .to_vec(),
        },
    )
}
