//! The overall section across partners: the Net Promoter Score and the overall satisfaction,
//! the NPS by segment, and what drives satisfaction (derived against stated importance).

use super::filters::{dimension_name, value_name};
use super::views::{csv_and_json, withheld_text};
use super::{p_relation, Dash};
use crate::charts::{GapChart, XAxis};
use crate::i18n::{Locale, Strings};
use crate::results::cell;
use crate::results::chart_section::{DataTable, Section, Table};
use crate::results::element_info;
use crate::results::sections::gap_chart_of;
use crate::state::{use_app_state, use_survey};
use engine::analysis::drivers::{driver_map, drivers_report, DriverQuadrant, DriversReport};
use engine::codec::report_csv::drivers_csv;
use engine::layout::chart::{marker_numbers, short_label, GapPoint};
use engine::scoring::aggregate::{AggregateReport, Reported, Summary};
use engine::scoring::overall::{Nps, MIN_DRIVER_PAIRS};
use engine::scoring::significance::Tested;
use engine::scoring::stats::Interval;
use leptos::prelude::*;

/// "−35.6 to −18.4", or a dash without an interval.
fn interval_text(
    locale: Locale,
    interval: Option<Interval>,
    show: fn(Locale, f64) -> String,
) -> String {
    interval.map_or_else(
        || "–".to_owned(),
        |i| {
            Strings::fill(
                locale.strings().interval_range,
                &[
                    ("low", &show(locale, i.low)),
                    ("high", &show(locale, i.high)),
                ],
            )
        },
    )
}

/// The NPS sentence.
/// Two waves' NPS, each with its n, and whether the change is more than chance.
pub(super) fn nps_change_sentence(
    locale: Locale,
    (earlier_wave, later_wave): (&str, &str),
    (earlier, later): (&Nps, &Nps),
    test: Option<Tested>,
) -> String {
    let words = locale.dash();
    let scores = Strings::fill(
        words.waves_nps,
        &[
            ("earlier", earlier_wave),
            ("earlier_nps", &locale.signed(earlier.score)),
            ("earlier_n", &earlier.n.to_string()),
            ("later", later_wave),
            ("later_nps", &locale.signed(later.score)),
            ("later_n", &later.n.to_string()),
        ],
    );
    // A change within chance is said to be one, however large it looks.
    let Some(test) = test else {
        return scores;
    };
    let verdict = if test.holds_up() {
        words.waves_nps_holds
    } else {
        words.waves_nps_weak
    };
    let verdict = Strings::fill(verdict, &[("p", &p_relation(locale, test.p))]);
    format!("{scores} {verdict}")
}

pub(super) fn nps_sentence(locale: Locale, nps: &Nps) -> String {
    let words = locale.dash();
    let (low, high) = nps.interval.map_or(("–".to_owned(), "–".to_owned()), |i| {
        (locale.signed(i.low), locale.signed(i.high))
    });
    Strings::fill(
        words.verdict_nps,
        &[
            ("score", &locale.signed(nps.score)),
            ("low", &low),
            ("high", &high),
            ("n", &nps.n.to_string()),
            ("promoters", &nps.promoters.to_string()),
            ("passives", &nps.passives.to_string()),
            ("detractors", &nps.detractors.to_string()),
        ],
    )
}

/// The NPS and satisfaction of the matching partners, and the NPS of each segment.
#[component]
pub(super) fn Verdict(dash: Dash, report: Memo<Option<AggregateReport>>) -> impl IntoView {
    let survey = use_survey();
    let locale = use_app_state().locale.get_untracked();
    let strings = locale.strings();
    let words = locale.dash();
    let code = locale.code();
    let (min, max) = (survey.scale.min, survey.scale.max);
    let has_recommend = survey.recommend_id().is_some();
    let lines = move || {
        report.with(|r| {
            let overall = r.as_ref()?.overall.shown()?.overall.as_ref()?;
            let nps = has_recommend.then(|| match &overall.nps {
                Some(nps) => nps_sentence(locale, nps),
                None => words.verdict_nps_none.to_owned(),
            });
            let satisfaction = overall.satisfaction.as_ref().map(|s| {
                Strings::fill(
                    words.verdict_satisfaction,
                    &[
                        ("mean", &locale.decimal(s.mean)),
                        ("min", &min.to_string()),
                        ("max", &max.to_string()),
                        (
                            "low",
                            &s.interval.map_or("–".to_owned(), |i| locale.decimal(i.low)),
                        ),
                        (
                            "high",
                            &s.interval
                                .map_or("–".to_owned(), |i| locale.decimal(i.high)),
                        ),
                        ("n", &s.n.to_string()),
                    ],
                )
            });
            Some(view! {
                {nps.map(|text| view! { <p class="nps">{text}</p> })}
                {satisfaction.map(|text| view! { <p>{text}</p> })}
            })
        })
    };
    let by_survey = survey.clone();
    let by_segment = move || {
        let by = dash.by.get()?;
        if !has_recommend {
            return None;
        }
        report.with(|r| {
            let r = r.as_ref()?;
            let threshold = r.min_group_size;
            let rows: Vec<Vec<String>> = r
                .groups
                .iter()
                .map(|g| {
                    let name = value_name(&by_survey, by, &g.key, code);
                    match &g.summary {
                        Reported::Withheld { .. } => {
                            let text = withheld_text(words.dash_withheld_group, threshold);
                            vec![name, text, "–".to_owned(), "–".to_owned()]
                        }
                        Reported::Shown(summary) => {
                            let nps = summary.overall.as_ref().and_then(|o| o.nps.as_ref());
                            vec![
                                name,
                                nps.map_or("–".to_owned(), |n| locale.signed(n.score)),
                                interval_text(locale, nps.and_then(|n| n.interval), Locale::signed),
                                nps.map_or(0, |n| n.n).to_string(),
                            ]
                        }
                    }
                })
                .collect();
            let title = Strings::fill(words.verdict_nps_by, &[("by", dimension_name(locale, by))]);
            let table = Table {
                headers: [words.col_segment, words.col_nps, words.col_interval, strings.col_n]
                    .map(str::to_owned)
                    .to_vec(),
                rows,
                key: 0,
                numeric: vec![1, 2, 3],
                ..Table::default()
            };
            Some(view! { <DataTable id="nps-by-segment".to_owned() name=title table=Signal::stored(table)/> })
        })
    };
    let shown = move || report.with(|r| r.as_ref().and_then(|r| r.overall.shown()).is_some());
    let has_section = survey.sections.overall.is_some();
    move || {
        (has_section && shown()).then(|| {
            view! {
                <section class="report-section" aria-labelledby="verdict-title">
                    <h4 id="verdict-title">{words.verdict_title}</h4>
                    {lines}
                    {by_segment.clone()}
                </section>
            }
        })
    }
}

/// Derived against stated importance: the elements named in each direction, every element's
/// figures, and the downloads.
#[component]
pub(super) fn Drivers(dash: Dash, overall: Memo<Option<Summary>>) -> impl IntoView {
    let survey = use_survey();
    let locale = use_app_state().locale.get_untracked();
    let strings = locale.strings();
    let words = locale.dash();
    let code = locale.code();
    let labels: Vec<(String, String)> = survey
        .elements()
        .map(|(_, e)| (e.id.clone(), e.label.get(code).to_owned()))
        .collect();
    let report = Memo::new(move |_| overall.with(|o| drivers_report(o.as_ref()?)));
    let label_of = move |id: &str| {
        labels
            .iter()
            .find(|(i, _)| i == id)
            .map_or_else(|| id.to_owned(), |(_, label)| label.clone())
    };
    let named_label = label_of.clone();
    let named = move || {
        overall.with(|o| {
            let o = o.as_ref()?;
            let Some(map) = driver_map(o) else {
                let most = o
                    .overall
                    .as_ref()
                    .map_or(0, |v| v.drivers.iter().map(|d| d.n).max().unwrap_or(0));
                let text = Strings::fill(
                    words.drivers_too_few,
                    &[
                        ("min", &MIN_DRIVER_PAIRS.to_string()),
                        ("n", &most.to_string()),
                    ],
                );
                return Some(view! { <p class="notice">{text}</p> }.into_any());
            };
            let list = |quadrant| {
                let names: Vec<String> = map
                    .in_quadrant(quadrant)
                    .iter()
                    .map(|m| named_label(&m.id))
                    .collect();
                if names.is_empty() {
                    words.drivers_none_in.to_owned()
                } else {
                    names.join(", ")
                }
            };
            let said = Strings::fill(
                words.drivers_said_not_shown,
                &[("elements", &list(DriverQuadrant::SaidNotShown))],
            );
            let hidden = Strings::fill(
                words.drivers_hidden,
                &[("elements", &list(DriverQuadrant::Hidden))],
            );
            Some(
                view! {
                    <ul class="drivers-named">
                        <li>{said}</li>
                        <li>{hidden}</li>
                    </ul>
                }
                .into_any(),
            )
        })
    };
    let table = move || {
        report.with(|r| {
            let r = r.as_ref()?;
            let mut rows: Vec<_> = r.elements.iter().collect();
            // Stable estimates first, strongest first; the rest in survey order.
            rows.sort_by(|a, b| {
                let key = |e: &engine::analysis::drivers::DriverRow| {
                    if e.stable { e.derived_importance.unwrap_or(f64::MIN) } else { f64::MIN }
                };
                key(b).total_cmp(&key(a))
            });
            let rows: Vec<Vec<String>> = rows
                .into_iter()
                .map(|e| {
                    let derived = if e.stable {
                        e.derived_importance.map_or("–".to_owned(), |d| locale.hundredths(d))
                    } else {
                        Strings::fill(words.drivers_unstable_cell, &[("n", &e.n.to_string())])
                    };
                    let interval = if e.stable {
                        interval_text(locale, e.interval, Locale::hundredths)
                    } else {
                        "–".to_owned()
                    };
                    vec![
                        label_of(&e.id),
                        cell(locale, e.stated_importance),
                        derived,
                        interval,
                        e.n.to_string(),
                    ]
                })
                .collect();
            let table = Table {
                headers: [
                    strings.col_element,
                    words.col_stated,
                    words.col_derived,
                    words.col_interval,
                    strings.col_n,
                ]
                .map(str::to_owned)
                .to_vec(),
                rows,
                key: 0,
                numeric: vec![1, 2, 3, 4],
                ..Table::default()
            };
            let name = Strings::fill(strings.table_of, &[("chart", words.drivers_title)]);
            Some(view! { <DataTable id="drivers-table".to_owned() name table=Signal::stored(table)/> })
        })
    };
    let ready = move || report.with(Option::is_some);
    let has_satisfaction = survey
        .sections
        .overall
        .as_ref()
        .is_some_and(|o| o.satisfaction.is_some());
    has_satisfaction.then(|| {
        view! {
            <section class="report-section" aria-labelledby="drivers-title">
                <h4 id="drivers-title">{words.drivers_title}</h4>
                <p class="note">{words.drivers_note}</p>
                {named}
                {table}
                <p class="downloads">
                    {csv_and_json(dash, "drivers", (words.drivers_csv, words.drivers_json), ready, move || report.get_untracked(), |r: &DriversReport| drivers_csv(r))}
                </p>
            </section>
        }
    })
}

/// Ticks across a correlation's range: steps of 0.1, 0.2, 0.25 or 0.5, at most six, and the
/// range widened to whole steps.
fn correlation_ticks(locale: Locale, low: f64, high: f64) -> ((f64, f64), Vec<(f64, String)>) {
    let step = [0.1, 0.2, 0.25, 0.5]
        .into_iter()
        .find(|step| (high - low) / step <= 5.0)
        .unwrap_or(0.5);
    let first = (low / step).floor() as i64;
    let last = (high / step).ceil().max(first as f64 + 1.0) as i64;
    let ticks = (first..=last)
        .map(|k| {
            let value = k as f64 * step;
            (value, locale.hundredths(value))
        })
        .collect();
    ((first as f64 * step, last as f64 * step), ticks)
}

/// The gap chart's other mode: each stable element by its derived importance (across) and
/// stated importance (up), with the map's crosshair and quadrants; its table keyed by marker.
pub(super) fn drivers_chart(
    survey: std::sync::Arc<engine::Survey>,
    locale: Locale,
    overall: Memo<Option<Summary>>,
    intervals: Signal<bool>,
) -> Memo<Option<Section<GapChart>>> {
    let strings = locale.strings();
    let words = locale.dash();
    let code = locale.code();
    Memo::new(move |_| {
        overall.with(|summary| {
            let summary = summary.as_ref()?;
            let map = driver_map(summary)?;
            let info: Vec<(usize, &str, String)> = survey
                .elements()
                .zip(element_info(&survey))
                .map(|((_, e), (area, label))| (area, e.id.as_str(), label.get(code).to_owned()))
                .collect();
            let find = |id: &str| info.iter().find(|(_, i, _)| *i == id);
            let points: Vec<GapPoint> = map
                .elements
                .iter()
                .map(|m| GapPoint {
                    performance: m.derived,
                    importance: m.stated,
                    label: short_label(find(&m.id).map_or(&m.id, |(_, _, l)| l), 22),
                })
                .collect();
            let names = [
                words.drivers_q_said,
                words.drivers_q_key,
                words.drivers_q_secondary,
                words.drivers_q_hidden,
            ];
            let quadrant_name = |q: DriverQuadrant| {
                let index = DriverQuadrant::ALL
                    .iter()
                    .position(|x| *x == q)
                    .unwrap_or(0);
                names[index].to_owned()
            };
            let show_errors = intervals.get();
            let lows = map.elements.iter().map(|m| {
                let low = m
                    .interval
                    .filter(|_| show_errors)
                    .map_or(m.derived, |i| i.low);
                low.min(m.derived)
            });
            let highs = map.elements.iter().map(|m| {
                let high = m
                    .interval
                    .filter(|_| show_errors)
                    .map_or(m.derived, |i| i.high);
                high.max(m.derived)
            });
            let low = lows.fold(0.0_f64, f64::min);
            let high = highs.fold(f64::MIN, f64::max).max(low + 0.1);
            let (range, ticks) = correlation_ticks(locale, low, high);
            let numbers = marker_numbers(&points);
            let rows = map
                .elements
                .iter()
                .zip(&numbers)
                .map(|(m, number)| {
                    let (area, label) = find(&m.id)
                        .map_or((String::new(), m.id.clone()), |(a, _, l)| {
                            (survey.areas[*a].title.get(code).to_owned(), l.clone())
                        });
                    vec![
                        number.to_string(),
                        label,
                        area,
                        locale.decimal(m.stated),
                        locale.hundredths(m.derived),
                        interval_text(locale, m.interval, Locale::hundredths),
                        quadrant_name(m.quadrant),
                    ]
                })
                .collect();
            let count = |q| {
                map.elements
                    .iter()
                    .filter(|m| m.quadrant == q)
                    .count()
                    .to_string()
            };
            let summary_text = Strings::fill(
                words.drivers_chart_summary,
                &[
                    ("count", &map.elements.len().to_string()),
                    ("key", &count(DriverQuadrant::KeyDriver)),
                    ("said", &count(DriverQuadrant::SaidNotShown)),
                    ("hidden", &count(DriverQuadrant::Hidden)),
                    ("secondary", &count(DriverQuadrant::Secondary)),
                ],
            );
            let caption = Strings::fill(
                words.drivers_caption,
                &[
                    ("stated", &locale.decimal(map.crosshair.0)),
                    ("derived", &locale.hundredths(map.crosshair.1)),
                ],
            );
            // The gap chart's own frame (scale, legend by area), with this mode's axes and words.
            let point_areas = map
                .elements
                .iter()
                .map(|m| find(&m.id).map_or(0, |(a, _, _)| *a))
                .collect();
            let mode = summary.crosshair.mode;
            let mut chart = gap_chart_of(
                &survey,
                locale,
                points,
                point_areas,
                (map.crosshair, mode),
                false,
            );
            chart.caption = caption;
            chart.quadrant_names = names.map(str::to_owned);
            chart.x_title = format!("{} →", words.col_derived);
            chart.y_title = format!("{} →", words.col_stated);
            chart.x_axis = Some(XAxis { range, ticks });
            if show_errors {
                let stated = |id: &str| {
                    summary
                        .elements
                        .iter()
                        .find(|e| e.id == id)
                        .and_then(|e| e.importance_ci)
                };
                chart.errors = map
                    .elements
                    .iter()
                    .map(|m| stated(&m.id).zip(m.interval))
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
                        words.col_stated,
                        words.col_derived,
                        words.col_interval,
                        strings.col_quadrant,
                    ]
                    .map(str::to_owned)
                    .to_vec(),
                    rows,
                    key: 1,
                    numeric: vec![0, 3, 4, 5],
                    note: None,
                    total_last: false,
                },
                note: None,
            })
        })
    })
}
