//! The filters (a select per dimension, all or one value present in the data) and the
//! grouping that every view of the open data set follows.

use super::Dash;
use crate::i18n::Locale;
use crate::state::{use_app_state, use_survey};
use engine::scoring::aggregate::GroupBy;
use engine::Survey;
use leptos::prelude::*;

/// A dimension's name in the UI's language.
pub(super) fn dimension_name(locale: Locale, by: GroupBy) -> &'static str {
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
pub(super) fn value_name(survey: &Survey, by: GroupBy, id: &str, code: &str) -> String {
    by.value_label(survey, id)
        .map_or_else(|| id.to_owned(), |label| label.get(code).to_owned())
}

/// A select per dimension (all, or one value present in the data) and the grouping.
#[component]
pub(super) fn Filters(dash: Dash) -> impl IntoView {
    let survey = use_survey();
    let locale = use_app_state().locale.get_untracked();
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
