//! The ranking of the matching partners by the five Cs: sortable, by category, a page at a
//! time, each partner's results a click away.

use super::views::withheld_text;
use super::{response_of, Dash};
use crate::i18n::Strings;
use crate::results::cell;
use crate::state::{use_app_state, use_survey};
use crate::weights::WeightSliders;
use engine::scoring::ranking::{category_label, ranking_order, RankedPartner, RankingColumn};
use leptos::prelude::*;

/// Ranking rows per page: the table stays fast at 10,000 partners.
const PAGE: usize = 25;

/// The ranking table's settings, kept across languages.
#[derive(Clone, Copy)]
pub struct Ranking {
    pub page: RwSignal<usize>,
    /// The column, and whether it sorts descending.
    pub sort: RwSignal<(RankingColumn, bool)>,
    /// The category shown; empty shows all.
    pub category: RwSignal<String>,
}

impl Ranking {
    pub fn new() -> Ranking {
        Ranking {
            page: RwSignal::new(0),
            sort: RwSignal::new((RankingColumn::Rank, false)),
            category: RwSignal::new(String::new()),
        }
    }
}

/// The ranking of the matching partners, sortable, by category, a page at a time.
#[component]
pub(super) fn RankingTable(
    dash: Dash,
    ranked: Memo<Vec<RankedPartner>>,
    /// The wave ranked when the set has several and the filters chose none.
    wave: Signal<Option<String>>,
) -> impl IntoView {
    let survey = use_survey();
    let locale = use_app_state().locale.get_untracked();
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
        category
            .with(|category| ranked.with(|all| ranking_order(all, category, column, descending)))
    });
    let pages = move || shown.with(Vec::len).div_ceil(PAGE).max(1);
    let survey_threshold = survey.min_group_size;
    let has_five_cs = survey.sections.five_cs.is_some();
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
    let header = move |column: RankingColumn, label: String| {
        // Scores list the highest first; ranks and names go up.
        let highest_first = matches!(column, RankingColumn::Dimension(_));
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
        header(RankingColumn::Rank, strings.col_rank.to_owned()).into_any(),
        header(RankingColumn::Partner, strings.col_partner.to_owned()).into_any(),
        header(RankingColumn::Category, words.dash_category.to_owned()).into_any(),
        header(
            RankingColumn::CategoryRank,
            words.col_category_rank.to_owned(),
        )
        .into_any(),
    ];
    headers.extend(
        std::iter::once(strings.col_score.to_owned())
            .chain(dimensions.iter().cloned())
            .enumerate()
            .map(|(i, label)| {
                // Column 0 is the overall score, which is what the rank follows.
                let column = if i == 0 {
                    RankingColumn::Rank
                } else {
                    RankingColumn::Dimension(i - 1)
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
                    let open = move |_| dash.opened.set(response_of(dash, &id));
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
            <p class="note">{withheld_text(words.dash_named_on_purpose, u64::from(survey_threshold))}</p>
            {move || wave.get().map(|w| view! { <p class="note">{Strings::fill(words.dash_one_wave, &[("wave", &w)])}</p> })}
            {has_five_cs.then(|| view! { <WeightSliders weights=dash.weights id="ranking-weight"/> })}
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
