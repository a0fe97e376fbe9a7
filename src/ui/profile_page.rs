//! The first page: who is answering. Its answers decide which pages follow.

use super::choice_group::{ChoiceGroup, ChoiceOption};
use super::i18n::Locale;
use crate::engine::questionnaire::ProfileField;
use crate::engine::survey::{ChoiceField, TextField};
use crate::engine::{Response, Side, Survey};
use leptos::prelude::*;
use std::sync::Arc;

/// A label with the "required" marker when the survey asks for the field.
fn field_label(
    for_id: &'static str,
    text: String,
    required: bool,
    marker: &'static str,
) -> impl IntoView {
    view! {
        <label for=for_id>
            {text}
            {required.then(|| view! { <span class="required">" (" {marker} ")"</span> })}
        </label>
    }
}

/// The profile questions. `invalid` lists the required fields found empty on "Next".
#[component]
pub fn ProfilePage(
    survey: Arc<Survey>,
    locale: Locale,
    response: RwSignal<Response>,
    #[prop(into)] invalid: Signal<Vec<ProfileField>>,
) -> impl IntoView {
    let strings = locale.strings();
    let code = locale.code();
    let profile = &survey.profile;
    let is_invalid =
        move |field: ProfileField| move || invalid.with(|i| i.contains(&field)).then_some("true");

    let text_input = move |field: ProfileField,
                           spec: &TextField,
                           read: fn(&Response) -> String,
                           write: fn(&mut Response, String)| {
        view! {
            <div class="field">
                {field_label(field.anchor(), spec.label.get(code).to_owned(), spec.required, strings.required)}
                {(!spec.help.is_empty()).then(|| view! { <p class="help">{spec.help.get(code).to_owned()}</p> })}
                <input
                    type="text"
                    id=field.anchor()
                    autocomplete="off"
                    aria-required=spec.required.then_some("true")
                    aria-invalid=is_invalid(field)
                    prop:value=move || response.with(read)
                    on:input:target=move |ev| response.update(|r| write(r, ev.target().value()))
                />
            </div>
        }
    };
    let select = move |field: ProfileField,
                       spec: &ChoiceField,
                       read: fn(&Response) -> Option<String>,
                       write: fn(&mut Response, Option<String>)| {
        let options = spec
            .choices
            .iter()
            .map(|choice| {
                let id = choice.id.clone();
                view! {
                    <option value=choice.id.clone() selected=move || response.with(read).as_deref() == Some(id.as_str())>
                        {choice.label.get(code).to_owned()}
                    </option>
                }
            })
            .collect_view();
        view! {
            <div class="field">
                {field_label(field.anchor(), spec.label.get(code).to_owned(), spec.required, strings.required)}
                <select
                    id=field.anchor()
                    aria-required=spec.required.then_some("true")
                    aria-invalid=is_invalid(field)
                    on:change:target=move |ev| {
                        let value = ev.target().value();
                        response.update(|r| write(r, (!value.is_empty()).then_some(value)));
                    }
                >
                    <option value="" selected=move || response.with(read).is_none()>{strings.choose}</option>
                    {options}
                </select>
            </div>
        }
    };

    let types = &profile.partner_type;
    let groups = types
        .functions
        .iter()
        .map(|function| {
            let options = function
                .types
                .iter()
                .map(|kind| {
                    let id = kind.id.clone();
                    view! {
                        <option
                            value=kind.id.clone()
                            selected=move || response.with(|r| r.profile.partner_type.as_deref() == Some(id.as_str()))
                        >
                            {kind.label.get(code).to_owned()}
                        </option>
                    }
                })
                .collect_view();
            view! { <optgroup label=function.label.get(code).to_owned()>{options}</optgroup> }
        })
        .collect_view();
    let partner_type = view! {
        <div class="field">
            {field_label(ProfileField::PartnerType.anchor(), types.label.get(code).to_owned(), types.required, strings.required)}
            {(!types.help.is_empty()).then(|| view! { <p class="help">{types.help.get(code).to_owned()}</p> })}
            <select
                id=ProfileField::PartnerType.anchor()
                aria-required=types.required.then_some("true")
                aria-invalid=is_invalid(ProfileField::PartnerType)
                on:change:target=move |ev| {
                    let value = ev.target().value();
                    response.update(|r| r.profile.partner_type = (!value.is_empty()).then_some(value));
                }
            >
                <option value="" selected=move || response.with(|r| r.profile.partner_type.is_none())>
                    {strings.choose}
                </option>
                {groups}
            </select>
        </div>
    };

    let side_field = &profile.side;
    let side_options = side_field
        .choices
        .iter()
        .map(|choice| ChoiceOption {
            value: choice.id.clone(),
            label: choice.label.get(code).to_owned(),
            detail: None,
        })
        .collect::<Vec<_>>();
    let side = view! {
        <ChoiceGroup
            legend=format!(
                "{}{}",
                side_field.label.get(code),
                if side_field.required { format!(" ({})", strings.required) } else { String::new() },
            )
            group="profile-side"
            id=ProfileField::Side.anchor()
            options=side_options
            selected=Signal::derive(move || response.with(|r| r.profile.side.map(|s| s.id().to_owned())))
            on_select=Callback::new(move |value: String| response.update(|r| r.profile.side = Side::from_id(&value)))
        />
    };

    let revenue = profile.revenue.as_ref().map(|revenue| {
        let number = move |id: &'static str, spec: &TextField, read: fn(&Response) -> Option<f64>, write: fn(&mut Response, Option<f64>)| {
            view! {
                <div class="field">
                    <label for=id>{spec.label.get(code).to_owned()}</label>
                    {(!spec.help.is_empty()).then(|| view! { <p class="help">{spec.help.get(code).to_owned()}</p> })}
                    <input
                        type="number"
                        id=id
                        min="0"
                        step="any"
                        inputmode="decimal"
                        prop:value=move || response.with(read).map(|v| v.to_string()).unwrap_or_default()
                        on:input:target=move |ev| {
                            let value = ev.target().value().trim().parse::<f64>().ok().filter(|v| v.is_finite() && *v >= 0.0);
                            response.update(|r| write(r, value));
                        }
                    />
                </div>
            }
        };
        view! {
            {number("profile-revenue-current", &revenue.current, |r| r.profile.revenue_current, |r, v| r.profile.revenue_current = v)}
            {number("profile-revenue-potential", &revenue.potential, |r| r.profile.revenue_potential, |r, v| r.profile.revenue_potential = v)}
        }
    });

    view! {
        <div class="profile">
            {text_input(ProfileField::PartnerName, &profile.partner_name, |r| r.profile.partner_name.clone(), |r, v| r.profile.partner_name = v)}
            {partner_type}
            {select(ProfileField::Region, &profile.region, |r| r.profile.region.clone(), |r, v| r.profile.region = v)}
            {select(ProfileField::ProgramTier, &profile.program_tier, |r| r.profile.program_tier.clone(), |r, v| r.profile.program_tier = v)}
            {side}
            {text_input(ProfileField::Wave, &profile.wave, |r| r.profile.wave.clone(), |r, v| r.profile.wave = v)}
            {revenue}
        </div>
    }
}
