//! What a loaded survey shows: the questionnaire, or for a returning visitor the list of their
//! assessments; a vendor's personal link starts a new, prefilled one.

use super::download::save_json;
use super::history;
use super::import_panel::ImportPanel;
use super::link::{
    address_with_survey, forget_link_params, link_params, new_assessment, prefilled,
    reload_on_pasted_link, survey_source, LinkIgnored,
};
use super::questionnaire::{Opening, Questionnaire};
use super::review_page::full_review;
use super::shared_results::{SharedFailure, SharedResults};
use super::start_page::{StartAction, StartScreen};
use super::state::{use_app_state, use_survey};
use super::storage::{self, SetAside};
use engine::answers::assessment::{describe_raw, Assessment};
use engine::answers::handover::{Handover, Target};
use engine::answers::questionnaire::Place;
use engine::answers::validation::validate_answers;
use engine::codec::export::slug;
use engine::codec::share_link::decode;
use engine::{Response, Survey};
use leptos::prelude::*;

#[derive(Clone)]
enum Screen {
    Start,
    /// Answers opened from a share link, or why they could not be.
    Shared(Result<Box<Response>, SharedFailure>),
    Fill {
        assessment: Box<Assessment>,
        opening: Opening,
    },
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
    if let Some(assessment) = prefilled(survey, params, ignored) {
        return Screen::Fill {
            assessment: Box::new(assessment),
            opening: Opening::Top,
        };
    }
    let source = survey_source(params);
    let open = storage::open_in_this_tab().and_then(|id| {
        saved
            .iter()
            .find(|a| a.response.id == id && a.response.survey_id == survey.id)
    });
    match open {
        Some(assessment) => Screen::Fill {
            assessment: Box::new(assessment.clone()),
            opening: Opening::Resume,
        },
        None if !saved.is_empty() => Screen::Start,
        None => Screen::Fill {
            assessment: Box::new(new_assessment(survey, &source)),
            opening: Opening::Top,
        },
    }
}

/// The screen the partner's first module handed over to; None for a page load's first screen.
fn handed_over(handover: &Handover, survey: &Survey) -> Option<Screen> {
    let assessment = handover
        .assessment
        .as_deref()
        .and_then(|json| Assessment::from_json(json, &storage::new_id(), storage::now()).ok())
        .filter(|a| a.response.survey_id == survey.id);
    match (handover.target, assessment) {
        (Target::Start, _) => None,
        (Target::List, _) => Some(Screen::Start),
        (Target::Review, Some(assessment)) => Some(Screen::Fill {
            assessment: Box::new(assessment),
            opening: Opening::Review,
        }),
        (Target::Review, None) => None,
    }
}

/// The entries this version cannot use, each with who it belonged to, why, a download of it
/// as it is, and for set-aside copies a way back (restore) or out (discard).
#[component]
fn SetAsideNotice(
    set_aside: RwSignal<Vec<SetAside>>,
    /// Rereads the list of assessments, which a restored entry joins.
    on_restored: Callback<()>,
) -> impl IntoView {
    let state = use_app_state();
    let failed = RwSignal::new(false);
    let restore = move |key: &str| {
        let restored = storage::restore_set_aside(key);
        failed.set(!restored);
        if restored {
            set_aside.update(|all| all.retain(|e| e.key != key));
            on_restored.run(());
        }
    };
    let discard = move |key: &str| {
        let strings = state.strings();
        if window()
            .confirm_with_message(strings.confirm_discard)
            .unwrap_or(false)
            && storage::discard_set_aside(key)
        {
            set_aside.update(|all| all.retain(|e| e.key != key));
        }
    };
    let item = move |entry: SetAside| {
        let who = describe_raw(&entry.raw).unwrap_or_else(|| state.strings().unnamed.to_owned());
        let name = format!("partnerlens-set-aside-{}.json", slug(&entry.key));
        let (key, raw) = (entry.key.clone(), entry.raw.clone());
        // Hidden rather than left out: one shape of item, whatever it offers.
        let (no_restore, no_discard) = (entry.problem.is_some(), entry.in_place());
        let (restore_key, discard_key) = (key.clone(), key);
        view! {
            <li>
                <strong>{who}</strong> ": " {move || state.strings().stored_problem(entry.problem.as_ref())} " "
                <button type="button" class="quiet" on:click=move |_| save_json(&name, &raw)>{move || state.strings().download_entry}</button>
                <button type="button" class="quiet" hidden=no_restore on:click=move |_| restore(&restore_key)>{move || state.strings().restore_entry}</button>
                <button type="button" class="quiet" hidden=no_discard on:click=move |_| discard(&discard_key)>{move || state.strings().discard_entry}</button>
            </li>
        }
    };
    view! {
        <div class="notice" role="alert" hidden=move || set_aside.with(Vec::is_empty)>
            <p>{move || state.strings().set_aside_intro}</p>
            <ul>{move || set_aside.get().into_iter().map(item).collect_view()}</ul>
            <p hidden=move || !failed.get()>{move || state.strings().restore_failed}</p>
        </div>
    }
}

/// The survey's screens for this browser's assessments.
#[component]
pub fn Home() -> impl IntoView {
    let state = use_app_state();
    let survey = use_survey();
    let params = link_params();
    // The page's `?survey=` value, fixed for its life: prefill parameters go, it stays.
    let source = survey_source(&params);
    let listing = storage::list(&survey, &source);
    let mut ignored = Vec::new();
    let screen = RwSignal::new(
        use_context::<Handover>()
            .and_then(|handover| handed_over(&handover, &survey))
            .unwrap_or_else(|| first_screen(&survey, &params, &listing.assessments, &mut ignored)),
    );
    let assessments = RwSignal::new(listing.assessments);
    let set_aside = RwSignal::new(listing.set_aside);

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
                opening: Opening::Top,
            },
            StartAction::Open(assessment) if assessment.response.survey_id != new_survey.id => {
                continue_elsewhere(&assessment);
                return;
            }
            // Another tab may have answered since the list was drawn.
            StartAction::Open(assessment) => Screen::Fill {
                assessment: storage::stored_copy(&assessment.response.id)
                    .map_or(assessment, Box::new),
                opening: Opening::Resume,
            },
        })
    });
    reload_on_pasted_link();
    let list_survey = survey.clone();
    let list_source = source.clone();
    let on_leave = Callback::new(move |()| {
        assessments.set(storage::list(&list_survey, &list_source).assessments);
        screen.set(Screen::Start);
    });
    // The list gets an entry in the browser's history when the partner goes to it; a page
    // load or a hand-over that lands there names the entry it arrived at, or adds one after
    // the first module's pages.
    if matches!(screen.get_untracked(), Screen::Start) {
        match history::current() {
            None | Some(Place::List) => history::replace(&Place::List),
            Some(_) => history::push(&Place::List),
        }
    }
    let to_list = Callback::new(move |()| {
        history::push(&Place::List);
        on_leave.run(());
    });
    // Back to the list, or Forward from it into an assessment, at the page it was on.
    let survey_id = survey.id.clone();
    history::on_pop(move |reached| match reached {
        Some(Place::List) if screen.with_untracked(|s| matches!(s, Screen::Fill { .. })) => {
            on_leave.run(());
        }
        Some(Place::Page {
            assessment: id,
            page,
        }) => {
            let open = screen.with_untracked(|s| match s {
                Screen::Fill { assessment, .. } => assessment.response.id == id,
                _ => false,
            });
            let stored = storage::stored_copy(&id).filter(|a| a.response.survey_id == survey_id);
            if let (false, Some(assessment)) = (open, stored) {
                screen.set(Screen::Fill {
                    assessment: Box::new(assessment),
                    opening: Opening::At(page),
                });
            }
        }
        _ => {}
    });
    let shared_source = source.clone();
    let leave_shared = Callback::new(move |()| {
        forget_link_params(&shared_source);
        to_list.run(());
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
            forget_link_params(&copy_source);
        }
        screen.set(Screen::Fill {
            assessment: Box::new(assessment),
            opening: Opening::Resume,
        });
    });

    view! {
        <main>
        <SetAsideNotice set_aside on_restored=on_leave/>
        <LinkIgnored ignored/>
        {move || match screen.get() {
            Screen::Start => {
                // Only the list is drawn again in another language: the import's report stays.
                view! {
                    {move || {
                        // The list reads the language itself: this draws it again on a change.
                        state.locale.track();
                        view! { <StartScreen assessments on_action/> }
                    }}
                    <ImportPanel source=source.clone() assessments/>
                }.into_any()
            }
            Screen::Shared(opened) => {
                view! { <SharedResults opened on_save=on_save_copy on_leave=leave_shared/> }.into_any()
            }
            Screen::Fill { assessment, opening } => {
                view! { <Questionnaire assessment=*assessment opening on_leave=to_list review=full_review/> }.into_any()
            }
        }}
        </main>
    }
}
