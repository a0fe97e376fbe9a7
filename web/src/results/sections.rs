//! The content of each chart section, derived from the live scorecard: the chart's data,
//! its one-sentence summary and its table. Numbers come from the engine; this only picks,
//! labels and formats them.

use super::chart_section::{Section, Table};
use super::{cell, element_info, quadrant_names, SHORT};
use crate::charts::{AreaBars, FiveCsChart, GapBars, GapChart};
use crate::i18n::{Locale, Strings};
use crate::weights::{weights_in_force, what_if_note};
use engine::layout::chart::{marker_numbers, short_label, GapPoint};
use engine::scoring::aggregate::{CrosshairMode, Summary};
use engine::scoring::model::GroupKeys;
use engine::scoring::ranking::{category_label, category_of, overall_with};
use engine::scoring::scorecard::Scorecard;
use engine::{Response, Survey};
use leptos::prelude::*;
use std::sync::Arc;

type Card = Memo<Option<Scorecard>>;

pub(crate) fn mode_word(strings: &Strings, mode: CrosshairMode) -> &'static str {
    match mode {
        CrosshairMode::DataCentred => strings.data_centred_short,
        CrosshairMode::ScaleCentred => strings.scale_centred_short,
    }
}

/// The elements with both means, as (point, area, index into `summary.elements`).
fn plotted(survey: &Survey, summary: &Summary, code: &str) -> Vec<(GapPoint, usize, usize)> {
    summary
        .elements
        .iter()
        .zip(element_info(survey))
        .enumerate()
        .filter_map(|(i, (score, (area, label)))| {
            let point = GapPoint {
                performance: score.performance?,
                importance: score.importance?,
                label: short_label(label.get(code), SHORT),
            };
            Some((point, area, i))
        })
        .collect()
}

/// A gap chart of these points (each with its area), with the survey's scale and areas, the
/// crosshair (importance, performance) and its caption, and no arrows.
pub(crate) fn gap_chart_of(
    survey: &Survey,
    locale: Locale,
    points: Vec<GapPoint>,
    point_areas: Vec<usize>,
    (crosshair, mode): ((f64, f64), CrosshairMode),
    diagonal: bool,
) -> GapChart {
    let strings = locale.strings();
    let code = locale.code();
    let caption = Strings::fill(
        strings.crosshair_caption,
        &[
            ("mode", mode_word(strings, mode)),
            ("importance", &locale.decimal(crosshair.0)),
            ("performance", &locale.decimal(crosshair.1)),
        ],
    );
    GapChart {
        point_areas,
        points,
        scale: (survey.scale.min, survey.scale.max),
        crosshair,
        diagonal,
        caption,
        quadrant_names: quadrant_names(strings),
        x_title: format!("{} →", strings.performance),
        y_title: format!("{} →", strings.importance),
        legend: survey
            .areas
            .iter()
            .map(|a| a.title.get(code).to_owned())
            .collect(),
        origins: Vec::new(),
        errors: Vec::new(),
        x_axis: None,
    }
}

/// The gap chart: every element with both means, the crosshair, the table keyed by marker.
/// Over many responses (`spread`), the table adds each element's n, standard deviations and
/// the gap's interval, and the chart can draw the intervals (`intervals`).
pub fn gap_chart(
    survey: Arc<Survey>,
    locale: Locale,
    summary: Memo<Option<Summary>>,
    diagonal: RwSignal<bool>,
    spread: bool,
    intervals: Signal<bool>,
) -> Memo<Option<Section<GapChart>>> {
    let strings = locale.strings();
    let code = locale.code();
    Memo::new(move |_| {
        summary.with(|summary| {
            let summary = summary.as_ref()?;
            let plotted = plotted(&survey, summary, code);
            if plotted.is_empty() {
                return None;
            }
            let crosshair = (
                summary.crosshair.importance?,
                summary.crosshair.performance?,
            );
            let mode = mode_word(strings, summary.crosshair.mode);
            let points: Vec<GapPoint> = plotted.iter().map(|(p, ..)| p.clone()).collect();
            let numbers = marker_numbers(&points);
            let info = element_info(&survey);
            let rows = plotted
                .iter()
                .zip(numbers)
                .map(|((_, area, i), number)| {
                    let score = &summary.elements[*i];
                    let mut row = vec![
                        number.to_string(),
                        info[*i].1.get(code).to_owned(),
                        survey.areas[*area].title.get(code).to_owned(),
                        cell(locale, score.importance),
                        cell(locale, score.performance),
                        cell(locale, score.gap),
                        score
                            .quadrant
                            .map(|q| {
                                let name = quadrant_names(strings)[q.index()].clone();
                                if score.clear_quadrant == Some(false) {
                                    Strings::fill(strings.quadrant_unclear, &[("quadrant", &name)])
                                } else {
                                    name
                                }
                            })
                            .unwrap_or_default(),
                    ];
                    if spread {
                        row.extend([
                            score.n.to_string(),
                            cell(locale, score.importance_sd),
                            cell(locale, score.performance_sd),
                            score.gap_ci.map_or_else(
                                || "–".to_owned(),
                                |ci| {
                                    Strings::fill(
                                        strings.interval_range,
                                        &[
                                            ("low", &locale.decimal(ci.low)),
                                            ("high", &locale.decimal(ci.high)),
                                        ],
                                    )
                                },
                            ),
                        ]);
                    }
                    row
                })
                .collect();
            let counts = summary.quadrant_counts();
            let summary_text = Strings::fill(
                strings.gap_chart_summary,
                &[
                    ("count", &counts.iter().sum::<usize>().to_string()),
                    ("mode", mode),
                    ("q0", &counts[0].to_string()),
                    ("q1", &counts[1].to_string()),
                    ("q2", &counts[2].to_string()),
                    ("q3", &counts[3].to_string()),
                ],
            );
            let mut chart = gap_chart_of(
                &survey,
                locale,
                points,
                plotted.iter().map(|(_, area, _)| *area).collect(),
                (crosshair, summary.crosshair.mode),
                diagonal.get(),
            );
            if intervals.get() {
                chart.errors = plotted
                    .iter()
                    .map(|(_, _, i)| {
                        let score = &summary.elements[*i];
                        score.importance_ci.zip(score.performance_ci)
                    })
                    .collect();
            }
            Some(Section {
                chart,
                summary: summary_text,
                table: Table {
                    headers: [
                        strings.col_number,
                        strings.col_element,
                        strings.col_area,
                        strings.importance,
                        strings.performance,
                        strings.col_gap,
                        strings.col_quadrant,
                    ]
                    .into_iter()
                    .chain(
                        spread
                            .then_some([
                                strings.col_n,
                                strings.col_sd_importance,
                                strings.col_sd_performance,
                                strings.col_gap_interval,
                            ])
                            .into_iter()
                            .flatten(),
                    )
                    .map(String::from)
                    .collect(),
                    rows,
                    key: 1,
                    numeric: vec![0, 3, 4, 5, 7, 8, 9],
                    note: Some(if spread {
                        format!("{} {}", strings.shared_point, strings.unclear_note)
                    } else {
                        strings.shared_point.to_owned()
                    }),
                    total_last: false,
                },
                note: None,
            })
        })
    })
}

/// Every element's gap, largest first.
pub fn gap_bars(survey: Arc<Survey>, locale: Locale, card: Card) -> Memo<Option<Section<GapBars>>> {
    let strings = locale.strings();
    let code = locale.code();
    Memo::new(move |_| {
        card.with(|card| {
            let summary = &card.as_ref()?.summary;
            let info = element_info(&survey);
            // (full label, gap, quadrant) by rank.
            let ranked: Vec<(&str, f64, usize)> = summary
                .ranked_by_gap()
                .into_iter()
                .filter_map(|score| {
                    let i = summary.elements.iter().position(|e| e.id == score.id)?;
                    Some((
                        info.get(i)?.1.get(code),
                        score.gap?,
                        score.quadrant?.index(),
                    ))
                })
                .collect();
            let (first, last) = (ranked.first()?, ranked.last()?);
            let names = quadrant_names(strings);
            Some(Section {
                summary: Strings::fill(
                    strings.gap_bars_summary,
                    &[
                        ("first", first.0),
                        ("largest", &locale.decimal(first.1)),
                        ("last", last.0),
                        ("smallest", &locale.decimal(last.1)),
                    ],
                ),
                table: Table {
                    headers: [
                        strings.col_rank,
                        strings.col_element,
                        strings.col_gap,
                        strings.col_quadrant,
                    ]
                    .map(String::from)
                    .to_vec(),
                    rows: ranked
                        .iter()
                        .enumerate()
                        .map(|(rank, (label, gap, q))| {
                            vec![
                                (rank + 1).to_string(),
                                (*label).to_owned(),
                                locale.decimal(*gap),
                                names[*q].clone(),
                            ]
                        })
                        .collect(),
                    key: 1,
                    numeric: vec![2],
                    ..Table::default()
                },
                chart: GapBars {
                    bars: ranked
                        .iter()
                        .map(|(label, gap, q)| {
                            (short_label(label, SHORT), *gap, locale.decimal(*gap), *q)
                        })
                        .collect(),
                    quadrant_names: names,
                },
                note: None,
            })
        })
    })
}

/// Mean importance and performance per area.
pub fn areas(survey: Arc<Survey>, locale: Locale, card: Card) -> Memo<Option<Section<AreaBars>>> {
    let strings = locale.strings();
    let code = locale.code();
    Memo::new(move |_| {
        card.with(|card| {
            let summary = &card.as_ref()?.summary;
            if summary.areas.iter().all(|a| a.importance.is_none()) {
                return None;
            }
            let titles: Vec<&str> = survey.areas.iter().map(|a| a.title.get(code)).collect();
            let widest = summary
                .areas
                .iter()
                .zip(&titles)
                .filter_map(|(a, title)| Some((title, a.importance?, a.performance?, a.gap?)))
                .max_by(|a, b| a.3.total_cmp(&b.3));
            Some(Section {
                summary: widest
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
                    .unwrap_or_default(),
                table: Table {
                    headers: [
                        strings.col_area,
                        strings.importance,
                        strings.performance,
                        strings.col_gap,
                    ]
                    .map(String::from)
                    .to_vec(),
                    rows: summary
                        .areas
                        .iter()
                        .zip(&titles)
                        .map(|(a, title)| {
                            vec![
                                (*title).to_owned(),
                                cell(locale, a.importance),
                                cell(locale, a.performance),
                                cell(locale, a.gap),
                            ]
                        })
                        .collect(),
                    key: 0,
                    numeric: vec![1, 2, 3],
                    ..Table::default()
                },
                chart: AreaBars {
                    areas: summary
                        .areas
                        .iter()
                        .zip(&titles)
                        .map(|(a, title)| ((*title).to_owned(), a.importance, a.performance))
                        .collect(),
                    scale: (survey.scale.min, survey.scale.max),
                    series: [
                        strings.importance.to_owned(),
                        strings.performance.to_owned(),
                    ],
                },
                note: None,
            })
        })
    })
}

/// The five Cs per C and overall, with the partner's category above the chart.
pub fn five_cs(
    survey: Arc<Survey>,
    locale: Locale,
    card: Card,
    response: RwSignal<Response>,
    weights: RwSignal<Option<Vec<f64>>>,
) -> Memo<Option<Section<FiveCsChart>>> {
    let strings = locale.strings();
    let code = locale.code();
    Memo::new(move |_| {
        let section = survey.sections.five_cs.as_ref()?;
        card.with(|card| {
            let five = card.as_ref()?.summary.five_cs.as_ref()?;
            // The overall score under the weights in force: the survey's, or a what-if.
            let what_if = weights.get();
            let scores: Vec<Option<f64>> = five.dimensions.iter().map(|d| d.score).collect();
            let overall = overall_with(&scores, &weights_in_force(&survey, what_if.as_ref()))?;
            let note = what_if_note(&survey, locale, what_if.as_ref());
            let keys = response.with(|r| GroupKeys::of(&r.profile, &survey));
            let category = category_of(&survey, &keys, Some(overall))
                .and_then(|id| category_label(&survey, &id))
                .map(|label| format!("{}: {}", strings.category, label.get(code)));
            let labels: Vec<&str> = section
                .dimensions
                .iter()
                .map(|d| d.label.get(code))
                .collect();
            let whole = |value: Option<f64>| value.map_or_else(|| "–".to_owned(), Locale::whole);
            let scored = five
                .dimensions
                .iter()
                .zip(&labels)
                .filter_map(|(d, label)| Some((*label, d.score?)));
            let best = scored.clone().max_by(|a, b| a.1.total_cmp(&b.1))?;
            let worst = scored.min_by(|a, b| a.1.total_cmp(&b.1))?;
            let mut rows: Vec<Vec<String>> = five
                .dimensions
                .iter()
                .zip(&labels)
                .map(|(d, label)| vec![(*label).to_owned(), whole(d.score), d.answers.to_string()])
                .collect();
            rows.push(vec![
                strings.overall.to_owned(),
                whole(Some(overall)),
                String::new(),
            ]);
            let mut bars: Vec<(String, Option<f64>)> = five
                .dimensions
                .iter()
                .zip(&labels)
                .map(|(d, label)| ((*label).to_owned(), d.score))
                .collect();
            bars.push((strings.overall.to_owned(), Some(overall)));
            Some(Section {
                summary: Strings::fill(
                    strings.five_cs_summary,
                    &[
                        ("score", &Locale::whole(overall)),
                        ("best", best.0),
                        ("high", &Locale::whole(best.1)),
                        ("worst", worst.0),
                        ("low", &Locale::whole(worst.1)),
                    ],
                ),
                table: Table {
                    headers: [
                        strings.col_dimension,
                        strings.col_score,
                        strings.col_answers,
                    ]
                    .map(String::from)
                    .to_vec(),
                    rows,
                    key: 0,
                    numeric: vec![1, 2],
                    total_last: true,
                    ..Table::default()
                },
                chart: FiveCsChart { bars },
                // The category, and the what-if weights when they are not the survey's.
                note: match (category, note) {
                    (Some(category), Some(note)) => Some(format!("{category}. {note}")),
                    (category, note) => category.or(note),
                },
            })
        })
    })
}
