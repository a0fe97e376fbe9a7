//! The chosen segments of the grouped aggregate side by side: the picker, the chart of gaps by
//! segment and its table, the elements whose quadrant differs and each one's best performer.

use super::filters::{dimension_name, value_name};
use super::views::withheld_text;
use super::{adjusted_p, Dash};
use crate::charts::SegmentBars;
use crate::i18n::{Locale, Strings};
use crate::results::chart_section::{chart_section, Section, Table};
use crate::results::{cell, element_info};
use crate::state::{use_app_state, use_survey};
use engine::analysis::segments::{
    can_pick, chosen_segments, compare_segments, toggle_segment, SegmentComparison,
};
use engine::layout::chart::short_label;
use engine::scoring::aggregate::{AggregateReport, GroupBy};
use engine::Survey;
use leptos::prelude::*;

/// The chosen segments of the grouped aggregate, side by side.
#[component]
pub(super) fn Comparison(dash: Dash, report: Memo<Option<AggregateReport>>) -> impl IntoView {
    let survey = use_survey();
    let locale = use_app_state().locale.get_untracked();
    let strings = locale.strings();
    let words = locale.dash();
    let code = locale.code();
    // Each group's key, and whether it is withheld for anonymity.
    let groups = Memo::new(move |_| {
        report.with(|r| {
            r.as_ref()
                .map(|r| {
                    r.groups
                        .iter()
                        .map(|g| (g.key.clone(), g.summary.shown().is_none()))
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });
    let threshold = move || report.with(|r| r.as_ref().map_or(0, |r| r.min_group_size));
    let any_withheld = move || groups.with(|g| g.iter().any(|(_, withheld)| *withheld));
    let chosen = Memo::new(move |_| {
        dash.segments.with(|picked| {
            report.with(|r| {
                r.as_ref()
                    .map(|r| chosen_segments(picked, r))
                    .unwrap_or_default()
            })
        })
    });
    let comparison = Memo::new(move |_| {
        let chosen = chosen.get();
        report.with(|r| {
            let comparison = compare_segments(r.as_ref()?, &chosen);
            (comparison.segments.len() >= 2).then_some(comparison)
        })
    });
    let labels = element_info(&survey)
        .into_iter()
        .map(|(_, label)| label.get(code).to_owned())
        .collect::<Vec<_>>();
    let by = move || dash.by.get().unwrap_or(GroupBy::Region);
    let chart_survey = survey.clone();
    let chart_labels = labels.clone();
    let section = Memo::new(move |_| {
        comparison.with(|c| {
            let c = c.as_ref()?;
            Some(comparison_section(
                strings,
                locale,
                &chart_survey,
                by(),
                c,
                &chart_labels,
            ))
        })
    });
    let picker_survey = survey.clone();
    let picker = move || {
        let by = by();
        groups
            .get()
            .into_iter()
            .map(|(key, withheld)| {
                let mut name = value_name(&picker_survey, by, &key, code);
                if withheld {
                    let group = withheld_text(words.dash_withheld_group, threshold());
                    name = format!("{name} ({group})");
                }
                let value = key.clone();
                let in_chosen = key.clone();
                let checked = move || !withheld && chosen.with(|s| s.contains(&key));
                let full = move || withheld || chosen.with(|s| !can_pick(s, &in_chosen));
                view! {
                    <label>
                        <input
                            type="checkbox"
                            prop:checked=checked
                            prop:disabled=full
                            on:change=move |_| {
                                dash.segments.set(chosen.with_untracked(|s| toggle_segment(s, &value)));
                            }
                        />
                        {name}
                    </label>
                }
            })
            .collect_view()
    };
    let lists_survey = survey.clone();
    let lists = move || {
        comparison.with(|c| {
            let c = c.as_ref()?;
            let by = by();
            let names: Vec<String> = c
                .segments
                .iter()
                .map(|k| value_name(&lists_survey, by, k, code))
                .collect();
            let quadrant_names = [
                strings.quadrant_concentrate,
                strings.quadrant_keep_up,
                strings.quadrant_low_priority,
                strings.quadrant_overkill,
            ];
            let adjusted = |test| adjusted_p(locale, test);
            // Only a difference that holds up is shown as a finding; the rest are named once.
            let differs: Vec<_> = c
                .elements
                .iter()
                .zip(&labels)
                .filter(|(e, _)| e.quadrant_difference_holds_up())
                .map(|(e, label)| {
                    let places = e
                        .quadrants
                        .iter()
                        .zip(&names)
                        .filter_map(|(q, name)| {
                            q.map(|q| format!("{name}: {}", quadrant_names[q.index()]))
                        })
                        .collect::<Vec<_>>()
                        .join(", ");
                    let p = adjusted(e.strongest_gap_test());
                    view! { <li><strong>{label.clone()}</strong> " – " {places} {p}</li> }
                })
                .collect();
            let weak: Vec<&str> = c
                .elements
                .iter()
                .zip(&labels)
                .filter(|(e, _)| e.quadrant_differs && !e.quadrant_difference_holds_up())
                .map(|(_, label)| label.as_str())
                .collect();
            let weak = (!weak.is_empty())
                .then(|| Strings::fill(words.dash_differs_weak, &[("elements", &weak.join(", "))]));
            let best: Vec<_> = c
                .elements
                .iter()
                .zip(&labels)
                .filter(|(e, _)| e.best_test.is_some_and(|t| t.holds_up()))
                .filter_map(|(e, label)| {
                    let i = e.best?;
                    let text = Strings::fill(
                        words.dash_best_item,
                        &[
                            ("element", label),
                            ("segment", &names[i]),
                            ("performance", &cell(locale, e.performance[i])),
                        ],
                    );
                    Some(view! { <li>{text}{adjusted(e.best_test)}</li> })
                })
                .collect();
            let best_weak = (best.len() < c.elements.len()).then(|| {
                Strings::fill(
                    words.dash_best_weak,
                    &[("count", &(c.elements.len() - best.len()).to_string())],
                )
            });
            let none = differs.is_empty().then(|| {
                if weak.is_some() {
                    words.dash_differs_not_findings
                } else {
                    words.dash_differs_none
                }
            });
            Some(view! {
                <section class="report-section" aria-labelledby="differs-title">
                    <h4 id="differs-title">{words.dash_differs_title}</h4>
                    {none.map(|text| view! { <p>{text}</p> })}
                    <ul>{differs}</ul>
                    {weak.map(|text| view! { <p class="not-findings">{text}</p> })}
                </section>
                <section class="report-section" aria-labelledby="best-title">
                    <h4 id="best-title">{words.dash_best_title}</h4>
                    <ul class="columns">{best}</ul>
                    {best_weak.map(|text| view! { <p class="not-findings">{text}</p> })}
                </section>
            })
        })
    };
    move || {
        dash.by.get().is_some().then(|| {
            view! {
                <fieldset class="segments">
                    <legend>{words.dash_segments}</legend>
                    {picker.clone()}
                </fieldset>
                {move || any_withheld().then(|| view! { <p class="note">{withheld_text(words.dash_withheld_groups, threshold())}</p> })}
                {chart_section(strings, "dash-segments", Strings::fill(words.dash_compare_title, &[("by", dimension_name(locale, by()))]), section)}
                {lists.clone()}
            }
        })
    }
}

fn comparison_section(
    strings: &'static Strings,
    locale: Locale,
    survey: &Survey,
    by: GroupBy,
    c: &SegmentComparison,
    labels: &[String],
) -> Section<SegmentBars> {
    let words = locale.dash();
    let code = locale.code();
    let names: Vec<String> = c
        .segments
        .iter()
        .map(|k| value_name(survey, by, k, code))
        .collect();
    let mut headers = vec![strings.col_element.to_owned()];
    headers.extend(names.iter().map(|n| format!("{} – {n}", strings.col_gap)));
    let rows = c
        .elements
        .iter()
        .zip(labels)
        .map(|(e, label)| {
            let mut row = vec![label.clone()];
            row.extend(e.gaps.iter().map(|g| cell(locale, *g)));
            row
        })
        .collect();
    let summary = Strings::fill(
        words.dash_compare_summary,
        &[
            ("segments", &names.join(", ")),
            ("count", &c.elements.len().to_string()),
        ],
    );
    Section {
        chart: SegmentBars {
            segments: names
                .iter()
                .zip(&c.responses)
                .map(|(n, count)| format!("{n} (n={count})"))
                .collect(),
            elements: c
                .elements
                .iter()
                .zip(labels)
                .map(|(e, label)| (short_label(label, 22), e.gaps.clone()))
                .collect(),
        },
        summary,
        table: Table {
            headers,
            rows,
            key: 0,
            numeric: (1..=c.segments.len()).collect(),
            note: None,
            total_last: false,
        },
        note: None,
    }
}
