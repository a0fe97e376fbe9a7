//! The optional sections' pages: five Cs and business proposition (scale items), the journey
//! (yes/no criteria) and operations maturity (a level per process).

use super::choice_group::{ChoiceGroup, ChoiceOption};
use super::element_card::scale_options;
use super::i18n::Locale;
use crate::engine::questionnaire::question_anchor;
use crate::engine::survey::{JourneySection, MaturitySection, ScoredSection};
use crate::engine::{Response, Survey};
use leptos::prelude::*;
use std::sync::Arc;

/// Dimensions of statements, each rated on the survey's scale.
#[component]
pub fn ScoredSectionPage(
    survey: Arc<Survey>,
    section: ScoredSection,
    locale: Locale,
    response: RwSignal<Response>,
) -> impl IntoView {
    let code = locale.code();
    let side = response.with_untracked(Response::side);
    let options = scale_options(&survey.scale, code);
    section
        .dimensions
        .iter()
        .map(|dimension| {
            let items = dimension
                .items
                .iter()
                .map(|item| {
                    let (read, write) = (item.id.clone(), item.id.clone());
                    view! {
                        <ChoiceGroup
                            legend=item.text.get(side, code).to_owned()
                            group=item.id.clone()
                            id=question_anchor(&item.id)
                            options=options.clone()
                            selected=Signal::derive(move || response.with(|r| r.items.get(&read).map(|v| v.to_string())))
                            on_select=Callback::new(move |value: String| {
                                if let Ok(value) = value.parse() {
                                    response.update(|r| r.set_item(&write, Some(value)));
                                }
                            })
                        />
                    }
                })
                .collect_view();
            view! {
                <section class="dimension">
                    <h3>{dimension.label.get(code).to_owned()}</h3>
                    <p class="description">{dimension.description.get(code).to_owned()}</p>
                    {items}
                </section>
            }
        })
        .collect_view()
}

/// The journey's phases, each with criteria answered yes or no.
#[component]
pub fn JourneyPage(
    journey: JourneySection,
    locale: Locale,
    response: RwSignal<Response>,
) -> impl IntoView {
    let strings = locale.strings();
    let code = locale.code();
    let side = response.with_untracked(Response::side);
    let options = vec![
        ChoiceOption {
            value: "yes".into(),
            label: strings.yes.into(),
            detail: None,
        },
        ChoiceOption {
            value: "no".into(),
            label: strings.no.into(),
            detail: None,
        },
    ];
    journey
        .phases
        .iter()
        .map(|phase| {
            let criteria = phase
                .criteria
                .iter()
                .map(|criterion| {
                    let (read, write) = (criterion.id.clone(), criterion.id.clone());
                    view! {
                        <ChoiceGroup
                            legend=criterion.text.get(side, code).to_owned()
                            group=criterion.id.clone()
                            id=question_anchor(&criterion.id)
                            options=options.clone()
                            selected=Signal::derive(move || {
                                response.with(|r| r.criteria.get(&read).map(|yes| if *yes { "yes" } else { "no" }.to_owned()))
                            })
                            on_select=Callback::new(move |value: String| {
                                response.update(|r| r.set_criterion(&write, Some(value == "yes")));
                            })
                        />
                    }
                })
                .collect_view();
            view! {
                <section class="dimension">
                    <h3>{phase.label.get(code).to_owned()}</h3>
                    <p class="description">{phase.description.get(code).to_owned()}</p>
                    {criteria}
                </section>
            }
        })
        .collect_view()
}

/// Each channel-operations process, rated on the maturity levels.
#[component]
pub fn MaturityPage(
    maturity: MaturitySection,
    locale: Locale,
    response: RwSignal<Response>,
) -> impl IntoView {
    let code = locale.code();
    let side = response.with_untracked(Response::side);
    let options: Vec<ChoiceOption> = maturity
        .levels
        .iter()
        .enumerate()
        .map(|(i, level)| ChoiceOption {
            value: level.id.clone(),
            label: (i + 1).to_string(),
            detail: Some(level.label.get(code).to_owned()),
        })
        .collect();
    maturity
        .processes
        .iter()
        .map(|process| {
            let (read, write) = (process.id.clone(), process.id.clone());
            view! {
                <ChoiceGroup
                    legend=process.text.get(side, code).to_owned()
                    group=process.id.clone()
                    id=question_anchor(&process.id)
                    options=options.clone()
                    selected=Signal::derive(move || response.with(|r| r.maturity.get(&read).cloned()))
                    on_select=Callback::new(move |level: String| response.update(|r| r.set_maturity(&write, Some(level))))
                />
            }
        })
        .collect_view()
}
