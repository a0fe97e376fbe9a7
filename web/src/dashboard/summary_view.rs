//! The executive summary: one printable page on the data set, or on the segment its filters
//! keep, with only what holds up.

use super::adjusted_p;
use super::alignment_view::sentence;
use super::filters::{dimension_name, value_name};
use super::verdict_view::{nps_change_sentence, nps_sentence};
use super::views::{save_view_json, withheld_text};
use super::Dash;
use crate::i18n::Strings;
use crate::results::chart_section::{DataTable, Table};
use crate::state::{use_app_state, use_survey};
use engine::analysis::summary::{executive_summary, ExecutiveSummary};
use engine::scoring::aggregate::GroupBy;
use engine::scoring::anonymity::{Threshold, Withheld};
use engine::scoring::model::ScoringModel;
use engine::scoring::significance::Tested;
use leptos::prelude::*;

/// The executive summary view over the open data set.
#[component]
pub fn SummaryView(dash: Dash) -> impl IntoView {
    let survey = use_survey();
    let locale = use_app_state().locale.get_untracked();
    let strings = locale.strings();
    let words = locale.dash();
    let code = locale.code();
    let by = move || dash.by.get().unwrap_or(GroupBy::Region);
    let summary_survey = survey.clone();
    let summary = Memo::new(move |_| -> Option<Result<ExecutiveSummary, Withheld>> {
        let filter = dash.filter.get();
        let (mode, by) = (dash.mode.get(), by());
        dash.current.with(|c| {
            let c = c.as_ref()?;
            let model = ScoringModel::new(&summary_survey);
            let threshold = Threshold::of(&summary_survey);
            Some(executive_summary(
                &model, &c.rows, &filter, by, mode, threshold,
            ))
        })
    });
    let name = move || {
        dash.current
            .with(|c| c.as_ref().map(|c| c.info.name.clone()).unwrap_or_default())
    };
    let body_survey = survey.clone();
    let body = move || {
        let survey = &body_survey;
        let label = |id: &str| {
            survey
                .rated_elements()
                .find(|e| e.id == id)
                .map_or_else(|| id.to_owned(), |e| e.label.get(code).to_owned())
        };
        summary.with(|s| {
            let s = match s.as_ref()? {
                Ok(s) => s,
                Err(w) => {
                    let text = withheld_text(words.dash_withheld_view, w.fewer_than);
                    return Some(view! { <p class="notice">{text}</p> }.into_any());
                }
            };
            let threshold = u64::from(survey.min_group_size);
            let segments: Vec<Vec<String>> = s
                .segments
                .iter()
                .map(|g| {
                    let count = g.responses.map_or_else(
                        || withheld_text(words.dash_withheld_group, threshold),
                        |n| n.to_string(),
                    );
                    vec![value_name(survey, s.by, &g.key, code), count]
                })
                .collect();
            let by_title = Strings::fill(words.summary_by, &[("by", dimension_name(locale, s.by))]);
            let pxi = match (s.pxi, s.pxi_interval) {
                (Some(pxi), interval) => Strings::fill(
                    words.summary_pxi,
                    &[
                        ("pxi", &locale.decimal(pxi)),
                        ("low", &interval.map_or("–".to_owned(), |i| locale.decimal(i.low))),
                        ("high", &interval.map_or("–".to_owned(), |i| locale.decimal(i.high))),
                    ],
                ),
                (None, _) => words.summary_pxi_none.to_owned(),
            };
            let nps = s.nps.as_ref().map(|n| nps_sentence(locale, n));
            let priorities: Vec<_> = s
                .priorities
                .iter()
                .map(|p| {
                    let (low, high) = p
                        .gap_ci
                        .map_or(("–".to_owned(), "–".to_owned()), |i| (locale.decimal(i.low), locale.decimal(i.high)));
                    let text = Strings::fill(
                        words.summary_priority_item,
                        &[("element", &label(&p.id)), ("gap", &locale.decimal(p.gap)), ("low", &low), ("high", &high)],
                    );
                    view! { <li>{text}</li> }
                })
                .collect();
            let no_priorities = priorities.is_empty().then_some(words.summary_priorities_none);
            let waves = match &s.waves {
                None => view! { <p>{words.summary_one_wave}</p> }.into_any(),
                Some(w) => {
                    let title = Strings::fill(words.summary_changes, &[("earlier", &w.earlier)]);
                    let content = match &w.changes {
                        None => view! { <p class="notice">{withheld_text(words.dash_withheld_view, threshold)}</p> }.into_any(),
                        Some(changes) if changes.is_empty() => {
                            let text = Strings::fill(words.summary_changes_none, &[("earlier", &w.earlier)]);
                            view! { <p>{text}</p> }.into_any()
                        }
                        Some(changes) => {
                            let items: Vec<_> = changes
                                .iter()
                                .map(|c| {
                                    let text = Strings::fill(
                                        words.summary_change_item,
                                        &[("element", &label(&c.id)), ("delta", &locale.signed(c.delta_gap))],
                                    );
                                    let p = adjusted_p(locale, Some(Tested { p: c.adjusted_p, adjusted: c.adjusted_p }));
                                    view! { <li>{text}{p}</li> }
                                })
                                .collect();
                            view! { <ul>{items}</ul> }.into_any()
                        }
                    };
                    let nps = w.nps.as_ref().map(|n| {
                        nps_change_sentence(locale, (&w.earlier, &w.later), (&n.earlier, &n.later), n.test)
                    });
                    view! {
                        <section class="report-section" aria-labelledby="summary-changes">
                            <h4 id="summary-changes">{title}</h4>
                            {nps.map(|text| view! { <p class="nps-change">{text}</p> })}
                            {content}
                        </section>
                    }
                    .into_any()
                }
            };
            let disagreements = match &s.disagreements {
                None => view! { <p>{words.summary_no_vendor}</p> }.into_any(),
                Some(list) => {
                    let items: Vec<_> = list.iter().map(|d| view! { <li>{sentence(survey, locale, d)}</li> }).collect();
                    view! { <ol>{items}</ol> }.into_any()
                }
            };
            let counts = Strings::fill(
                words.summary_counts,
                &[("responses", &s.responses.to_string()), ("partners", &s.partners.to_string())],
            );
            let table = Table {
                headers: vec![dimension_name(locale, s.by).to_owned(), words.col_responses.to_owned()],
                rows: segments,
                key: 0,
                numeric: vec![1],
                ..Table::default()
            };
            Some(view! {
                <p>{counts}</p>
                <DataTable id="summary-segments".to_owned() name=by_title table=Signal::stored(table)/>
                <p class="pxi">{pxi}</p>
                {nps.map(|text| view! { <p class="nps">{text}</p> })}
                <section class="report-section" aria-labelledby="summary-priorities">
                    <h4 id="summary-priorities">{words.summary_priorities}</h4>
                    {no_priorities.map(|text| view! { <p>{text}</p> })}
                    <ol>{priorities}</ol>
                </section>
                {waves}
                <section class="report-section" aria-labelledby="summary-disagreements">
                    <h4 id="summary-disagreements">{words.summary_disagreements}</h4>
                    {disagreements}
                </section>
            }.into_any())
        })
    };
    // The summary as `partnerlens summary` writes it, for whoever works with the figures.
    let shown = move || summary.with(|s| matches!(s, Some(Ok(_))));
    let download = move |_| {
        summary.with_untracked(|s| {
            if let Some(Ok(s)) = s {
                save_view_json(dash, "summary", s);
            }
        })
    };
    view! {
        <h3 id="summary-title">{move || Strings::fill(words.summary_title, &[("name", &name())])}</h3>
        <p class="print-action">
            <button type="button" class="quiet" on:click=move |_| { let _ = window().print(); }>{strings.print_report}</button>
            " "
            <button type="button" class="quiet" prop:disabled=move || !shown() on:click=download>{words.summary_json}</button>
        </p>
        {body}
    }
}
