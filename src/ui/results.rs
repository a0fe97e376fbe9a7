//! The partner's report: the index, the gap chart, ranked gaps, areas, the five Cs, journey
//! and maturity, what to do first, and how partners of this type are usually managed. Every
//! number comes from the engine's scorecard; each chart has its table right under it.

use super::charts::{AreaBars, ChartCanvas, FiveCsChart, GapBars, GapChart};
use super::i18n::{Locale, Strings};
use crate::engine::aggregate::{CrosshairMode, ElementScore, Quadrant, Summary};
use crate::engine::chart_layout::{coincident, short_label, GapPoint};
use crate::engine::model::ScoringModel;
use crate::engine::ranking::{category_label, rank_partners};
use crate::engine::scorecard::{score, Scorecard};
use crate::engine::{Response, Survey, Text};
use leptos::html::H3;
use leptos::prelude::*;
use std::sync::Arc;

/// Chart labels longer than this are cut; tables give them in full.
const SHORT: usize = 22;

fn quadrant_index(quadrant: Quadrant) -> usize {
    Quadrant::ALL
        .iter()
        .position(|q| *q == quadrant)
        .unwrap_or_default()
}

fn quadrant_names(strings: &Strings) -> [String; 4] {
    [
        strings.quadrant_concentrate,
        strings.quadrant_keep_up,
        strings.quadrant_low_priority,
        strings.quadrant_overkill,
    ]
    .map(String::from)
}

/// A model element's label and its area's position, in the order of `Summary::elements`.
fn element_info(survey: &Survey) -> Vec<(usize, &Text)> {
    survey
        .areas
        .iter()
        .enumerate()
        .flat_map(|(a, area)| area.elements.iter().map(move |e| (a, &e.label)))
        .collect()
}

/// Elements with both means: the points of the gap chart, with their area and score.
fn plotted<'a>(
    survey: &'a Survey,
    summary: &'a Summary,
    code: &str,
) -> Vec<(GapPoint, usize, &'a ElementScore, &'a Text)> {
    summary
        .elements
        .iter()
        .zip(element_info(survey))
        .filter_map(|(score, (area, label))| {
            let point = GapPoint {
                performance: score.performance?,
                importance: score.importance?,
                label: short_label(label.get(code), SHORT),
            };
            Some((point, area, score, label))
        })
        .collect()
}

/// The report, drawn from the live answers: it follows every change.
#[component]
pub fn ResultsReport(
    survey: Arc<Survey>,
    locale: Locale,
    response: RwSignal<Response>,
) -> impl IntoView {
    let strings = locale.strings();
    let mode = RwSignal::new(CrosshairMode::DataCentred);
    let diagonal = RwSignal::new(false);
    let scored = survey.clone();
    let card = Memo::new(move |_| {
        let model = ScoringModel::new(&scored);
        response.with(|r| score(&model, r, mode.get()).ok())
    });
    let heading = NodeRef::<H3>::new();
    // Keyboard and screen-reader users land on the results they asked for, once drawn.
    Effect::new(move || {
        if let Some(heading) = heading.get() {
            let _ = heading.focus();
        }
    });
    let headline = move || {
        card.with(|card| {
            let card = card.as_ref()?;
            let (pxi, class) = card.summary.pxi.map_or_else(
                || (strings.no_data.to_owned(), ""),
                |p| ((p.round() as i64).to_string(), "headline"),
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

    let settings = view! {
        <div class="report-settings">
            <fieldset>
                <legend>{strings.crosshair}</legend>
                {[(CrosshairMode::DataCentred, strings.data_centred), (CrosshairMode::ScaleCentred, strings.scale_centred)]
                    .into_iter()
                    .map(|(value, label)| view! {
                        <label>
                            <input
                                type="radio"
                                name="crosshair-mode"
                                checked=move || mode.get() == value
                                on:change=move |_| mode.set(value)
                            />
                            {label}
                        </label>
                    })
                    .collect_view()}
            </fieldset>
            <label>
                <input type="checkbox" prop:checked=move || diagonal.get() on:change=move |_| diagonal.update(|d| *d = !*d)/>
                {strings.show_diagonal}
            </label>
            <button type="button" class="quiet" on:click=move |_| { let _ = window().print(); }>
                {strings.print_report}
            </button>
        </div>
    };

    view! {
        <section class="results" aria-labelledby="results-title">
            <h3 id="results-title" tabindex="-1" node_ref=heading>{strings.results_title}</h3>
            <p class="report-intro">{strings.report_intro}</p>
            {headline}
            {settings}
            <GapSection survey=survey.clone() locale card mode diagonal/>
            <Priorities survey=survey.clone() locale card/>
            <GapBarsSection survey=survey.clone() locale card/>
            <AreasSection survey=survey.clone() locale card/>
            <FiveCsSection survey=survey.clone() locale card response/>
            <Placements survey=survey.clone() locale card/>
            <Management survey locale response/>
        </section>
    }
}

/// A value for a table cell: one decimal, or a dash without data.
fn cell(locale: Locale, value: Option<f64>) -> String {
    value.map_or_else(|| "–".to_owned(), |v| locale.decimal(v))
}

/// The gap chart with its crosshair and diagonal settings, and its table keyed by number.
#[component]
fn GapSection(
    survey: Arc<Survey>,
    locale: Locale,
    card: Memo<Option<Scorecard>>,
    mode: RwSignal<CrosshairMode>,
    diagonal: RwSignal<bool>,
) -> impl IntoView {
    let strings = locale.strings();
    let code = locale.code();
    let has_points = Memo::new(move |_| {
        card.with(|c| {
            c.as_ref()
                .is_some_and(|c| c.summary.elements.iter().any(|e| e.gap.is_some()))
        })
    });
    let mode_word = move |mode: CrosshairMode| match mode {
        CrosshairMode::DataCentred => strings.data_centred_short,
        CrosshairMode::ScaleCentred => strings.scale_centred_short,
    };
    let chart_survey = survey.clone();
    let chart = move || -> Box<dyn super::charts::Chart> {
        let survey = &chart_survey;
        card.with(|card| {
            let summary = card.as_ref().map(|c| &c.summary);
            let points = summary
                .map(|s| plotted(survey, s, code))
                .unwrap_or_default();
            let crosshair = summary.map_or((0.0, 0.0), |s| {
                (
                    s.crosshair.importance.unwrap_or_default(),
                    s.crosshair.performance.unwrap_or_default(),
                )
            });
            let caption = Strings::fill(
                strings.crosshair_caption,
                &[
                    ("mode", mode_word(mode.get())),
                    ("importance", &locale.decimal(crosshair.0)),
                    ("performance", &locale.decimal(crosshair.1)),
                ],
            );
            Box::new(GapChart {
                point_areas: points.iter().map(|(_, area, ..)| *area).collect(),
                points: points.into_iter().map(|(point, ..)| point).collect(),
                scale: (survey.scale.min, survey.scale.max),
                crosshair,
                diagonal: diagonal.get(),
                caption,
                quadrant_names: quadrant_names(strings),
                x_title: format!("{} →", strings.performance),
                y_title: format!("{} →", strings.importance),
                legend: survey
                    .areas
                    .iter()
                    .map(|a| a.title.get(code).to_owned())
                    .collect(),
            })
        })
    };
    let summary = Signal::derive(move || {
        card.with(|card| {
            let Some(card) = card else {
                return String::new();
            };
            let counts = card.summary.quadrant_counts().map(|n| n.to_string());
            let total: usize = card.summary.quadrant_counts().iter().sum();
            Strings::fill(
                strings.gap_chart_summary,
                &[
                    ("count", &total.to_string()),
                    ("mode", mode_word(card.summary.crosshair.mode)),
                    ("q0", &counts[0]),
                    ("q1", &counts[1]),
                    ("q2", &counts[2]),
                    ("q3", &counts[3]),
                ],
            )
        })
    });
    let rows = move || {
        card.with(|card| {
            let Some(card) = card else { return Vec::new() };
            let points = plotted(&survey, &card.summary, code);
            let gap_points: Vec<GapPoint> = points.iter().map(|(p, ..)| p.clone()).collect();
            let mut numbers = vec![0; points.len()];
            for (marker, members) in coincident(&gap_points).iter().enumerate() {
                for &member in members {
                    numbers[member] = marker + 1;
                }
            }
            points
                .iter()
                .zip(numbers)
                .map(|((_, area, score, label), number)| {
                    let quadrant = score
                        .quadrant
                        .map(|q| quadrant_names(strings)[quadrant_index(q)].clone());
                    view! {
                        <tr>
                            <td>{number}</td>
                            <th scope="row">{label.get(code).to_owned()}</th>
                            <td>{survey.areas[*area].title.get(code).to_owned()}</td>
                            <td class="num">{cell(locale, score.importance)}</td>
                            <td class="num">{cell(locale, score.performance)}</td>
                            <td class="num">{cell(locale, score.gap)}</td>
                            <td>{quadrant}</td>
                        </tr>
                    }
                })
                .collect::<Vec<_>>()
        })
    };
    let title = strings.gap_chart_title;
    view! {
        <Show when=move || has_points.get()>
            <section class="report-section" aria-labelledby="gap-chart-title">
                <h4 id="gap-chart-title">{title}</h4>
                <ChartCanvas
                    summary
                    file_name="gap-chart".to_owned()
                    download=Strings::fill(strings.download_png, &[("chart", title)])
                    chart=chart.clone()
                />
                <div class="table-wrap" role="region" aria-label=title tabindex="0">
                    <table class="data" id="gap-table">
                        <caption>{strings.shared_point}</caption>
                        <thead>
                            <tr>
                                <th scope="col">{strings.col_number}</th>
                                <th scope="col">{strings.col_element}</th>
                                <th scope="col">{strings.col_area}</th>
                                <th scope="col">{strings.importance}</th>
                                <th scope="col">{strings.performance}</th>
                                <th scope="col">{strings.col_gap}</th>
                                <th scope="col">{strings.col_quadrant}</th>
                            </tr>
                        </thead>
                        <tbody>{rows.clone()}</tbody>
                    </table>
                </div>
            </section>
        </Show>
    }
}

/// "Concentrate here" as actions, largest gap first.
#[component]
fn Priorities(survey: Arc<Survey>, locale: Locale, card: Memo<Option<Scorecard>>) -> impl IntoView {
    let strings = locale.strings();
    let code = locale.code();
    let actions = move || {
        card.with(|card| {
            let summary = &card.as_ref()?.summary;
            let info = element_info(&survey);
            let actions: Vec<String> = summary
                .priorities
                .iter()
                .filter_map(|id| {
                    let position = summary.elements.iter().position(|e| &e.id == id)?;
                    let score = &summary.elements[position];
                    Some(Strings::fill(
                        strings.action,
                        &[
                            ("element", info.get(position)?.1.get(code)),
                            ("importance", &cell(locale, score.importance)),
                            ("performance", &cell(locale, score.performance)),
                            ("gap", &cell(locale, score.gap)),
                        ],
                    ))
                })
                .collect();
            Some(if actions.is_empty() {
                view! { <p>{strings.no_priorities}</p> }.into_any()
            } else {
                view! { <ol class="actions">{actions.into_iter().map(|a| view! { <li>{a}</li> }).collect_view()}</ol> }.into_any()
            })
        })
    };
    view! {
        <section class="report-section priorities" aria-labelledby="priorities-title">
            <h4 id="priorities-title">{strings.concentrate_here}</h4>
            {actions}
        </section>
    }
}

/// Every element's gap as a bar, largest first, with the ranked table.
#[component]
fn GapBarsSection(
    survey: Arc<Survey>,
    locale: Locale,
    card: Memo<Option<Scorecard>>,
) -> impl IntoView {
    let strings = locale.strings();
    let code = locale.code();
    let info = Arc::new(element_info_owned(&survey, code));
    // (full label, gap, quadrant) by rank.
    let ranked = {
        let info = info.clone();
        Memo::new(move |_| {
            card.with(|card| {
                let Some(card) = card else { return Vec::new() };
                card.summary
                    .ranked_by_gap()
                    .into_iter()
                    .filter_map(|score| {
                        let position = card
                            .summary
                            .elements
                            .iter()
                            .position(|e| e.id == score.id)?;
                        Some((
                            info.get(position)?.clone(),
                            score.gap?,
                            quadrant_index(score.quadrant?),
                        ))
                    })
                    .collect::<Vec<(String, f64, usize)>>()
            })
        })
    };
    let chart = move || -> Box<dyn super::charts::Chart> {
        Box::new(GapBars {
            bars: ranked
                .get()
                .into_iter()
                .map(|(label, gap, quadrant)| {
                    (
                        short_label(&label, SHORT),
                        gap,
                        locale.decimal(gap),
                        quadrant,
                    )
                })
                .collect(),
            quadrant_names: quadrant_names(strings),
        })
    };
    let summary = Signal::derive(move || {
        ranked.with(|ranked| match (ranked.first(), ranked.last()) {
            (Some(first), Some(last)) => Strings::fill(
                strings.gap_bars_summary,
                &[
                    ("first", &first.0),
                    ("largest", &locale.decimal(first.1)),
                    ("last", &last.0),
                    ("smallest", &locale.decimal(last.1)),
                ],
            ),
            _ => String::new(),
        })
    });
    let rows = move || {
        ranked.with(|ranked| {
            ranked
                .iter()
                .enumerate()
                .map(|(rank, (label, gap, quadrant))| {
                    view! {
                        <tr>
                            <td>{rank + 1}</td>
                            <th scope="row">{label.clone()}</th>
                            <td class="num">{locale.decimal(*gap)}</td>
                            <td>{quadrant_names(strings)[*quadrant].clone()}</td>
                        </tr>
                    }
                })
                .collect::<Vec<_>>()
        })
    };
    let title = strings.gap_bars_title;
    view! {
        <Show when=move || ranked.with(|r| !r.is_empty())>
            <section class="report-section" aria-labelledby="gap-bars-title">
                <h4 id="gap-bars-title">{title}</h4>
                <ChartCanvas
                    summary
                    file_name="gaps".to_owned()
                    download=Strings::fill(strings.download_png, &[("chart", title)])
                    chart=chart
                />
                <div class="table-wrap" role="region" aria-label=title tabindex="0">
                    <table class="data">
                        <thead>
                            <tr>
                                <th scope="col">{strings.col_rank}</th>
                                <th scope="col">{strings.col_element}</th>
                                <th scope="col">{strings.col_gap}</th>
                                <th scope="col">{strings.col_quadrant}</th>
                            </tr>
                        </thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
            </section>
        </Show>
    }
}

/// Element labels in one language, in the order of `Summary::elements`.
fn element_info_owned(survey: &Survey, code: &str) -> Vec<String> {
    element_info(survey)
        .into_iter()
        .map(|(_, label)| label.get(code).to_owned())
        .collect()
}

/// Mean importance and performance per area, as grouped bars and a table.
#[component]
fn AreasSection(
    survey: Arc<Survey>,
    locale: Locale,
    card: Memo<Option<Scorecard>>,
) -> impl IntoView {
    let strings = locale.strings();
    let code = locale.code();
    let titles: Arc<Vec<String>> = Arc::new(
        survey
            .areas
            .iter()
            .map(|a| a.title.get(code).to_owned())
            .collect(),
    );
    let areas = {
        let titles = titles.clone();
        Memo::new(move |_| {
            card.with(|card| {
                let Some(card) = card else { return Vec::new() };
                card.summary
                    .areas
                    .iter()
                    .zip(titles.iter())
                    .map(|(area, title)| {
                        (title.clone(), area.importance, area.performance, area.gap)
                    })
                    .collect::<Vec<_>>()
            })
        })
    };
    let scale = (survey.scale.min, survey.scale.max);
    let chart = move || -> Box<dyn super::charts::Chart> {
        Box::new(AreaBars {
            areas: areas
                .get()
                .into_iter()
                .map(|(title, i, p, _)| (title, i, p))
                .collect(),
            scale,
            series: [
                strings.importance.to_owned(),
                strings.performance.to_owned(),
            ],
        })
    };
    let summary = Signal::derive(move || {
        areas.with(|areas| {
            areas
                .iter()
                .filter_map(|(title, i, p, gap)| Some((title, (*i)?, (*p)?, (*gap)?)))
                .max_by(|a, b| a.3.total_cmp(&b.3))
                .map(|(title, i, p, _)| {
                    Strings::fill(
                        strings.areas_summary,
                        &[
                            ("area", title),
                            ("importance", &locale.decimal(i)),
                            ("performance", &locale.decimal(p)),
                        ],
                    )
                })
                .unwrap_or_default()
        })
    });
    let rows = move || {
        areas.with(|areas| {
            areas
                .iter()
                .map(|(title, i, p, gap)| {
                    view! {
                        <tr>
                            <th scope="row">{title.clone()}</th>
                            <td class="num">{cell(locale, *i)}</td>
                            <td class="num">{cell(locale, *p)}</td>
                            <td class="num">{cell(locale, *gap)}</td>
                        </tr>
                    }
                })
                .collect::<Vec<_>>()
        })
    };
    let title = strings.areas_title;
    view! {
        <Show when=move || areas.with(|a| a.iter().any(|(_, i, ..)| i.is_some()))>
            <section class="report-section" aria-labelledby="areas-title">
                <h4 id="areas-title">{title}</h4>
                <ChartCanvas
                    summary
                    file_name="areas".to_owned()
                    download=Strings::fill(strings.download_png, &[("chart", title)])
                    chart=chart
                />
                <div class="table-wrap" role="region" aria-label=title tabindex="0">
                    <table class="data">
                        <thead>
                            <tr>
                                <th scope="col">{strings.col_area}</th>
                                <th scope="col">{strings.importance}</th>
                                <th scope="col">{strings.performance}</th>
                                <th scope="col">{strings.col_gap}</th>
                            </tr>
                        </thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
            </section>
        </Show>
    }
}

/// The five Cs per C and overall, with the partner's category.
#[component]
fn FiveCsSection(
    survey: Arc<Survey>,
    locale: Locale,
    card: Memo<Option<Scorecard>>,
    response: RwSignal<Response>,
) -> impl IntoView {
    let strings = locale.strings();
    let code = locale.code();
    let Some(section) = survey.sections.five_cs.as_ref() else {
        return ().into_any();
    };
    let section_title = section.title.get(code).to_owned();
    let labels: Arc<Vec<String>> = Arc::new(
        section
            .dimensions
            .iter()
            .map(|d| d.label.get(code).to_owned())
            .collect(),
    );
    // (label, score, answers) per C, then the overall score.
    let scores = {
        let labels = labels.clone();
        Memo::new(move |_| {
            card.with(|card| {
                let five = card.as_ref()?.summary.five_cs.as_ref()?;
                let dimensions: Vec<(String, Option<f64>, u64)> = five
                    .dimensions
                    .iter()
                    .zip(labels.iter())
                    .map(|(d, label)| (label.clone(), d.score, d.answers))
                    .collect();
                Some((dimensions, five.overall))
            })
        })
    };
    let category = Memo::new(move |_| {
        let model = ScoringModel::new(&survey);
        let row = response.with(|r| model.row(r));
        let id = rank_partners(&model, &[row]).pop()?.category?;
        category_label(&survey, &id).map(|label| label.get(code).to_owned())
    });
    let chart = move || -> Box<dyn super::charts::Chart> {
        let (dimensions, overall) = scores.get().unwrap_or_default();
        let mut bars: Vec<(String, Option<f64>)> =
            dimensions.into_iter().map(|(l, s, _)| (l, s)).collect();
        bars.push((strings.overall.to_owned(), overall));
        Box::new(FiveCsChart { bars })
    };
    let summary = Signal::derive(move || {
        scores.with(|scores| {
            let Some((dimensions, Some(overall))) = scores else {
                return String::new();
            };
            let scored = dimensions.iter().filter_map(|(l, s, _)| Some((l, (*s)?)));
            let best = scored.clone().max_by(|a, b| a.1.total_cmp(&b.1));
            let worst = scored.min_by(|a, b| a.1.total_cmp(&b.1));
            let (Some(best), Some(worst)) = (best, worst) else {
                return String::new();
            };
            Strings::fill(
                strings.five_cs_summary,
                &[
                    ("score", &format!("{overall:.0}")),
                    ("best", best.0),
                    ("high", &format!("{:.0}", best.1)),
                    ("worst", worst.0),
                    ("low", &format!("{:.0}", worst.1)),
                ],
            )
        })
    });
    let whole = |value: Option<f64>| value.map_or_else(|| "–".to_owned(), |v| format!("{v:.0}"));
    let rows = move || {
        scores.with(|scores| {
            let Some((dimensions, overall)) = scores else {
                return ().into_any();
            };
            view! {
                {dimensions
                    .iter()
                    .map(|(label, score, answers)| view! {
                        <tr>
                            <th scope="row">{label.clone()}</th>
                            <td class="num">{whole(*score)}</td>
                            <td class="num">{*answers}</td>
                        </tr>
                    })
                    .collect_view()}
                <tr class="total">
                    <th scope="row">{strings.overall}</th>
                    <td class="num">{whole(*overall)}</td>
                    <td></td>
                </tr>
            }
            .into_any()
        })
    };
    let download = Strings::fill(strings.download_png, &[("chart", &section_title)]);
    view! {
        <Show when=move || scores.with(|s| s.as_ref().is_some_and(|(_, overall)| overall.is_some()))>
            <section class="report-section" aria-labelledby="five-cs-title">
                <h4 id="five-cs-title">{section_title.clone()}</h4>
                {move || category.get().map(|category| view! {
                    <p class="category"><strong>{strings.category}": "</strong>{category}</p>
                })}
                <ChartCanvas summary file_name="five-cs".to_owned() download=download.clone() chart=chart/>
                <div class="table-wrap" role="region" aria-label=section_title.clone() tabindex="0">
                    <table class="data">
                        <thead>
                            <tr>
                                <th scope="col"><span class="visually-hidden">{strings.col_element}</span></th>
                                <th scope="col">{strings.col_score}</th>
                                <th scope="col">{strings.col_answers}</th>
                            </tr>
                        </thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
            </section>
        </Show>
    }
    .into_any()
}

/// Journey phase and maturity level as labelled steps, with the answers that placed them.
#[component]
fn Placements(survey: Arc<Survey>, locale: Locale, card: Memo<Option<Scorecard>>) -> impl IntoView {
    let strings = locale.strings();
    let code = locale.code();
    let journey_survey = survey.clone();
    let journey = move || {
        let section = journey_survey.sections.journey.as_ref()?;
        let placement = card.with(|c| c.as_ref()?.journey.clone())?;
        let criterion = |id: &String| {
            journey_survey.criteria().find(|c| &c.id == id).map_or_else(
                || id.clone(),
                |c| c.text.get(crate::engine::Side::Partner, code).to_owned(),
            )
        };
        let reached = placement
            .phase
            .as_ref()
            .and_then(|id| section.phases.iter().position(|p| &p.id == id));
        let steps = section
            .phases
            .iter()
            .enumerate()
            .map(|(i, phase)| {
                let here = Some(i) == reached;
                let class = match reached {
                    Some(r) if i < r => "step done",
                    _ if here => "step current",
                    _ => "step",
                };
                view! {
                    <li class=class aria-current=here.then_some("step")>
                        {phase.label.get(code).to_owned()}
                        {here.then(|| view! { <span class="here">" · "{strings.current_step}</span> })}
                    </li>
                }
            })
            .collect_view();
        let list = |ids: &Vec<String>| {
            ids.iter()
                .map(|id| view! { <li>{criterion(id)}</li> })
                .collect_view()
        };
        Some(view! {
            <section class="report-section placements" aria-labelledby="journey-title">
                <h4 id="journey-title">{section.title.get(code).to_owned()}</h4>
                <ol class="steps">{steps}</ol>
                {if placement.met.is_empty() {
                    view! { <p>{strings.journey_none}</p> }.into_any()
                } else {
                    view! { <p>{strings.journey_placed}</p><ul>{list(&placement.met)}</ul> }.into_any()
                }}
                {(!placement.next_phase_missing.is_empty()).then(|| view! {
                    <p>{strings.journey_next}</p>
                    <ul>{list(&placement.next_phase_missing)}</ul>
                })}
            </section>
        })
    };
    let maturity = move || {
        let section = survey.sections.maturity.as_ref()?;
        let placement = card.with(|c| c.as_ref()?.maturity.clone())?;
        let level = |id: &Option<String>| {
            id.as_ref()
                .and_then(|id| section.levels.iter().find(|l| &l.id == id))
                .map_or_else(|| "–".to_owned(), |l| l.label.get(code).to_owned())
        };
        let process = |id: &String| {
            section.processes.iter().find(|p| &p.id == id).map_or_else(
                || id.clone(),
                |p| p.text.get(crate::engine::Side::Partner, code).to_owned(),
            )
        };
        let steps = section
            .levels
            .iter()
            .map(|l| {
                let here = placement.median_level.as_ref() == Some(&l.id);
                view! {
                    <li class=if here { "step current" } else { "step" } aria-current=here.then_some("step")>
                        {l.label.get(code).to_owned()}
                        {here.then(|| view! { <span class="here">" · "{strings.current_step}</span> })}
                    </li>
                }
            })
            .collect_view();
        Some(view! {
            <section class="report-section placements" aria-labelledby="maturity-title">
                <h4 id="maturity-title">{section.title.get(code).to_owned()}</h4>
                <ol class="steps">{steps}</ol>
                <dl class="summary">
                    <dt>{strings.maturity_level}</dt>
                    <dd>{level(&placement.median_level)}</dd>
                    {placement.lowest.as_ref().map(|lowest| view! {
                        <dt>{strings.maturity_lowest}</dt>
                        <dd>{format!("{} ({})", process(&lowest.id), level(&lowest.level))}</dd>
                    })}
                </dl>
                {(!placement.deciding.is_empty()).then(|| view! {
                    <p>{strings.maturity_deciding}</p>
                    <ul>{placement.deciding.iter().map(|id| view! { <li>{process(id)}</li> }).collect_view()}</ul>
                })}
            </section>
        })
    };
    view! { {journey} {maturity} }
}

/// How partners of the respondent's function are usually managed (domain.md section 6).
#[component]
fn Management(survey: Arc<Survey>, locale: Locale, response: RwSignal<Response>) -> impl IntoView {
    let strings = locale.strings();
    let code = locale.code();
    move || {
        let type_id = response.with(|r| r.profile.partner_type.clone())?;
        let function = survey.function_of(&type_id)?;
        if function.management.is_empty() {
            return None;
        }
        Some(view! {
            <section class="report-section" aria-labelledby="management-title">
                <h4 id="management-title">{strings.management_title}</h4>
                <p><strong>{function.label.get(code).to_owned()}</strong></p>
                {(!function.primary_value.is_empty()).then(|| view! {
                    <p>{strings.primary_value}": "{function.primary_value.get(code).to_owned()}</p>
                })}
                <p>{function.management.get(code).to_owned()}</p>
            </section>
        })
    }
}
