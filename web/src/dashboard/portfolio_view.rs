//! The partner portfolio for capacity planning: current against potential revenue, one point
//! per matching partner, the totals per category, and the partners without revenue figures.

use super::views::{csv_and_json, withheld_text};
use super::Dash;
use crate::charts::{PortfolioChart, PortfolioPoint};
use crate::i18n::{Locale, Strings};
use crate::results::chart_section::{chart_section, Section, Table};
use crate::state::{use_app_state, use_survey};
use engine::analysis::portfolio::{portfolio, CategoryCapacity, Portfolio};
use engine::codec::report_csv::portfolio_csv;
use engine::layout::chart::nice_ticks;
use engine::scoring::model::ScoringModel;
use engine::scoring::ranking::category_label;
use engine::Survey;
use leptos::prelude::*;

/// The chart has eight colours: the largest categories get one each, the rest share a
/// neutral one.
const COLOURED: usize = 8;
/// Names listed of the partners without revenue; the CSV has them all.
const NAMED: usize = 50;
/// Partners in the table of the largest headroom; the CSV has them all.
const TOP: usize = 25;

/// A column header of amounts, with the survey's currency when it names one.
fn money_header(header: &str, currency: &str) -> String {
    if currency.is_empty() {
        header.to_owned()
    } else {
        format!("{header} ({currency})")
    }
}

fn currency_of(survey: &Survey) -> String {
    survey
        .profile
        .revenue
        .as_ref()
        .map_or(String::new(), |r| r.currency.clone())
}

/// A category's name; a partner without one is "No category".
fn category_name(survey: &Survey, locale: Locale, id: Option<&str>) -> String {
    match id {
        Some(id) => {
            category_label(survey, id).map_or(id.to_owned(), |t| t.get(locale.code()).to_owned())
        }
        None => locale.dash().portfolio_none_category.to_owned(),
    }
}

/// "1.2M", "500k", "0": a tick label short enough for an axis.
fn short_amount(locale: Locale, value: f64) -> String {
    let (scaled, unit) = if value >= 1e6 {
        (value / 1e6, "M")
    } else if value >= 1e3 {
        (value / 1e3, "k")
    } else {
        (value, "")
    };
    let text = if scaled.fract() == 0.0 {
        format!("{scaled}")
    } else {
        locale.decimal(scaled)
    };
    format!("{text}{unit}")
}

fn section(survey: &Survey, locale: Locale, p: &Portfolio) -> Option<Section<PortfolioChart>> {
    let words = locale.dash();
    let biggest = p.categories.first()?;
    let currency = currency_of(survey);
    // Colours go to the categories with the most partners.
    let mut by_size: Vec<&CategoryCapacity> = p.categories.iter().collect();
    by_size.sort_by_key(|c| std::cmp::Reverse(c.partners));
    let colour_of = |category: &Option<String>| {
        by_size
            .iter()
            .position(|c| &c.category == category)
            .filter(|&i| i < COLOURED)
    };
    let mut key: Vec<String> = by_size
        .iter()
        .take(COLOURED)
        .map(|c| category_name(survey, locale, c.category.as_deref()))
        .collect();
    if by_size.len() > COLOURED {
        key.push(words.portfolio_other.to_owned());
    }
    let most = p
        .partners
        .iter()
        .map(|q| q.current.max(q.potential))
        .fold(0.0, f64::max);
    let ticks = nice_ticks(most, 5)
        .into_iter()
        .map(|v| (v, short_amount(locale, v)))
        .collect();
    let money = |v: f64| locale.amount(v);
    let rows = p
        .categories
        .iter()
        .map(|c| {
            vec![
                category_name(survey, locale, c.category.as_deref()),
                c.partners.to_string(),
                money(c.current),
                money(c.potential),
                money(c.headroom()),
                c.mean_score.map_or("–".to_owned(), Locale::whole),
            ]
        })
        .collect();
    let with_currency = |header: &str| money_header(header, &currency);
    Some(Section {
        chart: PortfolioChart {
            points: p
                .partners
                .iter()
                .map(|q| PortfolioPoint {
                    current: q.current,
                    potential: q.potential,
                    colour: colour_of(&q.category),
                    score: q.score,
                })
                .collect(),
            ticks,
            key,
            coloured: COLOURED,
            x_title: format!("{} →", money_header(words.col_current, &currency)),
            y_title: format!("{} →", money_header(words.col_potential, &currency)),
        },
        summary: Strings::fill(
            words.portfolio_summary,
            &[
                ("count", &p.partners.len().to_string()),
                (
                    "category",
                    &category_name(survey, locale, biggest.category.as_deref()),
                ),
                (
                    "headroom",
                    &format!("{} {currency}", money(biggest.headroom())),
                ),
            ],
        ),
        table: Table {
            headers: vec![
                words.dash_category.to_owned(),
                words.col_partners.to_owned(),
                with_currency(words.col_current),
                with_currency(words.col_potential),
                with_currency(words.col_headroom),
                words.col_mean_score.to_owned(),
            ],
            rows,
            key: 0,
            numeric: vec![1, 2, 3, 4, 5],
            note: None,
            total_last: false,
        },
        note: Some(words.portfolio_note.to_owned()),
    })
}

/// The portfolio view over the matching partners.
#[component]
pub fn PortfolioView(dash: Dash) -> impl IntoView {
    let survey = use_survey();
    let locale = use_app_state().locale.get_untracked();
    let strings = locale.strings();
    let words = locale.dash();
    let model_survey = survey.clone();
    // A partner answers once per wave: the portfolio takes one, the latest unless chosen.
    let data = Memo::new(move |_| {
        let filter = dash.filter.get();
        dash.current.with(|c| {
            c.as_ref().map(|c| {
                let (mut filter, wave) = filter.one_wave(c.rows.iter());
                filter.side.clear();
                let model = ScoringModel::new(&model_survey);
                let placed = portfolio(&model, c.rows.iter().filter(|r| filter.matches(&r.keys)));
                (placed, wave)
            })
        })
    });
    let chart_survey = survey.clone();
    let chart = Memo::new(move |_| data.with(|p| section(&chart_survey, locale, &p.as_ref()?.0)));
    let counts = move || {
        data.with(|p| {
            p.as_ref().map(|(p, wave)| {
                let counts = Strings::fill(
                    words.portfolio_counts,
                    &[
                        ("placed", &p.partners.len().to_string()),
                        ("missing", &p.without_revenue.len().to_string()),
                    ],
                );
                match wave {
                    Some(w) => format!(
                        "{} {counts}",
                        Strings::fill(words.dash_one_wave, &[("wave", w)])
                    ),
                    None => counts,
                }
            })
        })
    };
    let missing = move || {
        data.with(|p| {
            let p = &p.as_ref()?.0;
            let count = p.without_revenue.len();
            let title = Strings::fill(
                words.portfolio_missing_title,
                &[("count", &count.to_string())],
            );
            let names: Vec<_> = p
                .without_revenue
                .iter()
                .take(NAMED)
                .map(|u| {
                    let name = if u.name.is_empty() {
                        u.id.clone()
                    } else {
                        u.name.clone()
                    };
                    view! { <li>{name}</li> }
                })
                .collect();
            let more = (count > NAMED).then(|| {
                Strings::fill(
                    words.portfolio_missing_more,
                    &[("count", &(count - NAMED).to_string())],
                )
            });
            let none = (count == 0).then_some(words.portfolio_missing_none);
            Some(view! {
                <section class="report-section" aria-labelledby="missing-title">
                    <h4 id="missing-title">{title}</h4>
                    {none.map(|text| view! { <p>{text}</p> })}
                    {(!names.is_empty()).then(|| view! { <ul class="columns without-revenue">{names}</ul> })}
                    {more.map(|text| view! { <p>{text}</p> })}
                </section>
            })
        })
    };
    let top_survey = survey.clone();
    let top = move || {
        data.with(|p| {
            let p = &p.as_ref()?.0;
            if p.partners.is_empty() {
                return None;
            }
            let currency = currency_of(&top_survey);
            let headers = [
                strings.col_partner.to_owned(),
                words.dash_category.to_owned(),
                strings.col_score.to_owned(),
                money_header(words.col_current, &currency),
                money_header(words.col_potential, &currency),
                money_header(words.col_headroom, &currency),
            ]
            .map(|h| view! { <th scope="col">{h}</th> });
            let rows: Vec<_> = p
                .partners
                .iter()
                .take(TOP)
                .map(|q| {
                    let name = if q.name.is_empty() { q.id.clone() } else { q.name.clone() };
                    view! {
                        <tr>
                            <th scope="row">{name}</th>
                            <td>{category_name(&top_survey, locale, q.category.as_deref())}</td>
                            <td class="num">{q.score.map_or("–".to_owned(), Locale::whole)}</td>
                            <td class="num">{locale.amount(q.current)}</td>
                            <td class="num">{locale.amount(q.potential)}</td>
                            <td class="num">{locale.amount(q.headroom())}</td>
                        </tr>
                    }
                })
                .collect();
            Some(view! {
                <section class="report-section" aria-labelledby="headroom-title">
                    <h4 id="headroom-title">{words.portfolio_top_title}</h4>
                    <div class="table-wrap" role="region" aria-label=Strings::fill(strings.table_of, &[("chart", words.portfolio_top_title)]) tabindex="0">
                        <table class="data" id="headroom-table">
                            <thead><tr>{headers}</tr></thead>
                            <tbody>{rows}</tbody>
                        </table>
                    </div>
                </section>
            })
        })
    };
    let empty = move || {
        chart
            .with(Option::is_none)
            .then(|| view! { <p class="notice">{words.portfolio_empty}</p> })
    };
    view! {
        <h3 id="portfolio-title">{words.dash_view_portfolio}</h3>
        <p class="note">{withheld_text(words.dash_named_on_purpose, u64::from(survey.min_group_size))}</p>
        <p>{counts}</p>
        {empty}
        {chart_section(strings, "dash-portfolio-chart", words.portfolio_title.to_owned(), chart)}
        {top}
        {missing}
        <p class="downloads">{csv_and_json(dash, "portfolio", (words.portfolio_csv, words.portfolio_json), move || data.with(Option::is_some), move || data.get_untracked().map(|(p, _)| p), portfolio_csv)}</p>
    }
}
