//! Who sees an area or an element, chosen with pickers: no ids to type.

use super::fields::{field_id, PlaceProblems};
use super::Ed;
use engine::editor::audience::{audience, audience_ops, choices, Audience, ByWhat};
use engine::editor::edit::Path;
use leptos::prelude::*;
use serde_json::Value;

/// The three ways to choose, as the radio buttons name them.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    Everyone,
    Only,
    AllBut,
}

/// An entry's audience: everyone, only some partner functions or types, or all but some.
#[component]
pub fn AudienceField(ed: Ed, at: Path) -> impl IntoView {
    let place = at.key("show_if").to_string();
    let read_at = at.clone();
    let current = Memo::new(move |_| ed.read(&read_at, |v| v.map_or(Audience::Everyone, audience)));
    let shape = Memo::new(move |_| match current.get() {
        Audience::Everyone => Some((Mode::Everyone, ByWhat::Function)),
        Audience::Only(by, _) => Some((Mode::Only, by)),
        Audience::AllBut(by, _) => Some((Mode::AllBut, by)),
        Audience::Other => None,
    });
    let set = {
        let at = at.clone();
        move |audience: Audience| ed.act(audience_ops(&at, &audience))
    };
    let words = move || ed.state.locale.get().editor();
    let name = format!("audience-{place}");
    let mode_radio = {
        let set = set.clone();
        move |mode: Mode, label: fn(&'static crate::i18n::EditorStrings) -> &'static str| {
            let set = set.clone();
            let id = format!("{name}-{}", mode as u8);
            view! {
                <span class="choice">
                    <input
                        type="radio"
                        id=id.clone()
                        name=name.clone()
                        prop:checked=move || shape.get().is_some_and(|(m, _)| m == mode)
                        on:change=move |_| {
                            let by = shape.get_untracked().map_or(ByWhat::Function, |(_, by)| by);
                            set(match mode {
                                Mode::Everyone => Audience::Everyone,
                                Mode::Only => Audience::Only(by, Vec::new()),
                                Mode::AllBut => Audience::AllBut(by, Vec::new()),
                            });
                        }
                    />
                    <label for=id>{move || label(words())}</label>
                </span>
            }
        }
    };
    let pickers = {
        let set = set.clone();
        let place = place.clone();
        move || {
            let (mode, by) = shape.get()?;
            if mode == Mode::Everyone {
                return None;
            }
            let rebuild = move |by: ByWhat, ids: Vec<String>| match mode {
                Mode::Only => Audience::Only(by, ids),
                _ => Audience::AllBut(by, ids),
            };
            let by_id = format!("by-{place}");
            let set_by = set.clone();
            let options = untrack(|| ed.draft.with(|d| choices(d.value(), by)));
            let boxes = options
                .into_iter()
                .map(|(own, texts)| {
                    let set = set.clone();
                    let box_id = format!("{place}-{own}");
                    let label = {
                        let own = own.clone();
                        move || {
                            let language = ed.language.get();
                            let text = texts.get(&language).or_else(|| texts.get("en"));
                            text.and_then(Value::as_str).unwrap_or(&own).to_owned()
                        }
                    };
                    let is_on = {
                        let own = own.clone();
                        move || match current.get() {
                            Audience::Only(_, ids) | Audience::AllBut(_, ids) => ids.contains(&own),
                            _ => false,
                        }
                    };
                    view! {
                        <span class="choice">
                            <input
                                type="checkbox"
                                id=box_id.clone()
                                prop:checked=is_on
                                on:change:target=move |ev| {
                                    let on = ev.target().checked();
                                    let mut ids = match current.get_untracked() {
                                        Audience::Only(_, ids) | Audience::AllBut(_, ids) => ids,
                                        _ => Vec::new(),
                                    };
                                    ids.retain(|i| *i != own);
                                    if on {
                                        ids.push(own.clone());
                                    }
                                    set(rebuild(by, ids));
                                }
                            />
                            <label for=box_id>{label}</label>
                        </span>
                    }
                })
                .collect_view();
            Some(view! {
                <div class="field">
                    <label for=by_id.clone()>{move || words().editor_by}</label>
                    <select
                        id=by_id
                        prop:value=move || if by == ByWhat::Type { "type" } else { "function" }
                        on:change:target=move |ev| {
                            let by = if ev.target().value() == "type" { ByWhat::Type } else { ByWhat::Function };
                            set_by(rebuild(by, Vec::new()));
                        }
                    >
                        <option value="function">{move || words().editor_by_function}</option>
                        <option value="type">{move || words().editor_by_type}</option>
                    </select>
                </div>
                <div class="choices">{boxes}</div>
            })
        }
    };
    view! {
        <fieldset class="audience" id=field_id(&place) tabindex="-1">
            <legend>{move || words().editor_audience}</legend>
            {move || match shape.get() {
                None => view! { <p>{words().editor_audience_other}</p> }.into_any(),
                Some(_) => ().into_any(),
            }}
            <div class="modes" hidden=move || shape.get().is_none()>
                {mode_radio(Mode::Everyone, |w| w.editor_everyone)}
                {mode_radio(Mode::Only, |w| w.editor_only)}
                {mode_radio(Mode::AllBut, |w| w.editor_all_but)}
            </div>
            {pickers}
            <PlaceProblems ed place=place.clone()/>
        </fieldset>
    }
}
