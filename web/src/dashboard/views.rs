//! The views over the open data set: filters and grouping, the aggregate gap chart and
//! table, the segment comparison, the partner ranking, and the exports.

use super::alignment_view::AlignmentView;
use super::portfolio_view::PortfolioView;
use super::waves_view::WavesView;
use super::{Dash, Loaded, View};
use crate::charts::SegmentBars;
use crate::download::{save_csv, save_json};
use crate::i18n::{DashStrings, Locale, Strings};
use crate::results::chart_section::{chart_section, Section, Table};
use crate::results::sections::gap_chart;
use crate::results::{cell, element_info, ReportView, ResultsReport};
use engine::codec::dataset::{compare_segments, default_segments, SegmentComparison};
use engine::codec::export::slug;
use engine::codec::report_csv::{aggregate_csv, long_csv, ranking_csv};
use engine::layout::chart::short_label;
use engine::scoring::aggregate::{AggregateReport, Aggregation, CrosshairMode, GroupBy};
use engine::scoring::model::ScoringModel;
use engine::scoring::ranking::{category_label, rank_partners, RankedPartner};
use engine::{Response, Survey};
use leptos::prelude::*;
use std::sync::Arc;

/// A score that sorts (scores are never NaN; `total_cmp` orders them all the same).
#[derive(Clone, Copy, PartialEq)]
struct Score(f64);

impl Eq for Score {}

impl PartialOrd for Score {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Score {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.0.total_cmp(&other.0)
    }
}

/// Segments compared until the user picks: more bars than this per element are unreadable.
const DEFAULT_SEGMENTS: usize = 6;
/// The most segments the comparison takes: its chart has eight distinct colours.
const MOST_SEGMENTS: usize = 8;

/// Ranking rows per page: the table stays fast at 10,000 partners.
const PAGE: usize = 25;

/// A column the ranking sorts by.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Column {
    Rank,
    Partner,
    Category,
    CategoryRank,
    /// One of the five Cs, by position.
    Dimension(usize),
}

/// The ranking table's settings, kept across languages.
#[derive(Clone, Copy)]
pub struct Ranking {
    pub page: RwSignal<usize>,
    /// The column, and whether it sorts descending.
    pub sort: RwSignal<(Column, bool)>,
    /// The category shown; empty shows all.
    pub category: RwSignal<String>,
}

impl Ranking {
    pub fn new() -> Ranking {
        Ranking {
            page: RwSignal::new(0),
            sort: RwSignal::new((Column::Rank, false)),
            category: RwSignal::new(String::new()),
        }
    }
}

/// A dimension's name in the UI's language.
fn dimension_name(locale: Locale, by: GroupBy) -> &'static str {
    let words = locale.dash();
    match by {
        GroupBy::Region => words.dash_region,
        GroupBy::PartnerFunction => words.dash_function,
        GroupBy::PartnerType => words.dash_type,
        GroupBy::ProgramTier => words.dash_tier,
        GroupBy::Side => words.dash_side,
        GroupBy::Wave => locale.strings().col_wave,
    }
}

/// A value's name: the survey's label where it has one, else the value itself.
fn value_name(survey: &Survey, by: GroupBy, id: &str, code: &str) -> String {
    by.value_label(survey, id)
        .map_or_else(|| id.to_owned(), |label| label.get(code).to_owned())
}

/// Filters, grouping and every view over the open data set.
#[component]
pub fn Analysis(dash: Dash, survey: Arc<Survey>, locale: Locale) -> impl IntoView {
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
    let overall = Memo::new(move |_| report.with(|r| r.as_ref().map(|r| r.overall.clone())));
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
        dash.current.with(|c| {
            c.as_ref().map_or_else(Vec::new, |c| {
                let model = ScoringModel::new(&rank_survey);
                rank_partners(&model, c.rows.iter().filter(|r| filter.matches(&r.keys)))
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

    view! {
        <Filters dash survey=survey.clone() locale/>
        <p role="status" class="matching">
            {move || Strings::fill(words.dash_matching, &[("count", &matching().to_string()), ("total", &total().to_string())])}
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
            <button type="button" class="quiet" on:click=move |_| { let _ = window().print(); }>{strings.print_report}</button>
        </div>
        <fieldset class="view-switch">
            <legend>{words.dash_view}</legend>
            {[
                (View::Results, words.dash_view_results),
                (View::Alignment, words.dash_view_alignment),
                (View::Waves, words.dash_view_waves),
                (View::Portfolio, words.dash_view_portfolio),
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
            let survey = survey.clone();
            match dash.view.get() {
                View::Results => view! {
                    <section class="results dashboard-report" aria-labelledby="dash-report-title">
                        <h3 id="dash-report-title">{words.dash_report_title}</h3>
                        {chart_section(strings, "dash-gap-chart", strings.gap_chart_title.to_owned(), gap_chart(survey.clone(), locale, overall, dash.diagonal, true))}
                        <Comparison dash survey=survey.clone() locale report/>
                        <RankingTable dash survey=survey.clone() locale ranked wave=ranked_wave/>
                        <Exports dash survey words report ranked/>
                    </section>
                }.into_any(),
                View::Alignment => view! {
                    <section class="results dashboard-report" aria-labelledby="alignment-title">
                        <AlignmentView dash survey locale/>
                    </section>
                }.into_any(),
                View::Waves => view! {
                    <section class="results dashboard-report" aria-labelledby="waves-title">
                        <WavesView dash survey locale/>
                    </section>
                }.into_any(),
                View::Portfolio => view! {
                    <section class="results dashboard-report" aria-labelledby="portfolio-title">
                        <PortfolioView dash survey locale/>
                    </section>
                }.into_any(),
            }
        }}
    }
}

/// A select per dimension (all, or one value present in the data) and the grouping.
#[component]
fn Filters(dash: Dash, survey: Arc<Survey>, locale: Locale) -> impl IntoView {
    let words = locale.dash();
    let code = locale.code();
    let selects = GroupBy::ALL
        .into_iter()
        .map(|by| {
            let id = format!("filter-{}", by.name());
            let survey = survey.clone();
            let options = move || {
                // Distinct values, sorted, each owned once: 10,000 rows hold a handful.
                let values: Vec<String> = dash.current.with(|c| {
                    c.as_ref()
                        .map(|c| {
                            c.rows
                                .iter()
                                .map(|r| by.key(&r.keys))
                                .collect::<std::collections::BTreeSet<&str>>()
                                .into_iter()
                                .map(str::to_owned)
                                .collect()
                        })
                        .unwrap_or_default()
                });
                let chosen = dash
                    .filter
                    .with(|f| f.values(by).first().cloned().unwrap_or_default());
                values
                    .into_iter()
                    .map(|value| {
                        let label = value_name(&survey, by, &value, code);
                        let selected = value == chosen;
                        view! { <option value=value selected=selected>{label}</option> }
                    })
                    .collect_view()
            };
            view! {
                <p>
                    <label for=id.clone()>{dimension_name(locale, by)}</label>
                    <select
                        id=id
                        on:change:target=move |ev| {
                            let value = ev.target().value();
                            let values = if value.is_empty() { Vec::new() } else { vec![value] };
                            dash.filter.update(|f| f.set(by, values));
                            dash.ranking.page.set(0);
                        }
                    >
                        <option value="">{words.dash_all}</option>
                        {options}
                    </select>
                </p>
            }
        })
        .collect_view();
    let group_options = GroupBy::ALL
        .into_iter()
        .map(|by| {
            view! { <option value=by.name() selected=move || dash.by.get() == Some(by)>{dimension_name(locale, by)}</option> }
        })
        .collect_view();
    view! {
        <section class="filters" aria-labelledby="filters-title">
            <h2 id="filters-title">{words.dash_filters}</h2>
            <div class="filter-grid">
                {selects}
                <p>
                    <label for="group-by">{words.dash_group_by}</label>
                    <select
                        id="group-by"
                        on:change:target=move |ev| {
                            dash.by.set(GroupBy::from_name(&ev.target().value()));
                            dash.segments.set(Vec::new());
                        }
                    >
                        <option value="" selected=move || dash.by.get().is_none()>{words.dash_none}</option>
                        {group_options}
                    </select>
                </p>
            </div>
        </section>
    }
}

/// The chosen segments of the grouped aggregate, side by side.
#[component]
fn Comparison(
    dash: Dash,
    survey: Arc<Survey>,
    locale: Locale,
    report: Memo<Option<AggregateReport>>,
) -> impl IntoView {
    let strings = locale.strings();
    let words = locale.dash();
    let code = locale.code();
    let groups = Memo::new(move |_| {
        report.with(|r| {
            r.as_ref()
                .map(|r| r.groups.iter().map(|g| g.key.clone()).collect::<Vec<_>>())
                .unwrap_or_default()
        })
    });
    // The user's picks, else every segment up to six, else the six largest.
    let chosen = Memo::new(move |_| {
        let picked = dash.segments.get();
        if picked.is_empty() {
            report.with(|r| {
                r.as_ref()
                    .map(|r| default_segments(r, DEFAULT_SEGMENTS))
                    .unwrap_or_default()
            })
        } else {
            picked
        }
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
            .map(|key| {
                let name = value_name(&picker_survey, by, &key, code);
                let value = key.clone();
                let in_chosen = key.clone();
                let checked = move || chosen.with(|s| s.contains(&key));
                // The chart has eight colours: a ninth segment would share one.
                let full =
                    move || chosen.with(|s| !s.contains(&in_chosen) && s.len() >= MOST_SEGMENTS);
                view! {
                    <label>
                        <input
                            type="checkbox"
                            prop:checked=checked
                            prop:disabled=full
                            on:change=move |_| {
                                let mut picked = chosen.get_untracked();
                                if let Some(i) = picked.iter().position(|k| k == &value) {
                                    picked.remove(i);
                                } else {
                                    picked.push(value.clone());
                                    picked.sort();
                                }
                                dash.segments.set(picked);
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
            let differs: Vec<_> = c
                .elements
                .iter()
                .zip(&labels)
                .filter(|(e, _)| e.quadrant_differs)
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
                    view! { <li><strong>{label.clone()}</strong> " – " {places}</li> }
                })
                .collect();
            let best: Vec<_> = c
                .elements
                .iter()
                .zip(&labels)
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
                    Some(view! { <li>{text}</li> })
                })
                .collect();
            let none = differs.is_empty().then_some(words.dash_differs_none);
            Some(view! {
                <section class="report-section" aria-labelledby="differs-title">
                    <h4 id="differs-title">{words.dash_differs_title}</h4>
                    {none.map(|text| view! { <p>{text}</p> })}
                    <ul>{differs}</ul>
                </section>
                <section class="report-section" aria-labelledby="best-title">
                    <h4 id="best-title">{words.dash_best_title}</h4>
                    <ul class="columns">{best}</ul>
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

/// The ranking of the matching partners, sortable, by category, a page at a time.
#[component]
fn RankingTable(
    dash: Dash,
    survey: Arc<Survey>,
    locale: Locale,
    ranked: Memo<Vec<RankedPartner>>,
    /// The wave ranked when the set has several and the filters chose none.
    wave: Signal<Option<String>>,
) -> impl IntoView {
    let strings = locale.strings();
    let words = locale.dash();
    let code = locale.code();
    let Ranking {
        page,
        sort,
        category,
    } = dash.ranking;
    // Positions in `ranked`, of the category shown, in the chosen order: nothing is copied.
    let shown = Memo::new(move |_| {
        let (column, descending) = sort.get();
        let category = category.get();
        ranked.with(|all| {
            let mut shown: Vec<usize> = (0..all.len())
                .filter(|&i| {
                    category.is_empty() || all[i].category.as_deref() == Some(category.as_str())
                })
                .collect();
            let key = |p: &RankedPartner| -> (Option<f64>, String) {
                match column {
                    Column::Rank => (p.rank.map(|r| -(r as f64)), String::new()),
                    Column::Partner => (None, p.name.to_lowercase()),
                    Column::Category => (None, p.category.clone().unwrap_or_default()),
                    Column::CategoryRank => (p.category_rank.map(|r| -(r as f64)), String::new()),
                    Column::Dimension(i) => (p.dimensions.get(i).copied().flatten(), String::new()),
                }
            };
            // The engine lists partners in rank order already.
            if column != Column::Rank {
                shown.sort_by_cached_key(|&i| {
                    let (number, text) = key(&all[i]);
                    // Higher numbers first, missing ones last, then by text.
                    (
                        number.is_none(),
                        number.map(|n| std::cmp::Reverse(Score(n))),
                        text,
                    )
                });
            }
            if descending {
                shown.reverse();
            }
            shown
        })
    });
    let pages = move || shown.with(Vec::len).div_ceil(PAGE).max(1);
    let dimensions: Vec<String> = survey
        .sections
        .five_cs
        .iter()
        .flat_map(|s| s.dimensions.iter().map(|d| d.label.get(code).to_owned()))
        .collect();
    let categories_survey = survey.clone();
    let categories = move || {
        let mut ids: Vec<String> = ranked.with(|all| {
            all.iter()
                .filter_map(|p| p.category.clone())
                .collect::<std::collections::BTreeSet<_>>()
                .into_iter()
                .collect()
        });
        ids.sort();
        ids.into_iter()
            .map(|id| {
                let label = category_label(&categories_survey, &id).map_or(id.clone(), |t| t.get(code).to_owned());
                view! { <option value=id.clone() selected=move || category.get() == id>{label}</option> }
            })
            .collect_view()
    };
    let header = move |column: Column, label: String| {
        // Scores list the highest first; ranks and names go up.
        let highest_first = matches!(column, Column::Dimension(_));
        let aria = move || match sort.get() {
            (c, reversed) if c == column && reversed != highest_first => "descending",
            (c, _) if c == column => "ascending",
            _ => "none",
        };
        view! {
            <th scope="col" aria-sort=aria>
                <button type="button" class="sort" on:click=move |_| {
                    sort.update(|(c, d)| { if *c == column { *d = !*d } else { *c = column; *d = false } });
                    page.set(0);
                }>
                    {label}
                </button>
            </th>
        }
    };
    let mut headers = vec![
        header(Column::Rank, strings.col_rank.to_owned()).into_any(),
        header(Column::Partner, strings.col_partner.to_owned()).into_any(),
        header(Column::Category, words.dash_category.to_owned()).into_any(),
        header(Column::CategoryRank, words.col_category_rank.to_owned()).into_any(),
    ];
    headers.extend(
        std::iter::once(strings.col_score.to_owned())
            .chain(dimensions.iter().cloned())
            .enumerate()
            .map(|(i, label)| {
                // Column 0 is the overall score, which is what the rank follows.
                let column = if i == 0 {
                    Column::Rank
                } else {
                    Column::Dimension(i - 1)
                };
                if i == 0 {
                    view! { <th scope="col">{label}</th> }.into_any()
                } else {
                    header(column, label).into_any()
                }
            }),
    );
    let label_survey = survey.clone();
    let body = move || {
        let start = page.get() * PAGE;
        ranked.with(|all| {
            let page: Vec<&RankedPartner> = shown.with(|shown| {
                shown.iter().skip(start).take(PAGE).map(|&i| &all[i]).collect()
            });
            page.into_iter()
                .map(|p| {
                    let id = p.id.clone();
                    let category = p
                        .category
                        .as_deref()
                        .map(|c| category_label(&label_survey, c).map_or(c.to_owned(), |t| t.get(code).to_owned()))
                        .unwrap_or_default();
                    let name = if p.name.is_empty() { p.id.clone() } else { p.name.clone() };
                    let open_label = Strings::fill(words.dash_open_partner, &[("name", &name)]);
                    let open = move |_| {
                        let response = dash.current.with_untracked(|c| {
                            c.as_ref().and_then(|c: &Loaded| c.responses.iter().find(|r| r.id == id).cloned())
                        });
                        dash.opened.set(response);
                    };
                    let cells = std::iter::once(p.score)
                        .chain(p.dimensions.iter().copied())
                        .map(|v| view! { <td class="num">{cell(locale, v)}</td> })
                        .collect_view();
                    view! {
                        <tr>
                            <td class="num">{p.rank.map(|r| r.to_string()).unwrap_or_default()}</td>
                            <th scope="row"><button type="button" class="link" aria-label=open_label on:click=open>{name}</button></th>
                            <td>{category}</td>
                            <td class="num">{p.category_rank.map(|r| r.to_string()).unwrap_or_default()}</td>
                            {cells}
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <section class="report-section" aria-labelledby="ranking-title">
            <h4 id="ranking-title">{words.dash_ranking_title}</h4>
            {move || wave.get().map(|w| view! { <p class="note">{Strings::fill(words.dash_one_wave, &[("wave", &w)])}</p> })}
            <p>
                <label for="ranking-category">{words.dash_category}</label>
                <select id="ranking-category" on:change:target=move |ev| { category.set(ev.target().value()); page.set(0); }>
                    <option value="">{words.dash_all}</option>
                    {categories}
                </select>
            </p>
            <div class="table-wrap" role="region" aria-label=Strings::fill(strings.table_of, &[("chart", words.dash_ranking_title)]) tabindex="0">
                <table class="data ranking" id="ranking-table">
                    <thead><tr>{headers}</tr></thead>
                    <tbody>{body}</tbody>
                </table>
            </div>
            <nav class="pager" aria-label=words.dash_ranking_pages>
                <button type="button" prop:disabled=move || page.get() == 0 on:click=move |_| page.update(|p| *p = p.saturating_sub(1))>
                    {strings.previous}
                </button>
                <span class="page-count">{move || strings.page_of(page.get() + 1, pages())}</span>
                // Braced: a bare `>=` would end the tag in `view!`.
                <button type="button" prop:disabled=move || { page.get() + 1 >= pages() } on:click=move |_| page.update(|p| *p += 1)>
                    {strings.next}
                </button>
            </nav>
        </section>
    }
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
            if let Some(d) = data() {
                save_json(&format!("{}-{name}.json", stem()), &serde_json::to_string_pretty(&d).unwrap_or_default())
            }
        }>{json_label}</button>
    }
}

/// Downloads of the aggregate and the ranking, as CSV and JSON.
#[component]
fn Exports(
    dash: Dash,
    survey: Arc<Survey>,
    words: &'static DashStrings,
    report: Memo<Option<AggregateReport>>,
    ranked: Memo<Vec<RankedPartner>>,
) -> impl IntoView {
    let always = || true;
    let ranking_survey = survey.clone();
    view! {
        <section class="report-section take-away" aria-labelledby="dash-export-title">
            <h4 id="dash-export-title">{words.dash_export_title}</h4>
            <p class="downloads">
                {csv_and_json(dash, "aggregate", (words.dash_aggregate_csv, words.dash_aggregate_json), always, move || report.get_untracked(), aggregate_csv)}
                {csv_and_json(dash, "ranking", (words.dash_ranking_csv, words.dash_ranking_json), always, move || Some(ranked.get_untracked()), move |r: &Vec<RankedPartner>| ranking_csv(&ranking_survey, r))}
                // Every response of the set, whatever the filters: the set as a file, which
                // the dashboard and the CLI read back.
                {csv_and_json(dash, "answers", (words.dash_answers_csv, words.dash_answers_json), always, move || dash.current.with_untracked(|c| c.as_ref().map(|c| c.responses.to_vec())), move |r: &Vec<Response>| long_csv(&survey, r))}
            </p>
        </section>
    }
}

/// One partner's results, opened from the ranking, with the way back.
pub fn partner_results(
    dash: Dash,
    survey: Arc<Survey>,
    locale: Locale,
    response: Response,
) -> impl IntoView {
    let words = locale.dash();
    let who = response.profile.who();
    let response = RwSignal::new(response);
    view! {
        <main class="dashboard">
            <button type="button" class="quiet" on:click=move |_| dash.opened.set(None)>{words.dash_back_to_dashboard}</button>
            <h1>{words.dash_title}</h1>
            <h2>{who}</h2>
            <ResultsReport survey locale response view=ReportView::new() envelope=None take_focus=true shared=true/>
        </main>
    }
}
