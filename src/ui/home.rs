//! What a loaded survey shows: the questionnaire, or for a returning visitor the list of their
//! assessments; a vendor's personal link starts a new, prefilled one.

use super::download::data_url;
use super::i18n::Strings;
use super::import_panel::ImportPanel;
use super::questionnaire::Questionnaire;
use super::shared_results::{SharedFailure, SharedResults};
use super::start_page::{StartAction, StartScreen};
use super::state::use_app_state;
use super::storage::{self, SetAside};
use crate::engine::assessment::{describe_raw, Assessment, StoredProblem};
use crate::engine::import::validate_answers;
use crate::engine::prefill::prefill;
use crate::engine::response::ProfileAnswers;
use crate::engine::share_link::decode;
use crate::engine::{Response, Survey};
use leptos::prelude::*;
use std::sync::Arc;
use wasm_bindgen::JsValue;

#[derive(Clone)]
enum Screen {
    Start,
    /// Answers opened from a share link, or why they could not be.
    Shared(Result<Box<Response>, SharedFailure>),
    Fill {
        assessment: Box<Assessment>,
        resume: bool,
    },
}

/// The query's parameters as (name, value) pairs.
fn query_params() -> Vec<(String, String)> {
    let search = window().location().search().unwrap_or_default();
    let Ok(params) = web_sys::UrlSearchParams::new_with_str(&search) else {
        return Vec::new();
    };
    js_sys::Array::from(&params)
        .iter()
        .filter_map(|pair| {
            let pair = js_sys::Array::from(&pair);
            Some((pair.get(0).as_string()?, pair.get(1).as_string()?))
        })
        .collect()
}

/// Takes the prefill parameters out of the address bar, keeping `?survey=`, so a reload
/// never applies them again over the user's own answers.
fn forget_prefill_params(source: &str) {
    let mut address = address_with_survey(source);
    address.push_str(&window().location().hash().unwrap_or_default());
    replace_address(&address);
}

/// Takes a share link's fragment out of the address bar (keeping `?survey=`), so a reload
/// shows this browser's own assessments.
fn forget_share_link(source: &str) {
    replace_address(&address_with_survey(source));
}

/// Changes the address bar without a new history entry or a reload.
fn replace_address(address: &str) {
    if let Ok(history) = window().history() {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(address));
    }
}

/// The `?survey=` value this page was opened with; empty for the default survey.
fn survey_source(params: &[(String, String)]) -> String {
    params
        .iter()
        .find(|(name, _)| name == "survey")
        .map(|(_, value)| value.clone())
        .unwrap_or_default()
}

/// A new, empty assessment of the survey this page shows (opened with `source`).
fn new_assessment(survey: &Survey, source: &str) -> Assessment {
    let mut assessment = Assessment::new(survey, storage::new_id(), storage::now());
    source.clone_into(&mut assessment.survey_source);
    assessment
}

/// This page's address with only `?survey=` kept (none for the default survey).
fn address_with_survey(source: &str) -> String {
    let mut address = window().location().pathname().unwrap_or_default();
    if !source.is_empty() {
        address.push_str("?survey=");
        address.push_str(&String::from(js_sys::encode_uri_component(source)));
    }
    address
}

/// Opens another survey's assessment: this tab remembers it, and the page goes to its survey.
fn continue_elsewhere(assessment: &Assessment) {
    storage::set_open_in_this_tab(Some(&assessment.response.id));
    let _ = window()
        .location()
        .assign(&address_with_survey(&assessment.survey_source));
}

/// The answers of a share link in this page's fragment (`#r=`), if it has one.
fn shared_answers(survey: &Survey) -> Option<Result<Box<Response>, SharedFailure>> {
    let hash = window().location().hash().unwrap_or_default();
    let payload = hash.strip_prefix("#r=")?;
    Some(match decode(payload) {
        Ok(response) if response.survey_id != survey.id => {
            Err(SharedFailure::OtherSurvey(response.survey_id))
        }
        Ok(response) => match validate_answers(&response, survey) {
            Ok(()) => Ok(Box::new(response)),
            Err(reason) => Err(SharedFailure::Invalid(reason)),
        },
        Err(problem) => Err(SharedFailure::Link(problem)),
    })
}

/// The first screen: a share link's answers, a personal link's new assessment, the one this
/// tab had open (a reload), the list for a returning visitor, or a fresh questionnaire.
fn first_screen(
    survey: &Survey,
    params: &[(String, String)],
    saved: &[Assessment],
    ignored: &mut Vec<String>,
) -> Screen {
    if let Some(opened) = shared_answers(survey) {
        return Screen::Shared(opened);
    }
    let source = survey_source(params);
    let link = prefill(survey, params.iter().map(|(n, v)| (n.as_str(), v.as_str())));
    *ignored = link.ignored;
    // Only a link that names something of the profile starts an assessment; one that carries
    // just other parameters (a campaign tag, say) changes nothing but the notice.
    if link.profile != ProfileAnswers::default() {
        let now = storage::now();
        let mut assessment = new_assessment(survey, &source);
        let prefilled = Response {
            profile: link.profile,
            ..assessment.response.clone()
        };
        assessment.record(&prefilled, now);
        storage::save(&assessment);
        forget_prefill_params(&source);
        return Screen::Fill {
            assessment: Box::new(assessment),
            resume: false,
        };
    }
    let open = storage::open_in_this_tab().and_then(|id| {
        saved
            .iter()
            .find(|a| a.response.id == id && a.response.survey_id == survey.id)
    });
    match open {
        Some(assessment) => Screen::Fill {
            assessment: Box::new(assessment.clone()),
            resume: true,
        },
        None if !saved.is_empty() => Screen::Start,
        None => Screen::Fill {
            assessment: Box::new(new_assessment(survey, &source)),
            resume: false,
        },
    }
}

/// The entries set aside, each with who it belonged to and a download of it as it was.
#[component]
fn SetAsideNotice(set_aside: Vec<SetAside>) -> impl IntoView {
    let state = use_app_state();
    let items = set_aside
        .into_iter()
        .map(|entry| {
            let who = describe_raw(&entry.raw).unwrap_or_else(|| entry.key.clone());
            let name = format!("{}.json", entry.key);
            let problem = move || {
                let strings = state.strings();
                match &entry.problem {
                    StoredProblem::Unreadable(detail) => format!("{} ({detail})", strings.unreadable_entry),
                    StoredProblem::TooNew(version) => Strings::fill(strings.too_new_entry, &[("version", &version.to_string())]),
                }
            };
            view! {
                <li>
                    <strong>{who}</strong> ": " {problem} " "
                    <a download=name href=data_url(&entry.raw)>{move || state.strings().download_entry}</a>
                </li>
            }
        })
        .collect_view();
    view! {
        <div class="notice" role="alert">
            <p>{move || state.strings().set_aside_intro}</p>
            <ul>{items}</ul>
        </div>
    }
}

/// The survey's screens for this browser's assessments.
#[component]
pub fn Home(survey: Arc<Survey>) -> impl IntoView {
    let state = use_app_state();
    let params = query_params();
    // The page's `?survey=` value, fixed for its life: prefill parameters go, it stays.
    let source = survey_source(&params);
    let listing = storage::list(&survey, &source);
    let mut ignored = Vec::new();
    let screen = RwSignal::new(first_screen(
        &survey,
        &params,
        &listing.assessments,
        &mut ignored,
    ));
    let assessments = RwSignal::new(listing.assessments);

    // A reload continues what this tab had open; the list forgets it.
    Effect::new(move || {
        screen.with(|s| match s {
            Screen::Fill { assessment, .. } => {
                storage::set_open_in_this_tab(Some(&assessment.response.id))
            }
            Screen::Start => storage::set_open_in_this_tab(None),
            Screen::Shared(_) => {}
        })
    });

    let (new_survey, new_source) = (survey.clone(), source.clone());
    let on_action = Callback::new(move |action: StartAction| {
        screen.set(match action {
            StartAction::New => Screen::Fill {
                assessment: Box::new(new_assessment(&new_survey, &new_source)),
                resume: false,
            },
            StartAction::Open(assessment) if assessment.response.survey_id != new_survey.id => {
                continue_elsewhere(&assessment);
                return;
            }
            // Another tab may have answered since the list was drawn.
            StartAction::Open(assessment) => Screen::Fill {
                assessment: storage::stored_copy(&assessment.response.id)
                    .map_or(assessment, Box::new),
                resume: true,
            },
        })
    });
    // A share link pasted into this tab changes only the fragment; open it as a new page.
    let pasted = window_event_listener(leptos::ev::hashchange, |_| {
        if window()
            .location()
            .hash()
            .unwrap_or_default()
            .starts_with("#r=")
        {
            let _ = window().location().reload();
        }
    });
    on_cleanup(move || pasted.remove());
    let list_survey = survey.clone();
    let list_source = source.clone();
    let on_leave = Callback::new(move |()| {
        assessments.set(storage::list(&list_survey, &list_source).assessments);
        screen.set(Screen::Start);
    });
    let shared_source = source.clone();
    let leave_shared = Callback::new(move |()| {
        forget_share_link(&shared_source);
        on_leave.run(());
    });
    // A shared copy keeps its id unless this browser already has an assessment with it.
    let (copy_survey, copy_source) = (survey.clone(), source.clone());
    let on_save_copy = Callback::new(move |shared: Response| {
        let taken = shared.id.is_empty() || storage::is_taken(&shared.id);
        let id = if taken {
            storage::new_id()
        } else {
            shared.id.clone()
        };
        let mut assessment = new_assessment(&copy_survey, &copy_source);
        assessment.response.id.clone_from(&id);
        let copy = Response { id, ..shared };
        assessment.record(&copy, storage::now());
        // The answers now live here and the link's fragment has done its work, unless the
        // browser refused to store them: then the address keeps the link.
        if storage::save(&assessment) {
            forget_share_link(&copy_source);
        }
        screen.set(Screen::Fill {
            assessment: Box::new(assessment),
            resume: true,
        });
    });

    view! {
        <main>
        {(!listing.set_aside.is_empty()).then(|| view! { <SetAsideNotice set_aside=listing.set_aside/> })}
        {(!ignored.is_empty())
            .then(|| {
                let ignored = ignored.join(", ");
                view! {
                    <p class="notice" role="alert">{move || state.strings().link_ignored} " " {ignored.clone()}</p>
                }
            })}
        {move || match screen.get() {
            Screen::Start => {
                let list_survey = survey.clone();
                // Only the list is drawn again in another language: the import's report stays.
                view! {
                    {move || {
                        let locale = state.locale.get();
                        view! { <StartScreen assessments survey=list_survey.clone() locale on_action/> }
                    }}
                    <ImportPanel survey=survey.clone() source=source.clone() assessments/>
                }.into_any()
            }
            Screen::Shared(opened) => {
                view! { <SharedResults survey=survey.clone() opened on_save=on_save_copy on_leave=leave_shared/> }.into_any()
            }
            Screen::Fill { assessment, resume } => {
                view! { <Questionnaire survey=survey.clone() assessment=*assessment resume on_leave/> }.into_any()
            }
        }}
        </main>
    }
}
