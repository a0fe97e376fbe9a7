//! The vendor's dashboard (dashboard.html): data sets of many partners' responses, kept in
//! this browser's IndexedDB, compared by region, type, tier, side and wave, and ranked by the
//! five Cs. Every number comes from the engine; nothing is uploaded.

mod alignment_view;
mod arrows;
mod db;
mod filters;
mod loading;
mod portfolio_view;
mod ranking_view;
mod segments_view;
mod summary_view;
mod verdict_view;
mod views;
mod waves_view;

use super::charts::DrawAtOnce;
use super::file_picker::FilePicker;
use super::history;
use super::i18n::{short, DashStrings, Locale, Strings};
use super::shared_results::SharedFailure;
use super::state::{use_app_state, use_survey};
use super::storage;
use crate::paint::{after_paint, yield_to_browser};
use engine::codec::dataset::{
    add_responses, answers_to_json, entry_response, stored_entries, Added, DataSetInfo,
    EntryProblem, StoredSetProblem,
};
use engine::codec::entries::{FileProblem, MAX_DATASET_FILE_BYTES};
use engine::scoring::aggregate::{CrosshairMode, Filter, GroupBy};
use engine::scoring::model::{Row, ScoringModel};
use engine::survey::text::printable;
use engine::{Response, Survey};
use leptos::prelude::*;
use leptos::task::spawn_local;
use loading::{mark, read_links, read_saved, read_text, FileRead, Refused, Source, Why};
use ranking_view::Ranking;
use std::sync::Arc;
use views::Analysis;
use wasm_bindgen_futures::JsFuture;

/// The open data set: its description, responses and their scoring rows, index for index.
#[derive(Clone)]
pub struct Loaded {
    pub info: DataSetInfo,
    pub responses: Arc<Vec<Response>>,
    pub rows: Arc<Vec<Row>>,
    /// Stored responses that no longer read: the set is then not written again, so that they
    /// are never lost by an addition.
    pub unreadable: usize,
}

/// What went wrong, for the alert at the top.
#[derive(Clone, Debug, PartialEq)]
enum Problem {
    /// The browser's database refused, with its reason.
    Database(String),
    /// The open set holds this many stored responses that no longer read.
    Damaged(usize),
    /// Other tabs kept writing the set, so this addition was not stored.
    Busy,
    /// The set's stored answers do not read.
    Stored(StoredSetProblem),
    /// Another tab deleted the set while this one was adding to it.
    DeletedElsewhere,
}

/// What the last addition did, for its one-line report and the list of what was refused.
#[derive(Clone, Debug, Default, PartialEq)]
struct AddReport {
    added: usize,
    duplicates: usize,
    other_survey: usize,
    refused: Vec<Refused>,
}

/// Refusals listed under the report; the rest are counted.
const REFUSALS_SHOWN: usize = 20;

/// One refusal in words: the file (and entry) or link or saved assessment, and why.
/// " (adjusted p = 0.012)", or " (adjusted p < 0.001)": beside a finding that holds up.
fn adjusted_p(locale: Locale, test: Option<engine::scoring::significance::Tested>) -> String {
    test.map(|t| {
        let relation = p_relation(locale, t.adjusted);
        format!(
            " ({})",
            Strings::fill(locale.dash().dash_adjusted_p, &[("p", &relation)])
        )
    })
    .unwrap_or_default()
}

/// "= 0.012", or "< 0.001": a p-value as it follows its "p".
fn p_relation(locale: Locale, p: f64) -> String {
    if p < 0.001 {
        locale.p_value(p)
    } else {
        format!("= {}", locale.p_value(p))
    }
}

fn refusal_text(locale: Locale, words: &DashStrings, refused: &Refused) -> String {
    let strings = locale.strings();
    let mut place = match &refused.source {
        Source::File(name) => name.clone(),
        Source::Link(n) => Strings::fill(words.dash_link_n, &[("n", &n.to_string())]),
        Source::Saved(who) if who.is_empty() => strings.unnamed.to_owned(),
        Source::Saved(who) => who.clone(),
    };
    if let Some(n) = refused.entry {
        place = Strings::fill(
            words.dash_entry_n,
            &[("place", &place), ("n", &n.to_string())],
        );
    }
    let why = match &refused.why {
        Why::File(problem) | Why::Entry(EntryProblem::File(problem)) => {
            strings.file_problem(locale, problem)
        }
        Why::Entry(EntryProblem::Empty) => words.dash_entry_empty.to_owned(),
        Why::Entry(EntryProblem::NotResponse(detail)) => {
            format!("{} ({})", words.dash_not_answers, short(detail))
        }
        Why::Link(problem) => SharedFailure::Link(problem.clone()).message(strings),
        Why::Stored(problem) => strings.stored_problem(problem.as_ref()),
        Why::Invalid(problem) => strings.answer_problem(problem),
    };
    format!("{}: {why}", printable(&place))
}

/// The views of an open data set.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum View {
    Results,
    Alignment,
    Waves,
    Portfolio,
    Summary,
}

impl View {
    const ALL: [View; 5] = [
        View::Results,
        View::Alignment,
        View::Waves,
        View::Portfolio,
        View::Summary,
    ];

    /// The view's address within the dashboard ("#alignment"); the results are the page itself.
    fn hash(self) -> &'static str {
        match self {
            View::Results => "",
            View::Alignment => "#alignment",
            View::Waves => "#waves",
            View::Portfolio => "#portfolio",
            View::Summary => "#summary",
        }
    }

    /// The view the page's address names; the results for any other.
    fn addressed() -> View {
        let hash = window().location().hash().unwrap_or_default();
        View::ALL
            .into_iter()
            .find(|view| !hash.is_empty() && view.hash() == hash)
            .unwrap_or(View::Results)
    }
}

/// The partner whose results the page's address names ("#partner=p-17"), if any.
fn addressed_partner() -> Option<String> {
    let hash = window().location().hash().ok()?;
    let id = hash.strip_prefix("#partner=")?;
    js_sys::decode_uri_component(id).ok()?.as_string()
}

/// The open set's response with this id.
pub(super) fn response_of(dash: Dash, id: &str) -> Option<Response> {
    dash.current.with_untracked(|c| {
        c.as_ref()
            .and_then(|c| c.responses.iter().find(|r| r.id == id).cloned())
    })
}

/// Gives each view, and each partner's results, its own address: choosing one adds an entry
/// to the browser's history, and Back, Forward, a reload or an opened address show what it
/// names.
fn follow_address(dash: Dash) {
    let from_history = StoredValue::new(false);
    let place = move || {
        dash.opened.with(|opened| match opened {
            Some(response) => format!(
                "#partner={}",
                String::from(js_sys::encode_uri_component(&response.id))
            ),
            None => dash.view.get().hash().to_owned(),
        })
    };
    Effect::watch(
        place,
        move |place, _, _| {
            if !std::mem::take(&mut *from_history.write_value()) {
                history::push_address(place);
            }
        },
        false,
    );
    let show_addressed = move || {
        let opened = addressed_partner().and_then(|id| response_of(dash, &id));
        let view = View::addressed();
        let id = opened.as_ref().map(|r| r.id.as_str());
        let same = dash.view.get_untracked() == view
            && dash
                .opened
                .with_untracked(|o| o.as_ref().map(|r| r.id.as_str()) == id);
        if !same {
            from_history.set_value(true);
            dash.opened.set(opened);
            dash.view.set(view);
        }
    };
    history::on_pop(move |_| show_addressed());
    // A reload on a partner's results opens them again once the set is read.
    Effect::watch(
        move || dash.current.with(Option::is_some),
        move |open, _, _| {
            if *open && dash.opened.with_untracked(Option::is_none) && addressed_partner().is_some()
            {
                show_addressed();
            }
        },
        false,
    );
}

/// The two waves compared, kept across languages. Empty choices take the defaults: the
/// open set's last two waves.
#[derive(Clone, Copy)]
pub struct WavePick {
    /// The data set the earlier wave comes from; empty for the open one.
    pub earlier_set: RwSignal<String>,
    pub earlier: RwSignal<String>,
    pub later: RwSignal<String>,
    /// The other data set, once read.
    pub other: RwSignal<Option<Loaded>>,
    pub loading: RwSignal<bool>,
}

impl WavePick {
    fn new() -> WavePick {
        WavePick {
            earlier_set: RwSignal::new(String::new()),
            earlier: RwSignal::new(String::new()),
            later: RwSignal::new(String::new()),
            other: RwSignal::new(None),
            loading: RwSignal::new(false),
        }
    }

    /// Another open set's waves are not this one's.
    fn reset(&self) {
        self.earlier_set.set(String::new());
        self.earlier.set(String::new());
        self.later.set(String::new());
        self.other.set(None);
        self.loading.set(false);
    }

    /// Reads another data set for the earlier wave; the empty id goes back to the open one.
    pub fn pick_set(self, dash: Dash, survey: Arc<Survey>, id: String) {
        self.earlier_set.set(id.clone());
        self.earlier.set(String::new());
        self.other.set(None);
        let Some(info) = dash
            .sets
            .with_untracked(|sets| sets.iter().find(|s| s.id == id).cloned())
        else {
            return;
        };
        self.loading.set(true);
        spawn_local(async move {
            let read = read_set(&survey, info, |_, _| {}).await;
            // The user may have picked another set meanwhile: that one's read decides.
            if self.earlier_set.get_untracked() != id {
                return;
            }
            self.loading.set(false);
            match read {
                Ok(loaded) => self.other.set(Some(loaded)),
                Err(problem) => {
                    self.earlier_set.set(String::new());
                    dash.problem.set(Some(problem));
                }
            }
        });
    }
}

/// Everything the dashboard's views share. Copy, and owned by `Dashboard`, so that a new
/// language, which draws the views again, keeps every choice.
#[derive(Clone, Copy)]
pub struct Dash {
    pub sets: RwSignal<Vec<DataSetInfo>>,
    pub current: RwSignal<Option<Loaded>>,
    /// (entries read, entries in all), while reading.
    reading: RwSignal<Option<(usize, usize)>>,
    /// An addition is under way: the next waits, so that neither overwrites the other.
    busy: RwSignal<bool>,
    added: RwSignal<Option<AddReport>>,
    problem: RwSignal<Option<Problem>>,
    pub filter: RwSignal<Filter>,
    pub by: RwSignal<Option<GroupBy>>,
    pub mode: RwSignal<CrosshairMode>,
    pub diagonal: RwSignal<bool>,
    /// The gap chart draws each element's 95 % intervals as error bars.
    pub intervals: RwSignal<bool>,
    /// The gap chart plots derived against stated importance instead.
    pub drivers_chart: RwSignal<bool>,
    /// What-if weights of the five Cs for the ranking; None for the survey's.
    pub weights: RwSignal<Option<Vec<f64>>>,
    /// The segments picked for the comparison; empty picks every segment.
    pub segments: RwSignal<Vec<String>>,
    pub ranking: Ranking,
    /// Which view of the open set is shown.
    pub view: RwSignal<View>,
    pub waves: WavePick,
    /// A partner's results, opened from the ranking.
    pub opened: RwSignal<Option<Response>>,
}

impl Dash {
    /// No set open: the next addition starts a new one, with nothing chosen for the last.
    fn close_set(self) {
        self.waves.reset();
        self.current.set(None);
    }

    fn new() -> Dash {
        Dash {
            sets: RwSignal::new(Vec::new()),
            current: RwSignal::new(None),
            reading: RwSignal::new(None),
            busy: RwSignal::new(false),
            added: RwSignal::new(None),
            problem: RwSignal::new(None),
            filter: RwSignal::new(Filter::default()),
            by: RwSignal::new(Some(GroupBy::Region)),
            mode: RwSignal::new(CrosshairMode::DataCentred),
            diagonal: RwSignal::new(false),
            intervals: RwSignal::new(false),
            drivers_chart: RwSignal::new(false),
            weights: RwSignal::new(None),
            segments: RwSignal::new(Vec::new()),
            ranking: Ranking::new(),
            view: RwSignal::new(View::addressed()),
            waves: WavePick::new(),
            opened: RwSignal::new(None),
        }
    }
}

/// Scoring rows of responses, built a chunk at a time.
async fn rows_of(survey: &Survey, responses: &[Response]) -> Vec<Row> {
    let model = ScoringModel::new(survey);
    let mut rows = Vec::with_capacity(responses.len());
    for chunk in responses.chunks(1000) {
        rows.extend(chunk.iter().map(|r| model.row(r)));
        yield_to_browser().await;
    }
    rows
}

/// Reads the stored answers of a data set, a chunk at a time, reporting (read, all).
async fn read_set(
    survey: &Survey,
    info: DataSetInfo,
    progress: impl Fn(usize, usize),
) -> Result<Loaded, Problem> {
    let text = db::answers(&info.id)
        .await
        .map_err(Problem::Database)?
        .unwrap_or_default();
    // A set whose answers were never stored (its first addition failed) is empty.
    let entries = match stored_entries(&text) {
        Ok(entries) => entries,
        Err(_) if text.is_empty() => Vec::new(),
        Err(problem) => return Err(Problem::Stored(problem)),
    };
    let total = entries.len();
    let mut responses = Vec::with_capacity(total);
    for (chunk, part) in entries.chunks(500).enumerate() {
        responses.extend(part.iter().filter_map(|e| entry_response(e.get()).ok()));
        progress((chunk * 500 + part.len()).min(total), total);
        yield_to_browser().await;
    }
    let unreadable = total - responses.len();
    let rows = rows_of(survey, &responses).await;
    Ok(Loaded {
        info,
        responses: Arc::new(responses),
        rows: Arc::new(rows),
        unreadable,
    })
}

/// Reads a data set and opens it.
async fn open_set(dash: Dash, survey: Arc<Survey>, info: DataSetInfo) {
    let loaded = read_set(&survey, info, |done, total| {
        dash.reading.set(Some((done, total)))
    })
    .await;
    dash.reading.set(None);
    let loaded = match loaded {
        Ok(loaded) => loaded,
        Err(problem) => return dash.problem.set(Some(problem)),
    };
    if loaded.unreadable > 0 {
        dash.problem.set(Some(Problem::Damaged(loaded.unreadable)));
    }
    // Another set's filters and choices would silently apply to this one.
    dash.filter.set(Default::default());
    dash.segments.set(Vec::new());
    dash.ranking.category.set(String::new());
    dash.ranking.page.set(0);
    dash.waves.reset();
    dash.current.set(Some(loaded));
}

/// Adds what was read to the open data set (a new one when none is open), stores it, and
/// reports what happened. When another tab stored the set since this one read it, the set
/// is read again and the responses added to that, so that neither tab's additions are lost.
async fn add(dash: Dash, survey: Arc<Survey>, read: FileRead, default_name: String) {
    let damaged = dash
        .current
        .with_untracked(|c| c.as_ref().map_or(0, |c| c.unreadable));
    if damaged > 0 {
        dash.problem.set(Some(Problem::Damaged(damaged)));
        return;
    }
    let FileRead {
        responses: incoming,
        origins,
        mut refused,
    } = read;
    let mut report = None;
    for _ in 0..ATTEMPTS {
        let now = storage::now();
        let (mut next, mut responses, mut rows) = match dash.current.get_untracked() {
            Some(loaded) => (
                loaded.info,
                (*loaded.responses).clone(),
                (*loaded.rows).clone(),
            ),
            None => (
                DataSetInfo::new(storage::new_id(), default_name.clone(), &survey, now),
                Vec::new(),
                Vec::new(),
            ),
        };
        let before = responses.len();
        let added = add_responses(&mut responses, &survey, incoming.clone());
        // Nothing new: no set is created and none is written.
        if added.added == 0 {
            report = Some(report_of(added, &origins, std::mem::take(&mut refused)));
            break;
        }
        rows.extend(rows_of(&survey, &responses[before..]).await);
        mark("dashboard-rows");
        next.responses = responses.len();
        next.updated_at = now;
        next.revision += 1;
        let responses = Arc::new(responses);
        // The views first, then the storing: the user sees the set before it is written away.
        // `make bench` times the views from here: aggregate, chart and the first ranking page.
        mark("dashboard-data");
        dash.current.set(Some(Loaded {
            info: next.clone(),
            responses: responses.clone(),
            rows: Arc::new(rows),
            unreadable: 0,
        }));
        after_paint().await;
        mark("dashboard-storing");
        let stored = db::save_answers(&next, &answers_to_json(&responses)).await;
        mark("dashboard-stored");
        match stored {
            Ok(true) => {
                report = Some(report_of(added, &origins, std::mem::take(&mut refused)));
                break;
            }
            // Another tab wrote the set meanwhile: read its copy, then add to that.
            Ok(false) => match reread(&survey, &next.id).await {
                Ok(loaded) => dash.current.set(Some(loaded)),
                Err(problem) => return dash.problem.set(Some(problem)),
            },
            Err(reason) => return dash.problem.set(Some(Problem::Database(reason))),
        }
    }
    let Some(report) = report else {
        return dash.problem.set(Some(Problem::Busy));
    };
    // Reported once stored: "added" means it survives a reload.
    dash.added.set(Some(report));
    refresh_sets(dash).await;
}

/// What an addition did: its counts, and every refusal named by where it came from.
fn report_of(
    added: Added,
    origins: &[(Source, Option<usize>)],
    mut refused: Vec<Refused>,
) -> AddReport {
    refused.extend(added.invalid.into_iter().filter_map(|(position, why)| {
        let (source, entry) = origins.get(position)?.clone();
        Some(Refused {
            source,
            entry,
            why: Why::Invalid(why),
        })
    }));
    AddReport {
        added: added.added,
        duplicates: added.duplicates,
        other_survey: added.other_survey,
        refused,
    }
}

/// Tries at adding while other tabs keep writing the same set.
const ATTEMPTS: usize = 5;

/// The stored copy of a data set, as another tab left it.
async fn reread(survey: &Survey, id: &str) -> Result<Loaded, Problem> {
    let info = db::list()
        .await
        .map_err(Problem::Database)?
        .into_iter()
        .find(|set| set.id == id)
        .ok_or(Problem::DeletedElsewhere)?;
    read_set(survey, info, |_, _| {}).await
}

async fn refresh_sets(dash: Dash) {
    match db::list().await {
        Ok(sets) => dash.sets.set(sets),
        Err(reason) => dash.problem.set(Some(Problem::Database(reason))),
    }
}

/// The name and text of every chosen file, one after the other. A file over the limit is
/// refused before it is read, and one the browser cannot read says so.
async fn file_texts(files: Vec<web_sys::File>) -> Vec<(String, Result<String, FileProblem>)> {
    let mut texts = Vec::with_capacity(files.len());
    for file in files {
        let size = file.size() as usize;
        let text = if size > MAX_DATASET_FILE_BYTES {
            Err(FileProblem::TooLarge(size, MAX_DATASET_FILE_BYTES))
        } else {
            JsFuture::from(file.text())
                .await
                .ok()
                .and_then(|t| t.as_string())
                .ok_or(FileProblem::Unreadable)
        };
        texts.push((file.name(), text));
    }
    texts
}

/// Runs one addition at a time: one that starts while another runs would read the set
/// before the other's responses are in, and its save would drop them.
async fn add_alone(dash: Dash, survey: Arc<Survey>, read: FileRead, default_name: String) {
    add(dash, survey, read, default_name).await;
    dash.busy.set(false);
}

/// The dashboard: data sets, adding responses, and the views over the open set.
#[component]
pub fn Dashboard() -> impl IntoView {
    let state = use_app_state();
    let survey = use_survey();
    // Each view is there for its chart: drawn at once, not when scrolled near.
    provide_context(DrawAtOnce);
    let dash = Dash::new();
    follow_address(dash);
    spawn_local(async move {
        refresh_sets(dash).await;
        let first = dash
            .sets
            .get_untracked()
            .into_iter()
            .find(|s| s.survey_id == survey.id);
        if let Some(info) = first {
            open_set(dash, survey, info).await;
        }
    });
    // The views are built when a set opens, not again on every addition or rename.
    let open = Memo::new(move |_| dash.current.with(Option::is_some));
    move || {
        let locale = state.locale.get();
        let words = locale.dash();
        if let Some(response) = dash.opened.get() {
            return views::partner_results(dash, locale, response).into_any();
        }
        view! {
            <main class="dashboard">
                <p class="page-links"><a href=back_address()>{words.dash_back}</a> <a href="editor.html">{words.dash_editor}</a></p>
                <h1>{words.dash_title}</h1>
                <p class="privacy">{words.dash_intro}</p>
                {move || dash.problem.get().map(|problem| {
                    let text = match problem {
                        Problem::Database(reason) => Strings::fill(words.dash_db_failed, &[("reason", &reason)]),
                        Problem::Damaged(count) => Strings::fill(words.dash_set_damaged, &[("count", &count.to_string())]),
                        Problem::Busy => words.dash_busy.to_owned(),
                        Problem::Stored(StoredSetProblem::Damaged(detail)) => Strings::fill(words.dash_stored_damaged, &[("detail", &short(&detail))]),
                        Problem::Stored(StoredSetProblem::Newer(format)) => Strings::fill(words.dash_stored_newer, &[("version", &format.to_string())]),
                        Problem::Stored(StoredSetProblem::TooManyEntries(limit)) => locale.strings().file_problem(locale, &FileProblem::TooManyEntries(limit)),
                        Problem::DeletedElsewhere => words.dash_set_deleted.to_owned(),
                    };
                    view! { <p class="notice error" role="alert">{text}</p> }
                })}
                <DataSets dash/>
                <AddResponses dash/>
                {move || open.get().then(|| view! { <Analysis dash/> })}
            </main>
        }
        .into_any()
    }
}

/// The assessments page of this survey (`?survey=` kept).
fn back_address() -> String {
    format!("./{}", window().location().search().unwrap_or_default())
}

/// The data sets kept in this browser: pick, create, rename, delete.
#[component]
fn DataSets(dash: Dash) -> impl IntoView {
    let survey = use_survey();
    let words = use_app_state().locale.get_untracked().dash();
    let name = RwSignal::new(String::new());
    Effect::new(move || {
        name.set(
            dash.current
                .with(|c| c.as_ref().map(|c| c.info.name.clone()).unwrap_or_default()),
        );
    });
    let open_survey = StoredValue::new(survey.clone());
    let pick = move |id: String| {
        dash.added.set(None);
        // The empty choice is "New data set": the next addition starts one.
        if id.is_empty() {
            dash.close_set();
            return;
        }
        let Some(info) = dash
            .sets
            .with_untracked(|sets| sets.iter().find(|s| s.id == id).cloned())
        else {
            return;
        };
        spawn_local(open_set(dash, open_survey.get_value(), info));
    };
    let rename = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(mut loaded) = dash.current.get_untracked() else {
            return;
        };
        let new_name = name.get_untracked().trim().to_owned();
        if new_name.is_empty() {
            return;
        }
        loaded.info.name.clone_from(&new_name);
        let id = loaded.info.id.clone();
        dash.current.set(Some(loaded));
        spawn_local(async move {
            if let Err(reason) = db::rename(&id, &new_name).await {
                dash.problem.set(Some(Problem::Database(reason)));
            }
            refresh_sets(dash).await;
        });
    };
    let remove = move |_| {
        let Some(loaded) = dash.current.get_untracked() else {
            return;
        };
        let question = Strings::fill(
            words.dash_confirm_delete,
            &[
                ("name", &loaded.info.name),
                ("count", &loaded.info.responses.to_string()),
            ],
        );
        if !window().confirm_with_message(&question).unwrap_or(false) {
            return;
        }
        spawn_local(async move {
            if let Err(reason) = db::delete(&loaded.info.id).await {
                dash.problem.set(Some(Problem::Database(reason)));
            }
            dash.close_set();
            dash.added.set(None);
            refresh_sets(dash).await;
        });
    };
    let start_new = move |_| {
        dash.close_set();
        dash.added.set(None);
    };
    let survey_id = survey.id.clone();
    view! {
        <section class="data-sets" aria-labelledby="data-sets-title">
            <h2 id="data-sets-title">{words.dash_sets}</h2>
            {move || {
                let sets: Vec<DataSetInfo> = dash.sets.get().into_iter().filter(|s| s.survey_id == survey_id).collect();
                if sets.is_empty() {
                    return view! { <p>{words.dash_no_sets}</p> }.into_any();
                }
                let current = dash.current.with(|c| c.as_ref().map(|c| c.info.id.clone()).unwrap_or_default());
                view! {
                    <p class="pick-set">
                        <label for="data-set">{words.dash_set}</label>
                        <select id="data-set" on:change:target=move |ev| pick(ev.target().value())>
                            <option value="" selected=current.is_empty()>{words.dash_new_set}</option>
                            {sets.into_iter().map(|set| {
                                let label = format!("{} ({})", set.name, Strings::fill(words.dash_responses, &[("count", &set.responses.to_string())]));
                                let selected = set.id == current;
                                view! { <option value=set.id selected=selected>{label}</option> }
                            }).collect_view()}
                        </select>
                        <button type="button" class="quiet" on:click=start_new>{words.dash_new_set}</button>
                    </p>
                }.into_any()
            }}
            <form class="rename" hidden=move || dash.current.with(Option::is_none) on:submit=rename>
                <label for="set-name">{words.dash_set_name}</label>
                <input id="set-name" type="text" required prop:value=move || name.get() on:input:target=move |ev| name.set(ev.target().value())/>
                <button type="submit">{words.dash_rename}</button>
                <button type="button" class="quiet" on:click=remove>{words.dash_delete_set}</button>
            </form>
        </section>
    }
}

/// Adding responses: files (exports, or arrays of responses), share links, this browser's
/// own assessments.
#[component]
fn AddResponses(dash: Dash) -> impl IntoView {
    let state = use_app_state();
    let survey = use_survey();
    let words = state.locale.get_untracked().dash();
    let links = RwSignal::new(String::new());
    let default_name = move || {
        let taken = dash.sets.with_untracked(Vec::len);
        Strings::fill(words.dash_default_name, &[("n", &(taken + 1).to_string())])
    };
    let file_survey = survey.clone();
    let on_files = move |files: Vec<web_sys::File>| {
        if files.is_empty() {
            return;
        }
        if dash.busy.get_untracked() {
            return;
        }
        dash.busy.set(true);
        let survey = file_survey.clone();
        dash.added.set(None);
        dash.reading.set(Some((0, 0)));
        spawn_local(async move {
            mark("dashboard-files");
            let mut all = FileRead::default();
            for (name, text) in file_texts(files).await {
                let progress = |done, total| dash.reading.set(Some((done, total)));
                match text {
                    Ok(text) => read_text(&mut all, name, &text, progress).await,
                    Err(problem) => all.refused.push(Refused {
                        source: Source::File(name),
                        entry: None,
                        why: Why::File(problem),
                    }),
                }
            }
            mark("dashboard-parsed");
            add_alone(dash, survey, all, default_name()).await;
            dash.reading.set(None);
        });
    };
    let link_survey = survey.clone();
    let add_links = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if dash.busy.get_untracked() {
            return;
        }
        dash.busy.set(true);
        let read = read_links(&links.get_untracked());
        links.set(String::new());
        spawn_local(add_alone(dash, link_survey.clone(), read, default_name()));
    };
    let saved_survey = survey.clone();
    let add_saved = move |_| {
        if dash.busy.get_untracked() {
            return;
        }
        dash.busy.set(true);
        let read = read_saved(storage::list(&saved_survey, ""));
        spawn_local(add_alone(dash, saved_survey.clone(), read, default_name()));
    };
    view! {
        <section class="add-responses" aria-labelledby="add-title">
            <h2 id="add-title">{words.dash_add_title}</h2>
            <FilePicker id="dash-files" label=Signal::stored(words.dash_add_files) busy=dash.busy.into() on_files=Callback::new(on_files)/>
            <form class="links" on:submit=add_links>
                <label for="dash-links">{words.dash_links_label}</label>
                <textarea id="dash-links" rows="3" prop:value=move || links.get() on:input:target=move |ev| links.set(ev.target().value())></textarea>
                <button type="submit" prop:disabled=move || dash.busy.get()>{words.dash_add_links}</button>
            </form>
            <p>
                <button type="button" class="quiet" prop:disabled=move || dash.busy.get() on:click=add_saved>{words.dash_add_saved}</button>
            </p>
            <div role="status">
                {move || dash.reading.get().map(|(done, total)| view! {
                    <label>
                        {Strings::fill(words.dash_reading, &[("done", &done.to_string()), ("total", &total.to_string())])}
                        " "
                        <progress max=total.max(1) value=done></progress>
                    </label>
                })}
                {move || dash.added.get().map(|a| {
                    let locale = state.locale.get();
                    let summary = Strings::fill(words.dash_added, &[
                        ("added", &a.added.to_string()),
                        ("duplicates", &a.duplicates.to_string()),
                        ("other", &a.other_survey.to_string()),
                        ("refused", &a.refused.len().to_string()),
                    ]);
                    let more = a.refused.len().saturating_sub(REFUSALS_SHOWN);
                    view! {
                        <p>{summary}</p>
                        {(!a.refused.is_empty()).then(|| view! {
                            <ul class="refusals">
                                {a.refused.iter().take(REFUSALS_SHOWN).map(|r| view! { <li>{refusal_text(locale, words, r)}</li> }).collect_view()}
                                {(more > 0).then(|| view! { <li>{Strings::fill(words.dash_refused_more, &[("count", &more.to_string())])}</li> })}
                            </ul>
                        })}
                    }
                })}
            </div>
        </section>
    }
}
