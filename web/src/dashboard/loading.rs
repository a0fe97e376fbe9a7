//! Reading responses into a data set a chunk at a time, yielding to the browser between
//! chunks so that the page stays responsive and the progress bar moves.

use crate::paint::yield_to_browser;
use crate::storage::Listing;
use engine::answers::assessment::{describe_raw, StoredProblem};
use engine::answers::validation::AnswerProblem;
use engine::codec::dataset::{entry_response, EntryProblem};
use engine::codec::entries::split_entries;
use engine::codec::entries::FileProblem;
use engine::codec::share_link::{decode, ShareProblem};
use engine::Response;
use leptos::prelude::*;

/// Entries read between two yields: about 20 ms of work on a mid-range laptop.
const CHUNK: usize = 250;

/// A named moment for `make bench` (the Performance timeline; it costs nothing otherwise).
pub fn mark(name: &str) {
    if let Some(performance) = window().performance() {
        let _ = performance.mark(name);
    }
}

/// Where a refused entry came from.
#[derive(Clone, Debug, PartialEq)]
pub enum Source {
    /// A file, by its name.
    File(String),
    /// The n-th pasted share link, from 1.
    Link(usize),
    /// One of this browser's saved assessments, by whose it is.
    Saved(String),
}

/// Why something was not added.
#[derive(Clone, Debug, PartialEq)]
pub enum Why {
    /// The whole file could not be read.
    File(FileProblem),
    /// One entry could not be read or used.
    Entry(EntryProblem),
    /// A share link that does not open.
    Link(ShareProblem),
    /// A saved entry this version cannot use, or a set-aside copy to restore first.
    Stored(Option<StoredProblem>),
    /// Answers the survey cannot take.
    Invalid(AnswerProblem),
}

/// One refusal: where, which entry of a file of many (from 1), and why.
#[derive(Clone, Debug, PartialEq)]
pub struct Refused {
    pub source: Source,
    pub entry: Option<usize>,
    pub why: Why,
}

/// What files, links or saved assessments held: their responses, where each came from (so
/// that a response refused later is named), and what could not be read.
#[derive(Default)]
pub struct FileRead {
    pub responses: Vec<Response>,
    /// Per response: its source and its entry number in that source.
    pub origins: Vec<(Source, Option<usize>)>,
    pub refused: Vec<Refused>,
}

impl FileRead {
    fn push(&mut self, response: Response, source: Source, entry: Option<usize>) {
        self.responses.push(response);
        self.origins.push((source, entry));
    }

    fn refuse(&mut self, source: Source, entry: Option<usize>, why: Why) {
        self.refused.push(Refused { source, entry, why });
    }
}

/// Reads a file's text into `read`: one entry or an array of them, each an export or a bare
/// response. `progress` hears (entries read, entries in the file) after every chunk.
pub async fn read_text(
    read: &mut FileRead,
    name: String,
    text: &str,
    progress: impl Fn(usize, usize),
) {
    let entries = match split_entries(text) {
        Ok(entries) => entries,
        Err(problem) => return read.refuse(Source::File(name), None, Why::File(problem)),
    };
    mark("dashboard-split");
    let total = entries.len();
    // Entries are numbered only in a file of many.
    let number = |index: usize| (total > 1).then_some(index + 1);
    for (chunk, entries) in entries.chunks(CHUNK).enumerate() {
        for (offset, entry) in entries.iter().enumerate() {
            let index = chunk * CHUNK + offset;
            let source = Source::File(name.clone());
            match entry_response(entry.get()) {
                Ok(response) => read.push(response, source, number(index)),
                Err(why) => read.refuse(source, number(index), Why::Entry(why)),
            }
        }
        progress((chunk * CHUNK + entries.len()).min(total), total);
        yield_to_browser().await;
    }
}

/// The answers of share links pasted one per line (whole addresses or bare payloads); lines
/// that do not open are named by their number.
pub fn read_links(text: &str) -> FileRead {
    let mut read = FileRead::default();
    let lines = text.lines().map(str::trim).filter(|l| !l.is_empty());
    for (index, line) in lines.enumerate() {
        let payload = line.rsplit_once("#r=").map_or(line, |(_, payload)| payload);
        match decode(payload) {
            Ok(response) => read.push(response, Source::Link(index + 1), None),
            Err(problem) => read.refuse(Source::Link(index + 1), None, Why::Link(problem)),
        }
    }
    read
}

/// This browser's saved assessments of any survey, and those this version cannot use, named.
pub fn read_saved(listing: Listing) -> FileRead {
    let mut read = FileRead::default();
    for assessment in listing.assessments {
        let who = assessment.response.profile.who();
        read.push(assessment.response, Source::Saved(who), None);
    }
    for entry in listing.set_aside {
        let who = describe_raw(&entry.raw).unwrap_or_default();
        read.refuse(Source::Saved(who), None, Why::Stored(entry.problem));
    }
    read
}
