//! The survey editor (editor.html, its own wasm): open a survey, edit it with every change
//! checked by the engine's own reader, undo and redo, and save the file to publish. The draft
//! and its history stay in this browser, so a reload loses nothing.

mod audience_field;
mod changes_list;
mod fields;
mod form;
mod preview;
mod translations_grid;
mod watch;

use crate::app::SurveyText;
use crate::download::save_json;
use crate::file_picker::{take_dropped_files, FileButton};
use crate::i18n::{FileStrings, Strings};
use crate::paint::idle;
use crate::state::{use_app_state, AppState};
use crate::storage;
use crate::survey_fetch::fetch_survey;
use changes_list::Changes;
use engine::editor::draft::{Draft, DraftProblem};
use engine::editor::edit::{Op, Path};
use engine::editor::form::form_places;
use engine::editor::form::{
    AREA, CATEGORIES, IMPORTANCE, PERFORMANCE, PROFILE, SCALE, SECTIONS, SURVEY,
};
use engine::editor::places::nearest;
use engine::survey::load::MAX_SURVEY_BYTES;
use engine::SurveyError;
use fields::field_id;
use form::{field_view, EntryList, Part, PartBody};
use leptos::prelude::*;
use leptos::task::spawn_local;
pub use preview::mount_preview;
use preview::PreviewTools;
use serde_json::Value;
use std::collections::{HashMap, HashSet};
use translations_grid::Translations;
use wasm_bindgen_futures::JsFuture;
use watch::Watchers;

/// The editor's state, Copy so that every field and handler takes it.
#[derive(Clone, Copy)]
pub struct Ed {
    pub state: AppState,
    pub draft: RwSignal<Draft>,
    /// The language whose texts the fields edit.
    pub language: RwSignal<String>,
    /// Every problem, with the place of the form where it shows.
    pub problems: Memo<Vec<(String, SurveyError)>>,
    /// The places of the draft that fields read, each notified when an edit touches it.
    places: Watchers<Path>,
    /// The form's places that show problems, each notified when its problems change.
    problem_places: Watchers<String>,
    /// The survey's structure hash when it reads, and the saved file's.
    hashes: Memo<(Option<String>, Option<String>)>,
    /// A line about the last open or save.
    notice: RwSignal<Option<String>>,
    /// Whether the draft waits for an idle moment to be written to storage.
    keeping: StoredValue<bool>,
}

impl Ed {
    /// Reads the draft at `at`, and runs the calling view again only when an edit touches that
    /// place, a place inside it or one that holds it.
    pub fn read<T>(self, at: &Path, read: impl FnOnce(Option<&Value>) -> T) -> T {
        self.places.track(at);
        self.draft.with_untracked(|d| read(at.get(d.value())))
    }

    /// The problems that show at the form's `place`; the calling view runs again when they change.
    pub fn problems_at(self, place: &str) -> Vec<SurveyError> {
        self.problem_places.track(&place.to_owned());
        self.problems.with_untracked(|all| {
            all.iter()
                .filter(|(home, _)| home == place)
                .map(|(_, error)| error.clone())
                .collect()
        })
    }

    /// Applies one action, keeps the draft, and moves focus nowhere: the field keeps it.
    pub fn act(self, ops: Vec<Op>) {
        self.act_with(move |_| ops);
    }

    /// Applies the ops that `make` builds from the draft as it is.
    pub fn act_with(self, make: impl FnOnce(&Draft) -> Vec<Op>) {
        self.change(false, make);
    }

    /// Applies what typing into a field did: more typing in the same field joins it, so undo
    /// takes back the whole word.
    pub fn type_with(self, make: impl FnOnce(&Draft) -> Vec<Op>) {
        self.change(true, make);
    }

    fn change(self, typed: bool, make: impl FnOnce(&Draft) -> Vec<Op>) {
        let mut places = Vec::new();
        self.draft.update(|d| {
            let ops = make(d);
            places = ops.iter().map(|op| op.place().clone()).collect();
            // The form builds its edits from the tree on screen, so they fit it.
            let _ = if typed {
                d.apply_typed(ops)
            } else {
                d.apply(ops)
            };
        });
        self.touched(&places);
        self.keep();
    }

    /// Runs again the views of the places that `places` change.
    fn touched(self, places: &[Path]) {
        self.places
            .notify(|read| places.iter().any(|place| place.overlaps(read)));
    }

    /// Keeps the draft in storage at the next idle moment, with every change made until then:
    /// typing changes it at every key, and writing it (2-3 ms) need not delay the key's frame.
    /// Leaving or hiding the page writes it at once (`flush`).
    fn keep(self) {
        if self.keeping.try_get_value() != Some(false) {
            return;
        }
        self.keeping.set_value(true);
        spawn_local(async move {
            idle().await;
            self.flush();
        });
    }

    /// Writes the draft to storage if a change waits for it.
    fn flush(self) {
        if self.keeping.try_get_value() == Some(true) {
            self.keep_now();
        }
    }

    /// Writes the draft to storage now.
    fn keep_now(self) {
        self.keeping.set_value(false);
        self.draft
            .with_untracked(|d| storage::save_draft(&d.to_json()));
    }

    fn undo(self) {
        let places = self.draft.with_untracked(Draft::undo_places);
        if self.draft.try_update(Draft::undo) == Some(true) {
            self.touched(&places);
            self.keep();
        }
    }

    fn redo(self) {
        let places = self.draft.with_untracked(Draft::redo_places);
        if self.draft.try_update(Draft::redo) == Some(true) {
            self.touched(&places);
            self.keep();
        }
    }

    /// Opens `value` (the file `name`) in place of the draft, after asking when the draft has
    /// unsaved changes.
    fn open(self, value: Value, name: &str) {
        let words = self.state.locale.get_untracked().editor();
        let unsaved = self.draft.with_untracked(Draft::unsaved);
        if unsaved
            && !window()
                .confirm_with_message(words.editor_replace)
                .unwrap_or(false)
        {
            return;
        }
        self.draft.set(Draft::open(value, name));
        // Another survey: every place may read differently.
        self.places.notify(|_| true);
        self.keep();
        self.notice
            .set(Some(Strings::fill(words.editor_opened, &[("name", name)])));
    }
}

/// The file's JSON tree, or why it cannot be edited (not JSON at all, or too large).
async fn read_file(file: &web_sys::File, file_words: &FileStrings) -> Result<Value, String> {
    let size = file.size() as usize;
    if size > MAX_SURVEY_BYTES {
        return Err(file_words.finding(&engine::survey::finding::Finding::TooLarge { bytes: size }));
    }
    let buffer = JsFuture::from(file.array_buffer())
        .await
        .map_err(|_| String::new())?;
    let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
    serde_json::from_slice(&bytes).map_err(|error| {
        file_words.finding(&engine::survey::finding::Finding::NotJson {
            detail: error.to_string(),
            line: error.line(),
            column: error.column(),
        })
    })
}

/// The draft kept in this browser, else the survey the page loaded; and, when the kept draft
/// cannot be read, why (it is then left as it is).
fn first_draft(loaded: String) -> (Draft, Option<DraftProblem>) {
    let fresh = || {
        let value = serde_json::from_str(&loaded).unwrap_or(Value::Null);
        Draft::open(value, "partner-experience.json")
    };
    match storage::load_draft().map(|text| Draft::from_json(&text)) {
        Some(Ok(draft)) => (draft, None),
        Some(Err(problem)) => (fresh(), Some(problem)),
        None => (fresh(), None),
    }
}

/// The survey editor's page.
#[component]
pub fn Editor() -> impl IntoView {
    let state = use_app_state();
    let loaded = use_context::<SurveyText>()
        .map(|t| t.0.get_value())
        .unwrap_or_default();
    let (draft, unreadable) = first_draft(loaded);
    let draft = RwSignal::new(draft);
    let problems = Memo::new(move |_| {
        draft.with(|d| {
            let places = form_places(d.value());
            d.check()
                .err()
                .map(|errors| {
                    errors
                        .0
                        .into_iter()
                        .map(|e| (nearest(&e.path, &places), e))
                        .collect()
                })
                .unwrap_or_default()
        })
    });
    let hashes = Memo::new(move |_| {
        draft.with(|d| {
            let hash = |v: &Value| {
                engine::survey::load::check_value(v)
                    .ok()
                    .map(|s| s.structure_hash())
            };
            (hash(d.value()), hash(d.origin()))
        })
    });
    let problem_places = Watchers::new();
    notify_problem_changes(problems, problem_places);
    let ed = Ed {
        state,
        draft,
        language: RwSignal::new(state.locale.get_untracked().code().to_owned()),
        problems,
        places: Watchers::new(),
        problem_places,
        hashes,
        keeping: StoredValue::new(false),
        notice: RwSignal::new(unreadable.map(|problem| {
            let reason = match problem {
                DraftProblem::Unreadable(detail) => crate::i18n::short(&detail),
                DraftProblem::Newer(version) => format!("format {version}"),
            };
            Strings::fill(
                state
                    .locale
                    .get_untracked()
                    .editor()
                    .editor_draft_unreadable,
                &[("reason", &reason)],
            )
        })),
    };

    // Ctrl+Z undoes, Ctrl+Shift+Z and Ctrl+Y redo, in a field too: the draft's history
    // covers typing, and the browser's own would undo behind its back.
    let keys = window_event_listener(leptos::ev::keydown, move |ev| {
        if !(ev.ctrl_key() || ev.meta_key()) {
            return;
        }
        match (ev.key().to_lowercase().as_str(), ev.shift_key()) {
            ("z", false) => ed.undo(),
            ("z", true) | ("y", false) => ed.redo(),
            _ => return,
        }
        ev.prevent_default();
    });
    // Leaving with changes that are not in a saved file asks first (the draft is kept anyway).
    let leaving = window_event_listener(leptos::ev::beforeunload, move |ev| {
        if draft.with_untracked(Draft::unsaved) {
            ev.prevent_default();
        }
    });
    // A page being left or hidden (a phone switching apps) may not see another idle moment.
    let hidden = window_event_listener(leptos::ev::pagehide, move |_| ed.flush());
    let switched = window_event_listener(leptos::ev::visibilitychange, move |_| ed.flush());
    on_cleanup(move || {
        keys.remove();
        leaving.remove();
        hidden.remove();
        switched.remove();
    });

    let words = move || state.locale.get().editor();
    view! {
        <main class="editor">
            <p><a href="dashboard.html">{move || words().editor_dashboard}</a></p>
            <h1>{move || words().editor_title}</h1>
            <p class="privacy">{move || words().editor_intro}</p>
            <p role="status" class="notice" hidden=move || ed.notice.with(Option::is_none)>
                {move || ed.notice.get()}
            </p>
            <Toolbar ed/>
            <Problems ed/>
            <Changes ed/>
            <Translations ed/>
            <PreviewTools ed/>
            <SurveyFields ed/>
            <FormRegion ed title=|w| w.editor_profile key="profile">
                <PartBody ed at=Path::default().key("profile") shape=&PROFILE/>
            </FormRegion>
            <section class="editor-areas" aria-labelledby="editor-areas-title">
                <h2 id="editor-areas-title" tabindex="-1">{move || words().editor_areas}</h2>
                <EntryList ed list=Path::default().key("areas") shape=&AREA owner=Signal::stored(String::new()) primary=true/>
            </section>
            <FormRegion ed title=|w| w.editor_sections key="sections">
                <p class="privacy">{move || words().editor_sections_intro}</p>
                <PartBody ed at=Path::default().key("sections") shape=&SECTIONS/>
            </FormRegion>
            <FormRegion ed title=|w| w.editor_categories key="categories">
                <PartBody ed at=Path::default().key("categories") shape=&CATEGORIES/>
            </FormRegion>
        </main>
    }
}

/// Notifies the form's places whose problems differ after a change, and no others.
fn notify_problem_changes(problems: Memo<Vec<(String, SurveyError)>>, places: Watchers<String>) {
    let shown = StoredValue::new(problems.get_untracked());
    Effect::watch(
        move || problems.track(),
        move |_, _, _| {
            let changed: HashSet<String> = shown.with_value(|before| {
                problems.with_untracked(|now| {
                    let (before, now) = (by_place(before), by_place(now));
                    before
                        .keys()
                        .chain(now.keys())
                        .filter(|place| before.get(*place) != now.get(*place))
                        .map(|place| (*place).to_owned())
                        .collect()
                })
            });
            shown.set_value(problems.get_untracked());
            places.notify(|place| changed.contains(place));
        },
        false,
    );
}

/// The problems grouped by the place where they show.
fn by_place(all: &[(String, SurveyError)]) -> HashMap<&str, Vec<&SurveyError>> {
    let mut grouped: HashMap<&str, Vec<&SurveyError>> = HashMap::new();
    for (place, error) in all {
        grouped.entry(place).or_default().push(error);
    }
    grouped
}

/// Open, undo and redo, the editing language, save; and the structure hash.
#[component]
fn Toolbar(ed: Ed) -> impl IntoView {
    let words = move || ed.state.locale.get().editor();
    let open_file = move |files: Vec<web_sys::File>| {
        let Some(file) = files.into_iter().next() else {
            return;
        };
        let locale = ed.state.locale.get_untracked();
        spawn_local(async move {
            let name = file.name();
            match read_file(&file, locale.file_words()).await {
                Ok(value) => ed.open(value, &name),
                Err(reason) => {
                    let template = locale.editor().editor_open_failed;
                    let text = Strings::fill(template, &[("name", &name), ("reason", &reason)]);
                    ed.notice.set(Some(text));
                }
            }
        });
    };
    // A survey file dropped anywhere on the page opens like a chosen one.
    let dragging = RwSignal::new(false);
    take_dropped_files(dragging, open_file);
    let open_shipped = move |file: &'static str| {
        spawn_local(async move {
            if let Ok((_, raw)) = fetch_survey(&format!("surveys/{file}")).await {
                if let Ok(value) = serde_json::from_str(&raw) {
                    ed.open(value, file);
                }
            }
        });
    };
    let save = move |_| {
        let count = ed.problems.with_untracked(Vec::len);
        let question = Strings::fill(
            ed.state
                .locale
                .get_untracked()
                .editor()
                .editor_save_problems,
            &[("count", &count.to_string())],
        );
        if count > 0 && !window().confirm_with_message(&question).unwrap_or(false) {
            return;
        }
        let (name, text) = ed.draft.with_untracked(|d| (file_name(d), d.file()));
        save_json(&name, &text);
        ed.draft.update(Draft::saved);
        ed.keep();
        ed.notice.set(Some(format!(
            "{} {}",
            Strings::fill(
                ed.state.locale.get_untracked().editor().editor_published,
                &[("file", &name)]
            ),
            partner_link(&name)
        )));
    };
    let hash = move || {
        let (now, saved) = ed.hashes.get();
        now.map(|now| {
            (
                Strings::fill(words().editor_structure, &[("hash", &now)]),
                saved.is_some_and(|s| s != now),
            )
        })
    };
    let new_id = move |_| {
        ed.act_with(|d| {
            let id = d
                .value()
                .get("id")
                .and_then(Value::as_str)
                .unwrap_or("survey")
                .to_owned();
            vec![Op::Put {
                at: Path::default().key("id"),
                value: Some(Value::String(d.new_id(&id))),
            }]
        });
    };
    let languages = crate::i18n::Locale::all()
        .map(|l| view! { <option value=l.code() lang=l.code()>{l.name()}</option> })
        .collect_view();
    view! {
        <section class="editor-tools" class:dragging=move || dragging.get() aria-labelledby="editor-open-title">
            <h2 id="editor-open-title">{move || words().editor_open}</h2>
            <div class="actions-row">
                <FileButton
                    id="editor-file"
                    label=Signal::derive(move || words().editor_open_file)
                    accept=".json,application/json"
                    on_files=Callback::new(open_file)
                />
                <button type="button" class="quiet" on:click=move |_| open_shipped("partner-experience.json")>
                    {move || words().editor_open_default}
                </button>
                <button type="button" class="quiet" on:click=move |_| open_shipped("extended-example.json")>
                    {move || words().editor_open_example}
                </button>
            </div>
            <p class="privacy">{move || words().editor_drop_hint}</p>
            <div class="actions-row">
                <button type="button" on:click=move |_| ed.undo() prop:disabled=move || !ed.draft.with(Draft::can_undo) aria-keyshortcuts="Control+Z">
                    {move || words().editor_undo}
                </button>
                <button type="button" on:click=move |_| ed.redo() prop:disabled=move || !ed.draft.with(Draft::can_redo) aria-keyshortcuts="Control+Shift+Z Control+Y">
                    {move || words().editor_redo}
                </button>
                <label for="editor-language">{move || words().editor_language}</label>
                <select id="editor-language" prop:value=move || ed.language.get() on:change:target=move |ev| ed.language.set(ev.target().value())>
                    {languages}
                </select>
                <button type="button" class="primary" on:click=save>{move || words().editor_save}</button>
            </div>
            <p class="status">
                {move || if ed.draft.with(Draft::unsaved) { words().editor_unsaved } else { words().editor_draft_kept }}
            </p>
            {move || hash().map(|(line, changed)| view! {
                <p class="structure"><code>{line}</code></p>
                {changed.then(|| view! {
                    <p class="notice warning">
                        {words().editor_structure_changed} " "
                        <button type="button" class="quiet" on:click=new_id>{words().editor_new_id}</button>
                    </p>
                })}
            })}
        </section>
    }
}

/// The name the survey is saved under: the file it came from, else its id.
fn file_name(draft: &Draft) -> String {
    if draft.name.ends_with(".json") {
        return draft.name.clone();
    }
    let id = draft
        .value()
        .get("id")
        .and_then(Value::as_str)
        .unwrap_or("survey");
    format!("{}.json", engine::codec::export::slug(id))
}

/// The partners' link to the survey saved as `name` in the surveys folder next to the app.
fn partner_link(name: &str) -> String {
    let location = window().location();
    let origin = location.origin().unwrap_or_default();
    let path = location.pathname().unwrap_or_default();
    let folder = &path[..path.rfind('/').map_or(0, |i| i + 1)];
    format!("{origin}{folder}?survey=surveys/{name}")
}

/// Every problem, each a link to where it shows.
#[component]
fn Problems(ed: Ed) -> impl IntoView {
    let words = move || ed.state.locale.get().editor();
    let items = move || {
        let file = ed.state.locale.get().file_words();
        ed.problems.with(|all| {
            all.iter()
                .map(|(home, error)| {
                    let target = field_id(home);
                    let place = if error.path.is_empty() { String::new() } else { format!("{}: ", error.path) };
                    let text = format!("{place}{}", file.finding(&error.finding));
                    view! {
                        <li>
                            <a href=format!("#{target}") on:click=move |ev| {
                                ev.prevent_default();
                                if let Some(field) = document().get_element_by_id(&target) {
                                    field.scroll_into_view();
                                    if let Ok(field) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(field) {
                                        let _ = field.focus();
                                    }
                                }
                            }>{text}</a>
                        </li>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <section class="editor-problems" aria-labelledby="editor-problems-title" id=field_id("") tabindex="-1">
            <h2 id="editor-problems-title" tabindex="-1">{move || words().editor_problems}</h2>
            {move || ed.problems.with(Vec::is_empty).then(|| view! { <p class="all-done">{words().editor_problems_none}</p> })}
            <ul>{items}</ul>
        </section>
    }
}

/// The survey's own fields, its scale and its rating prompts.
#[component]
fn SurveyFields(ed: Ed) -> impl IntoView {
    let words = move || ed.state.locale.get().editor();
    let root = Path::default();
    let fields = SURVEY
        .fields
        .iter()
        .map(|f| field_view(ed, &root, &SURVEY, f))
        .collect_view();
    let ratings = root.key("ratings");
    view! {
        <section class="editor-survey" aria-labelledby="editor-survey-title">
            <h2 id="editor-survey-title">{move || words().editor_survey}</h2>
            {fields}
            <Part ed at=root.key("scale") shape=&SCALE/>
            <Part ed at=ratings.key("importance") shape=&IMPORTANCE/>
            <Part ed at=ratings.key("performance") shape=&PERFORMANCE/>
            <fields::PlaceProblems ed place="ratings".to_owned()/>
        </section>
    }
}

/// A region of the form with its heading; the problems of `key` as a whole show in it.
#[component]
fn FormRegion(
    ed: Ed,
    title: fn(&'static crate::i18n::EditorStrings) -> &'static str,
    key: &'static str,
    children: Children,
) -> impl IntoView {
    let heading = format!("editor-{key}-title");
    let labelled_by = heading.clone();
    view! {
        <section class=format!("editor-{key}") aria-labelledby=labelled_by id=field_id(key) tabindex="-1">
            <h2 id=heading tabindex="-1">{move || title(ed.state.locale.get().editor())}</h2>
            {children()}
        </section>
    }
}
