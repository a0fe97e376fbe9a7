//! What the report says beside its charts: the priorities as actions, the journey and
//! maturity steps with the answers that placed them, and the management approach.

use super::cell;
use crate::i18n::Strings;
use crate::state::{use_app_state, use_survey};
use engine::scoring::scorecard::Scorecard;
use engine::{Response, Side};
use leptos::prelude::*;

/// "Concentrate here" as actions, largest gap first.
#[component]
pub fn Priorities(card: Memo<Option<Scorecard>>) -> impl IntoView {
    let survey = use_survey();
    let locale = use_app_state().locale.get_untracked();
    let strings = locale.strings();
    let code = locale.code();
    let actions = move || {
        card.with(|card| {
            let summary = &card.as_ref()?.summary;
            let info = super::element_info(&survey);
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

/// Journey phase and maturity level as labelled steps, with the answers that placed them.
#[component]
pub fn Placements(card: Memo<Option<Scorecard>>) -> impl IntoView {
    let survey = use_survey();
    let locale = use_app_state().locale.get_untracked();
    let strings = locale.strings();
    let code = locale.code();
    let journey_survey = survey.clone();
    let journey = move || {
        let section = journey_survey.sections.journey.as_ref()?;
        let placement = card.with(|c| c.as_ref()?.journey.clone())?;
        let criterion = |id: &String| {
            journey_survey.criteria().find(|c| &c.id == id).map_or_else(
                || id.clone(),
                |c| c.text.get(Side::Partner, code).to_owned(),
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
                |p| p.text.get(Side::Partner, code).to_owned(),
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
pub fn Management(response: RwSignal<Response>) -> impl IntoView {
    let survey = use_survey();
    let locale = use_app_state().locale.get_untracked();
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
