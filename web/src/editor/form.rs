//! The editor's form, drawn from the engine's shape of a survey (`engine::editor::form`): each
//! part a group of fields, each list of entries with its buttons to add, move, duplicate and
//! delete. The words for each kind of part are here; what the parts hold is the engine's.

use super::audience_field::AudienceField;
use super::fields::{field_id, FlagField, Kind, PlaceProblems, PlainField, TextField};
use super::Ed;
use crate::i18n::{EditorStrings, Locale, Strings};
use engine::editor::edit::{Op, Path};
use engine::editor::form::{Field, FieldKind, Noun, Shape};
use leptos::prelude::*;
use serde_json::{json, Value};

type Pick = fn(&EditorStrings) -> &'static str;

/// A noun's words: the legend of a part (a template with `{n}` and `{name}` for an entry of a
/// list), the button that adds an entry (`{name}` is the list's owner), and a new entry's name.
fn words(noun: Noun) -> (Pick, Pick, Pick) {
    match noun {
        Noun::Area => (
            |w| w.editor_area_n,
            |w| w.editor_add_area,
            |w| w.editor_new_area,
        ),
        Noun::Element => (
            |w| w.editor_element_n,
            |w| w.editor_add_element,
            |w| w.editor_new_element,
        ),
        Noun::Type => (
            |w| w.editor_choice_n,
            |w| w.editor_add_type,
            |w| w.editor_new_type,
        ),
        Noun::Choice => (
            |w| w.editor_choice_n,
            |w| w.editor_add_choice,
            |w| w.editor_new_choice,
        ),
        Noun::Function => (
            |w| w.editor_function_n,
            |w| w.editor_add_function,
            |w| w.editor_new_function,
        ),
        Noun::Point => (
            |w| w.editor_point_n,
            |w| w.editor_add_point,
            |w| w.editor_new_point,
        ),
        Noun::Dimension => (
            |w| w.editor_dimension_n,
            |w| w.editor_add_dimension,
            |w| w.editor_new_dimension,
        ),
        Noun::Statement => (
            |w| w.editor_statement_n,
            |w| w.editor_add_statement,
            |w| w.editor_new_statement,
        ),
        Noun::Phase => (
            |w| w.editor_phase_n,
            |w| w.editor_add_phase,
            |w| w.editor_new_phase,
        ),
        Noun::Criterion => (
            |w| w.editor_criterion_n,
            |w| w.editor_add_criterion,
            |w| w.editor_new_criterion,
        ),
        Noun::Level => (
            |w| w.editor_level_n,
            |w| w.editor_add_level,
            |w| w.editor_new_level,
        ),
        Noun::Process => (
            |w| w.editor_process_n,
            |w| w.editor_add_process,
            |w| w.editor_new_process,
        ),
        Noun::Principle => (
            |w| w.editor_principle_n,
            |w| w.editor_add_principle,
            |w| w.editor_new_principle,
        ),
        Noun::Band => (
            |w| w.editor_band_n,
            |w| w.editor_add_band,
            |w| w.editor_new_band,
        ),
        Noun::Scale => (|w| w.editor_scale, |w| w.editor_scale, |w| w.editor_scale),
        Noun::Importance => (
            |w| w.editor_importance,
            |w| w.editor_importance,
            |w| w.editor_importance,
        ),
        Noun::Performance => (
            |w| w.editor_performance,
            |w| w.editor_performance,
            |w| w.editor_performance,
        ),
        Noun::FiveCs => (
            |w| w.editor_five_cs,
            |w| w.editor_five_cs,
            |w| w.editor_five_cs,
        ),
        Noun::Proposition => (
            |w| w.editor_proposition,
            |w| w.editor_proposition,
            |w| w.editor_proposition,
        ),
        Noun::Journey => (
            |w| w.editor_journey,
            |w| w.editor_journey,
            |w| w.editor_journey,
        ),
        Noun::Maturity => (
            |w| w.editor_maturity,
            |w| w.editor_maturity,
            |w| w.editor_maturity,
        ),
        Noun::Principles => (
            |w| w.editor_principles,
            |w| w.editor_principles,
            |w| w.editor_principles,
        ),
        Noun::Overall => (
            |w| w.editor_overall,
            |w| w.editor_overall,
            |w| w.editor_overall,
        ),
        Noun::Recommend => (
            |w| w.editor_recommend,
            |w| w.editor_recommend,
            |w| w.editor_new_recommend,
        ),
        Noun::Satisfaction => (
            |w| w.editor_satisfaction,
            |w| w.editor_satisfaction,
            |w| w.editor_new_satisfaction,
        ),
        Noun::Revenue => (
            |w| w.editor_revenue,
            |w| w.editor_revenue,
            |w| w.editor_revenue,
        ),
        Noun::Categories => (
            |w| w.editor_categories,
            |w| w.editor_categories,
            |w| w.editor_categories,
        ),
        // Drawn as a page region or named by the file (a profile question), never by these.
        Noun::Question => (
            |w| w.editor_question,
            |w| w.editor_question,
            |w| w.editor_new_question,
        ),
        Noun::Survey | Noun::Ratings | Noun::Profile | Noun::Sections => (
            |w| w.editor_survey,
            |w| w.editor_survey,
            |w| w.editor_survey,
        ),
    }
}

/// The label of the field `key` of a part shaped `shape`.
fn field_label(shape: &Shape, key: &str) -> Pick {
    match (shape.noun, key) {
        (Noun::Question, "label") => |w| w.editor_question,
        (Noun::Importance | Noun::Performance, "label") => |w| w.editor_rating_label,
        (Noun::Scale, "min") => |w| w.editor_scale_min,
        (Noun::Scale, "max") => |w| w.editor_scale_max,
        (Noun::Band, "min") => |w| w.editor_band_min,
        (_, "not_applicable") => |w| w.editor_scale_na,
        (_, "value") => |w| w.editor_point,
        (Noun::Point, "text") => |w| w.editor_point_text,
        (_, "title") => |w| w.editor_title_field,
        (_, "description") => |w| w.editor_description,
        (_, "id") => |w| w.editor_id,
        (_, "version") => |w| w.editor_version,
        (_, "weight") => |w| w.editor_weight,
        (_, "help") => |w| w.editor_help,
        (_, "by") => |w| w.editor_categories_by,
        (_, "required") => |w| w.editor_required,
        (_, "primary_value") => |w| w.editor_primary_value,
        (_, "management") => |w| w.editor_management,
        (_, "currency") => |w| w.editor_currency,
        (_, "min_group_size") => |w| w.editor_min_group_size,
        _ => |w| w.editor_label,
    }
}

/// An editor word, following the language.
fn word(ed: Ed, pick: Pick) -> Signal<String> {
    Signal::derive(move || pick(ed.state.locale.get().editor()).to_owned())
}

/// The English words, for the texts of a new entry (every survey text needs English).
fn english() -> &'static EditorStrings {
    Locale::default().editor()
}

/// The English name of the entry at `at` (at `pointer` in it), else its id.
fn name_at(ed: Ed, at: &Path, pointer: Option<&str>) -> String {
    ed.read(at, |entry| {
        entry
            .map(|entry| name_of(entry, pointer))
            .unwrap_or_default()
    })
}

fn name_of(entry: &Value, pointer: Option<&str>) -> String {
    pointer
        .and_then(|p| entry.pointer(p))
        .and_then(Value::as_str)
        .filter(|t| !t.is_empty())
        .or_else(|| entry.get("id").and_then(Value::as_str))
        .unwrap_or_default()
        .to_owned()
}

/// Moves focus to the element with `id` once the form has been drawn again; a text field's
/// placeholder text is selected, so that typing replaces it.
pub(super) fn focus_soon(id: String) {
    request_animation_frame(move || {
        let Some(element) = document().get_element_by_id(&id) else {
            return;
        };
        use wasm_bindgen::JsCast;
        if let Some(input) = element.dyn_ref::<web_sys::HtmlInputElement>() {
            let _ = input.focus();
            input.select();
        } else if let Some(text) = element.dyn_ref::<web_sys::HtmlTextAreaElement>() {
            let _ = text.focus();
            text.select();
        } else if let Some(element) = element.dyn_ref::<web_sys::HtmlElement>() {
            let _ = element.focus();
        }
    });
}

/// Where focus goes in a new entry at `at`: its first text field.
fn first_field(at: &Path, shape: &Shape) -> String {
    match shape.name_field() {
        Some(Field {
            key,
            kind: FieldKind::Side,
        }) => field_id(&at.key(key).key("partner").to_string()),
        Some(Field { key, .. }) => field_id(&at.key(key).to_string()),
        None => field_id(&at.to_string()),
    }
}

/// One field of a part.
pub(super) fn field_view(
    ed: Ed,
    at: &Path,
    shape: &'static Shape,
    field: &'static Field,
) -> AnyView {
    let here = at.key(field.key);
    let label = word(ed, field_label(shape, field.key));
    let plain = |kind| view! { <PlainField ed at=here.clone() label kind/> }.into_any();
    match field.kind {
        FieldKind::Text => view! { <TextField ed at=here label/> }.into_any(),
        FieldKind::Long => view! { <TextField ed at=here label long=true/> }.into_any(),
        FieldKind::Side => view! {
            <TextField ed at=here.key("partner") label=word(ed, |w| w.editor_partner_wording) long=true/>
            <TextField ed at=here.key("vendor") label=word(ed, |w| w.editor_vendor_wording) long=true/>
        }
        .into_any(),
        FieldKind::Word => plain(Kind::Word),
        FieldKind::Whole => plain(Kind::Whole),
        FieldKind::Number => plain(Kind::Number),
        FieldKind::Flag => view! { <FlagField ed at=here label/> }.into_any(),
        FieldKind::Audience => view! { <AudienceField ed at=at.clone()/> }.into_any(),
        FieldKind::Grouping => view! { <Grouping ed at=at.clone() label/> }.into_any(),
    }
}

/// A part's fields (texts first, then the short ones side by side, then who sees it), its
/// problems, its lists and the parts in it.
#[component]
pub(super) fn PartBody(ed: Ed, at: Path, shape: &'static Shape) -> AnyView {
    let is_text =
        |f: &&Field| matches!(f.kind, FieldKind::Text | FieldKind::Long | FieldKind::Side);
    let is_short = |f: &&Field| {
        matches!(
            f.kind,
            FieldKind::Word | FieldKind::Whole | FieldKind::Number | FieldKind::Flag
        )
    };
    let group = |keep: &dyn Fn(&&'static Field) -> bool| {
        shape
            .fields
            .iter()
            .filter(|f| keep(f))
            .map(|f| field_view(ed, &at, shape, f))
            .collect_view()
    };
    let texts = group(&is_text);
    let short = group(&is_short);
    let rest = group(&|f| !is_text(f) && !is_short(f));
    let owner = {
        let at = at.clone();
        let pointer = shape.name_pointer();
        Signal::derive(move || name_at(ed, &at, pointer.as_deref()))
    };
    let grouped_by = {
        let at = at.clone();
        let by = at.key("by");
        Memo::new(move |_| ed.read(&by, |v| v.and_then(Value::as_str).map(str::to_owned)))
    };
    let lists = shape
        .lists
        .iter()
        .map(|(key, entry)| {
            let list = at.key(key);
            // Bands count only when partners are grouped by their five-Cs score.
            let shown = move || {
                shape.noun != Noun::Categories
                    || grouped_by.get().as_deref() == Some("five_cs_score")
            };
            view! { <Show when=shown><EntryList ed list=list.clone() shape=entry owner/></Show> }
        })
        .collect_view();
    let parts = shape
        .parts
        .iter()
        .map(|(key, part)| view! { <Part ed at=at.key(key) shape=part/> })
        .collect_view();
    view! {
        {texts}
        {(!short.is_empty()).then(|| view! { <div class="row">{short}</div> })}
        {rest}
        <PlaceProblems ed place=at.to_string()/>
        {lists}
        {parts}
    }
    .into_any()
}

/// A part under a fixed key (the scale, a rating, a profile question, a section): a group with
/// its fields. A part the survey may leave out offers to add it, or to take it out.
#[component]
pub fn Part(ed: Ed, at: Path, shape: &'static Shape) -> impl IntoView {
    let (heading, _, _) = words(shape.noun);
    let legend = {
        let at = at.clone();
        let pointer = shape.name_pointer();
        move || match shape.noun {
            Noun::Question => name_at(ed, &at, pointer.as_deref()),
            _ => heading(ed.state.locale.get().editor()).to_owned(),
        }
    };
    let present = {
        let at = at.clone();
        Memo::new(move |_| ed.read(&at, |v| v.is_some_and(Value::is_object)))
    };
    let add = {
        let at = at.clone();
        move |_| {
            ed.act_with(|d| {
                let name = |noun| words(noun).2(english()).to_owned();
                vec![Op::Put {
                    at: at.clone(),
                    value: Some(shape.new_entry(d, &name, 0)),
                }]
            });
            focus_soon(first_field(&at, shape));
        }
    };
    let remove = {
        let at = at.clone();
        move |_| {
            ed.act(vec![Op::Put {
                at: at.clone(),
                value: None,
            }]);
            focus_soon(field_id(&at.to_string()));
        }
    };
    let name = move || heading(ed.state.locale.get().editor()).to_owned();
    let body = {
        let at = at.clone();
        move || {
            if present.get() || !shape.optional {
                let remove = remove.clone();
                view! {
                    <PartBody ed at=at.clone() shape/>
                    {shape.optional.then(|| view! {
                        <button type="button" class="quiet" on:click=remove>
                            {move || Strings::fill(ed.state.locale.get().editor().editor_remove_section, &[("name", &name())])}
                        </button>
                    })}
                }
                .into_any()
            } else {
                let add = add.clone();
                view! {
                    <p>{move || ed.state.locale.get().editor().editor_section_absent}</p>
                    <button type="button" on:click=add>
                        {move || Strings::fill(ed.state.locale.get().editor().editor_add_section, &[("name", &name())])}
                    </button>
                }
                .into_any()
            }
        }
    };
    view! {
        <fieldset class="part" id=field_id(&at.to_string()) tabindex="-1">
            <legend>{legend}</legend>
            {body}
        </fieldset>
    }
}

/// How partners are grouped for ranking. Grouping by five-Cs score needs bands, so choosing it
/// adds one, and leaving it takes them out.
#[component]
fn Grouping(ed: Ed, at: Path, label: Signal<String>) -> impl IntoView {
    let place = at.key("by").to_string();
    let id = field_id(&place);
    let current = {
        let at = at.clone();
        let by = at.key("by");
        move || {
            ed.read(&by, |v| {
                v.and_then(Value::as_str)
                    .unwrap_or("partner_type")
                    .to_owned()
            })
        }
    };
    let choose = move |by: String| {
        ed.act_with(|d| {
            let bands = (by == "five_cs_score").then(|| {
                let name = |noun| words(noun).2(english()).to_owned();
                json!([engine::editor::form::BAND.new_entry(d, &name, 0)])
            });
            vec![
                Op::Put {
                    at: at.key("by"),
                    value: Some(Value::String(by)),
                },
                Op::Put {
                    at: at.key("bands"),
                    value: bands,
                },
            ]
        });
    };
    let options: [(&str, Pick); 3] = [
        ("partner_type", |w| w.editor_by_type),
        ("partner_function", |w| w.editor_by_function),
        ("five_cs_score", |w| w.editor_by_five_cs),
    ];
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            <select id=id aria-describedby=format!("p-{place}") prop:value=current on:change:target=move |ev| choose(ev.target().value())>
                {options.map(|(value, pick)| view! { <option value=value>{move || pick(ed.state.locale.get().editor())}</option> }).into_iter().collect_view()}
            </select>
            <PlaceProblems ed place/>
        </div>
    }
}

/// An entry's buttons: move up and down, duplicate, delete.
#[component]
fn EntryTools(
    ed: Ed,
    list: Path,
    index: usize,
    count: usize,
    shape: &'static Shape,
) -> impl IntoView {
    let at = list.index(index);
    let pointer = shape.name_pointer();
    let name = {
        let at = at.clone();
        let pointer = pointer.clone();
        Signal::derive(move || name_at(ed, &at, pointer.as_deref()))
    };
    let label = move |template: Pick| {
        move || {
            Strings::fill(
                template(ed.state.locale.get().editor()),
                &[("name", &name.get())],
            )
        }
    };
    let tool_id = |kind: &str, i: usize| format!("tool-{kind}-{}", list.index(i));
    let (up, down, copy, delete) = (
        tool_id("up", index),
        tool_id("down", index),
        tool_id("copy", index),
        tool_id("delete", index),
    );
    let after_up = tool_id("up", index.saturating_sub(1));
    let after_down = tool_id("down", index + 1);
    let after_copy = tool_id("copy", index + 1);
    let move_to = {
        let list = list.clone();
        move |to: usize, focus: String| {
            ed.act(vec![Op::Move {
                list: list.clone(),
                from: index,
                to,
            }]);
            focus_soon(focus);
        }
    };
    let move_up = move_to.clone();
    let duplicate = {
        let list = list.clone();
        move |_| {
            ed.act_with(|d| {
                let Some(mut copy) = at.get(d.value()).cloned() else {
                    return Vec::new();
                };
                d.give_new_ids(&mut copy);
                let name = name_of(&copy, pointer.as_deref());
                if let Some(text) = pointer.as_deref().and_then(|p| copy.pointer_mut(p)) {
                    *text =
                        Value::String(Strings::fill(english().editor_copy_of, &[("name", &name)]));
                }
                vec![Op::Insert {
                    list: list.clone(),
                    index: index + 1,
                    value: copy,
                }]
            });
            focus_soon(after_copy.clone());
        }
    };
    let remove = move |_| {
        ed.act(vec![Op::Remove {
            list: list.clone(),
            index,
        }])
    };
    view! {
        <div class="entry-tools">
            <button type="button" class="quiet" id=up disabled={index == 0} aria-label=label(|w| w.editor_move_up)
                on:click=move |_| move_up(index - 1, after_up.clone())>"↑"</button>
            <button type="button" class="quiet" id=down disabled={index + 1 >= count} aria-label=label(|w| w.editor_move_down)
                on:click=move |_| move_to(index + 1, after_down.clone())>"↓"</button>
            <button type="button" class="quiet" id=copy on:click=duplicate>{label(|w| w.editor_duplicate)}</button>
            <button type="button" class="quiet" id=delete on:click=remove>{label(|w| w.editor_delete)}</button>
        </div>
    }
}

/// One entry of a list: a group with its fields, its lists and its buttons.
#[component]
fn ListEntry(
    ed: Ed,
    list: Path,
    index: usize,
    count: usize,
    shape: &'static Shape,
) -> impl IntoView {
    let at = list.index(index);
    let (template, _, _) = words(shape.noun);
    let legend = {
        let at = at.clone();
        let pointer = shape.name_pointer();
        move || {
            let name = name_at(ed, &at, pointer.as_deref());
            Strings::fill(
                template(ed.state.locale.get().editor()),
                &[("n", &(index + 1).to_string()), ("name", &name)],
            )
        }
    };
    view! {
        <fieldset class="entry" id=field_id(&at.to_string()) tabindex="-1">
            <legend>{legend}</legend>
            <PartBody ed at=at.clone() shape/>
            <EntryTools ed list index count shape/>
        </fieldset>
    }
}

/// The entries of the list at `list`, drawn again when one is added, moved away or deleted
/// (otherwise only their fields follow the draft), and the button that adds one.
#[component]
pub fn EntryList(
    ed: Ed,
    list: Path,
    shape: &'static Shape,
    /// The name of the part the list is in, for the add button's words.
    owner: Signal<String>,
    /// The page's main list (the areas) has the main button.
    #[prop(optional)]
    primary: bool,
) -> impl IntoView {
    let count = {
        let list = list.clone();
        Memo::new(move |_| ed.read(&list, |v| v.and_then(Value::as_array).map_or(0, Vec::len)))
    };
    let (_, add_words, _) = words(shape.noun);
    let add = {
        let list = list.clone();
        move |_| {
            let index = count.get_untracked();
            ed.act_with(|d| {
                let entries = list.get(d.value()).and_then(Value::as_array);
                // A scale point follows the last one named, or starts at the scale's lowest.
                let last = entries
                    .and_then(|e| e.last())
                    .and_then(|last| last.get("value"))
                    .and_then(Value::as_i64);
                let lowest = d
                    .value()
                    .pointer("/scale/min")
                    .and_then(Value::as_i64)
                    .unwrap_or(1);
                let after = last.unwrap_or(lowest.saturating_sub(1));
                let name = |noun| words(noun).2(english()).to_owned();
                let value = shape.new_entry(d, &name, after);
                match entries {
                    Some(_) => vec![Op::Insert {
                        list: list.clone(),
                        index,
                        value,
                    }],
                    None => vec![Op::Put {
                        at: list.clone(),
                        value: Some(json!([value])),
                    }],
                }
            });
            focus_soon(first_field(&list.index(index), shape));
        }
    };
    let draw = list.clone();
    view! {
        <div class="entries" id=field_id(&list.to_string()) tabindex="-1">
            {move || {
                let count = count.get();
                (0..count).map(|i| view! { <ListEntry ed list=draw.clone() index=i count shape/> }).collect_view()
            }}
            <PlaceProblems ed place=list.to_string()/>
            <button type="button" class:primary=primary on:click=add>
                {move || Strings::fill(add_words(ed.state.locale.get().editor()), &[("name", &owner.get())])}
            </button>
        </div>
    }
}
