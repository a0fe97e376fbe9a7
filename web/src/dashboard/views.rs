//! The open data set's views: the switch between them and the results view (the aggregate gap
//! chart and table, with the filters, segments and ranking from their own modules), the
//! exports, and one partner's results opened from the ranking.

use super::alignment_view::AlignmentView;
use super::filters::{dimension_name, value_name, Filters};
use super::portfolio_view::PortfolioView;
use super::ranking_view::RankingTable;
use super::segments_view::Comparison;
use super::summary_view::SummaryView;
use super::verdict_view::{drivers_chart, Drivers, Verdict};
use super::waves_view::WavesView;
use super::{Dash, View};
use crate::download::{save_csv, save_json};
use crate::i18n::{Locale, Strings};
use crate::results::chart_section::chart_section;
use crate::results::sections::gap_chart;
use crate::results::{ReportView, ResultsReport};
use crate::state::{use_app_state, use_survey};
use crate::weights::weights_in_force;
use engine::codec::export::slug;
use engine::codec::report_csv::{aggregate_csv, long_csv, ranking_csv};
use engine::scoring::aggregate::{AggregateReport, Aggregation, CrosshairMode, GroupBy, Reported};
use engine::scoring::model::ScoringModel;
use engine::scoring::ranking::{rank_partners_with, ranking_report, RankedPartner, RankingReport};
use engine::Response;
use leptos::prelude::*;

/// Filters, grouping and every view over the open data set.
#[component]
pub fn Analysis(dash: Dash) -> impl IntoView {
    let survey = use_survey();
    let locale = use_app_state().locale.get_untracked();
    let strings = locale.strings();
    let words = locale.dash();
    let report_survey = survey.clone();
    let report = Memo::new(move |_| {
        dash.current.with(|current| {
            let current = current.as_ref()?;
            let model = ScoringModel::new(&report_survey);
            let mut aggregation = Aggregation::new(&model, dash.filter.get(), dash.by.get());
            for row in current.rows.iter() {
                aggregation.add(row);
            }
            Some(aggregation.report(&model, dash.mode.get()))
        })
    });
    let overall = Memo::new(move |_| report.with(|r| r.as_ref()?.overall.shown().cloned()));
    // The threshold, when the whole view is withheld for anonymity.
    let withheld = Memo::new(move |_| {
        report.with(|r| match &r.as_ref()?.overall {
            Reported::Withheld { withheld } => Some(withheld.fewer_than),
            Reported::Shown(_) => None,
        })
    });
    // The matching partners ranked once, for the table and its downloads.
    let rank_survey = survey.clone();
    // A partner answers once per wave: the ranking takes one wave, the latest unless chosen.
    let counted = Memo::new(move |_| {
        let filter = dash.filter.get();
        dash.current.with(|c| {
            c.as_ref()
                .map_or((filter.clone(), None), |c| filter.one_wave(c.rows.iter()))
        })
    });
    let ranked = Memo::new(move |_| {
        let filter = counted.with(|(filter, _)| filter.clone());
        let weights = dash
            .weights
            .with(|w| weights_in_force(&rank_survey, w.as_ref()));
        dash.current.with(|c| {
            c.as_ref().map_or_else(Vec::new, |c| {
                let model = ScoringModel::new(&rank_survey);
                let rows = c.rows.iter().filter(|r| filter.matches(&r.keys));
                rank_partners_with(&model, rows, &weights)
            })
        })
    });
    let ranked_wave = Signal::derive(move || counted.with(|(_, wave)| wave.clone()));
    let total = move || {
        dash.current
            .with(|c| c.as_ref().map_or(0, |c| c.rows.len()))
    };
    // Which filters and grouping made these numbers, so that a printed report says so.
    let filter_survey = survey.clone();
    let filters_in_force = move || {
        let code = locale.code();
        let mut parts: Vec<String> = dash.filter.with(|f| {
            GroupBy::ALL
                .into_iter()
                .filter_map(|by| {
                    let value = f.values(by).into_iter().next()?;
                    let name = value_name(&filter_survey, by, &value, code);
                    Some(format!("{}: {name}", dimension_name(locale, by)))
                })
                .collect()
        });
        if let Some(by) = dash.by.get() {
            parts.push(format!(
                "{}: {}",
                words.dash_group_by,
                dimension_name(locale, by)
            ));
        }
        parts.join(" · ")
    };
    let matching = move || overall.with(|o| o.as_ref().map_or(0, |o| o.responses));
    let has_satisfaction = survey
        .sections
        .overall
        .as_ref()
        .is_some_and(|o| o.satisfaction.is_some());

    view! {
        <Filters dash/>
        <p role="status" class="matching">
            {move || match withheld.get() {
                Some(n) => withheld_text(words.dash_withheld_view, n),
                None => Strings::fill(words.dash_matching, &[("count", &matching().to_string()), ("total", &total().to_string())]),
            }}
            " "
            {filters_in_force}
        </p>
        <div class="report-settings">
            <fieldset>
                <legend>{strings.crosshair}</legend>
                {[(CrosshairMode::DataCentred, strings.data_centred), (CrosshairMode::ScaleCentred, strings.scale_centred)]
                    .into_iter()
                    .map(|(value, label)| view! {
                        <label>
                            <input type="radio" name="dash-crosshair" checked=move || dash.mode.get() == value on:change=move |_| dash.mode.set(value)/>
                            {label}
                        </label>
                    })
                    .collect_view()}
            </fieldset>
            <label>
                <input type="checkbox" prop:checked=move || dash.diagonal.get() on:change=move |_| dash.diagonal.update(|d| *d = !*d)/>
                {strings.show_diagonal}
            </label>
            <label>
                <input type="checkbox" prop:checked=move || dash.intervals.get() on:change=move |_| dash.intervals.update(|d| *d = !*d)/>
                {words.dash_show_intervals}
            </label>
            {has_satisfaction.then(|| view! {
                <fieldset>
                    <legend>{words.dash_chart_mode}</legend>
                    {[(false, words.dash_chart_ipa), (true, words.dash_chart_drivers)]
                        .into_iter()
                        .map(|(value, label)| view! {
                            <label>
                                <input type="radio" name="dash-chart-mode" prop:checked=move || dash.drivers_chart.get() == value on:change=move |_| dash.drivers_chart.set(value)/>
                                {label}
                            </label>
                        })
                        .collect_view()}
                </fieldset>
            })}
            <button type="button" class="quiet" on:click=move |_| { let _ = window().print(); }>{strings.print_report}</button>
        </div>
        <fieldset class="view-switch">
            <legend>{words.dash_view}</legend>
            {[
                (View::Results, words.dash_view_results),
                (View::Alignment, words.dash_view_alignment),
                (View::Waves, words.dash_view_waves),
                (View::Portfolio, words.dash_view_portfolio),
                (View::Summary, words.dash_view_summary),
            ]
                .into_iter()
                .map(|(value, label)| view! {
                    <label>
                        <input type="radio" name="dash-view" prop:checked=move || dash.view.get() == value on:change=move |_| dash.view.set(value)/>
                        {label}
                    </label>
                })
                .collect_view()}
        </fieldset>
        {move || {
            match dash.view.get() {
                View::Results => {
                    let chart_survey = survey.clone();
                    view! {
                    <section class="results dashboard-report" aria-labelledby="dash-report-title">
                        <h3 id="dash-report-title">{words.dash_report_title}</h3>
                        <Show when=move || withheld.get().is_none()>
                            {
                                let chart_survey = chart_survey.clone();
                                move || if dash.drivers_chart.get() {
                                    chart_section(strings, "dash-drivers-chart", words.drivers_chart_title.to_owned(), drivers_chart(chart_survey.clone(), locale, overall, dash.intervals.into())).into_any()
                                } else {
                                    chart_section(strings, "dash-gap-chart", strings.gap_chart_title.to_owned(), gap_chart(chart_survey.clone(), locale, overall, dash.diagonal, true, dash.intervals.into())).into_any()
                                }
                            }
                            <Verdict dash report/>
                            <Comparison dash report/>
                            <Drivers dash overall/>
                        </Show>
                        <RankingTable dash ranked wave=ranked_wave/>
                        <Exports dash report ranked/>
                    </section>
                }.into_any()
                }
                View::Alignment => view! {
                    <section class="results dashboard-report" aria-labelledby="alignment-title">
                        <AlignmentView dash/>
                    </section>
                }.into_any(),
                View::Waves => view! {
                    <section class="results dashboard-report" aria-labelledby="waves-title">
                        <WavesView dash/>
                    </section>
                }.into_any(),
                View::Portfolio => view! {
                    <section class="results dashboard-report" aria-labelledby="portfolio-title">
                        <PortfolioView dash/>
                    </section>
                }.into_any(),
                View::Summary => view! {
                    <section class="results dashboard-report" aria-labelledby="summary-title">
                        <SummaryView dash/>
                    </section>
                }.into_any(),
            }
        }}
    }
}

/// A message about the anonymity threshold, `n` filled in.
pub fn withheld_text(template: &str, n: u64) -> String {
    Strings::fill(template, &[("n", &n.to_string())])
}

/// The downloads' file name stem: the data set's name, made safe for a file name.
pub fn file_stem(dash: Dash) -> impl Fn() -> String + Copy {
    move || {
        let name = dash
            .current
            .with_untracked(|c| c.as_ref().map(|c| slug(&c.info.name)).unwrap_or_default());
        if name.is_empty() {
            "partnerlens-dashboard".to_owned()
        } else {
            name
        }
    }
}

/// A CSV and a JSON download button (the JSON as the CLI prints it), named after the data set
/// and `name`, offered once `ready`.
pub fn csv_and_json<T: serde::Serialize + 'static>(
    dash: Dash,
    name: &'static str,
    (csv_label, json_label): (&'static str, &'static str),
    ready: impl Fn() -> bool + Copy + Send + Sync + 'static,
    data: impl Fn() -> Option<T> + Copy + Send + Sync + 'static,
    csv: impl Fn(&T) -> String + Send + Sync + 'static,
) -> impl IntoView {
    let stem = file_stem(dash);
    view! {
        <button type="button" prop:disabled=move || !ready() on:click=move |_| {
            if let Some(d) = data() { save_csv(&format!("{}-{name}.csv", stem()), &csv(&d)) }
        }>{csv_label}</button>
        <button type="button" prop:disabled=move || !ready() on:click=move |_| {
            if let Some(d) = data() { save_view_json(dash, name, &d) }
        }>{json_label}</button>
    }
}

/// Downloads `data` as JSON, as the CLI prints it, named after the data set and `name`.
pub fn save_view_json<T: serde::Serialize>(dash: Dash, name: &str, data: &T) {
    let json = serde_json::to_string_pretty(data).unwrap_or_default();
    save_json(&format!("{}-{name}.json", file_stem(dash)()), &json);
}

/// Downloads of the aggregate and the ranking, as CSV and JSON.
#[component]
fn Exports(
    dash: Dash,
    report: Memo<Option<AggregateReport>>,
    ranked: Memo<Vec<RankedPartner>>,
) -> impl IntoView {
    let survey = use_survey();
    let words = use_app_state().locale.get_untracked().dash();
    let always = || true;
    let ranking_survey = survey.clone();
    let report_survey = survey.clone();
    // The ranking as exported: with the weights it was made under.
    let ranking = Memo::new(move |_| {
        let weights = dash
            .weights
            .with(|w| weights_in_force(&report_survey, w.as_ref()));
        ranking_report(&report_survey, ranked.get(), &weights)
    });
    view! {
        <section class="report-section take-away" aria-labelledby="dash-export-title">
            <h4 id="dash-export-title">{words.dash_export_title}</h4>
            <p class="downloads">
                {csv_and_json(dash, "aggregate", (words.dash_aggregate_csv, words.dash_aggregate_json), always, move || report.get_untracked(), aggregate_csv)}
                {csv_and_json(dash, "ranking", (words.dash_ranking_csv, words.dash_ranking_json), always, move || Some(ranking.get_untracked()), move |r: &RankingReport| ranking_csv(&ranking_survey, r))}
                // Every response of the set, whatever the filters: the set as a file, which
                // the dashboard and the CLI read back.
                {csv_and_json(dash, "answers", (words.dash_answers_csv, words.dash_answers_json), always, move || dash.current.with_untracked(|c| c.as_ref().map(|c| c.responses.to_vec())), move |r: &Vec<Response>| long_csv(&survey, r))}
            </p>
        </section>
    }
}

/// One partner's results, opened from the ranking, with the way back.
pub fn partner_results(dash: Dash, locale: Locale, response: Response) -> impl IntoView {
    let words = locale.dash();
    let who = response.profile.who();
    let response = RwSignal::new(response);
    view! {
        <main class="dashboard">
            <button type="button" class="quiet" on:click=move |_| dash.opened.set(None)>{words.dash_back_to_dashboard}</button>
            <h1>{words.dash_title}</h1>
            <h2>{who}</h2>
            <ResultsReport response view=ReportView::new() envelope=None take_focus=true shared=true/>
        </main>
    }
}
