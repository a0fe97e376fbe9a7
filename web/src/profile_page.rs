//! The first page: who is answering. Its answers decide which questions follow.
//!
//! Every field is one of two reused components (a text box or a radio group), because each
//! distinct Leptos view type costs wasm bytes (docs/performance.md).

use super::choice_group::ChoiceGroup;
use super::focus::focus_next_question;
use super::state::{use_app_state, use_survey};
use engine::answers::questionnaire::{AnswerOption, ProfileField};
use engine::survey::definition::{Choice, ChoiceField, TextField};
use engine::{Response, Side};
use leptos::prelude::*;

/// A labelled text box with optional help.
#[component]
fn TextBox(
    id: &'static str,
    label: String,
    help: String,
    #[prop(into)] value: Signal<String>,
    on_input: Callback<String>,
    #[prop(into)] invalid: Signal<bool>,
) -> impl IntoView {
    let help_id = format!("{id}-help");
    let has_help = !help.is_empty();
    view! {
        <div class="field">
            <label for=id>{label}</label>
            {has_help.then(|| view! { <p class="help" id=help_id.clone()>{help}</p> })}
            <input
                type="text"
                id=id
                autocomplete="off"
                aria-describedby=has_help.then_some(help_id.clone())
                aria-invalid=move || invalid.get().then_some("true")
                prop:value=value
                on:input:target=move |ev| on_input.run(ev.target().value())
                on:keydown:target=move |ev| {
                    if ev.key() == "Enter" {
                        ev.prevent_default();
                        focus_next_question(&ev.target());
                    }
                }
            />
        </div>
    }
}

/// The profile questions. `invalid` lists the required fields found empty on "Next".
#[component]
pub fn ProfilePage(
    response: RwSignal<Response>,
    #[prop(into)] invalid: Signal<Vec<ProfileField>>,
) -> impl IntoView {
    let survey = use_survey();
    let locale = use_app_state().locale.get_untracked();
    let strings = locale.strings();
    let code = locale.code();
    let profile = &survey.profile;
    let label = |text: &engine::Text, required: bool| {
        if required {
            format!("{} ({})", text.get(code), strings.required)
        } else {
            text.get(code).to_owned()
        }
    };
    let is_invalid =
        move |field: ProfileField| Signal::derive(move || invalid.with(|i| i.contains(&field)));
    let options = |choices: &[Choice], detail: Option<&str>| -> Vec<AnswerOption> {
        choices
            .iter()
            .map(|c| AnswerOption {
                value: c.id.clone(),
                label: c.label.get(code).to_owned(),
                detail: detail.map(str::to_owned),
            })
            .collect()
    };
    let text_box = |field: ProfileField,
                    spec: &TextField,
                    read: fn(&Response) -> String,
                    write: fn(&mut Response, String)| {
        view! {
            <TextBox
                id=field.anchor()
                label=label(&spec.label, spec.required)
                help=spec.help.get(code).to_owned()
                value=Signal::derive(move || response.with(read))
                on_input=Callback::new(move |value| response.update(|r| write(r, value)))
                invalid=is_invalid(field)
            />
        }
    };
    let choice = |field: ProfileField,
                  spec: &ChoiceField,
                  read: fn(&Response) -> Option<String>,
                  write: fn(&mut Response, String)| {
        view! {
            <ChoiceGroup
                legend=label(&spec.label, spec.required)
                help=(!spec.help.is_empty()).then(|| spec.help.get(code).to_owned())
                group=field.anchor()
                id=field.anchor()
                options=options(&spec.choices, None)
                selected=Signal::derive(move || response.with(read))
                on_select=Callback::new(move |value| response.update(|r| write(r, value)))
            />
        }
    };
    let types = &profile.partner_type;
    let type_options: Vec<AnswerOption> = types
        .functions
        .iter()
        .flat_map(|f| options(&f.types, Some(f.label.get(code))))
        .collect();
    view! {
        <div class="profile">
            {text_box(ProfileField::PartnerName, &profile.partner_name, |r| r.profile.partner_name.clone(), |r, v| r.profile.partner_name = v)}
            <div class="list">
                <ChoiceGroup
                    legend=label(&types.label, types.required)
                    help=(!types.help.is_empty()).then(|| types.help.get(code).to_owned())
                    group=ProfileField::PartnerType.anchor()
                    id=ProfileField::PartnerType.anchor()
                    options=type_options
                    selected=Signal::derive(move || response.with(|r| r.profile.partner_type.clone()))
                    on_select=Callback::new(move |value| response.update(|r| r.profile.partner_type = Some(value)))
                />
            </div>
            {choice(ProfileField::Region, &profile.region, |r| r.profile.region.clone(), |r, v| r.profile.region = Some(v))}
            {choice(ProfileField::ProgramTier, &profile.program_tier, |r| r.profile.program_tier.clone(), |r, v| r.profile.program_tier = Some(v))}
            {choice(ProfileField::Side, &profile.side, |r| r.profile.side.map(|s| s.id().to_owned()), |r, v| r.profile.side = Side::from_id(&v))}
            {text_box(ProfileField::Wave, &profile.wave, |r| r.profile.wave.clone(), |r, v| r.profile.wave = v)}
        </div>
    }
}
