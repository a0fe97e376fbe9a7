//! Reading responses into a data set a chunk at a time, yielding to the browser between
//! chunks so that the page stays responsive and the progress bar moves.

use crate::engine::dataset::{entry_response, split_entries};
use crate::engine::export::FileProblem;
use crate::engine::share_link::decode;
use crate::engine::Response;
use leptos::prelude::*;
use wasm_bindgen_futures::JsFuture;

/// Entries read between two yields: about 20 ms of work on a mid-range laptop.
const CHUNK: usize = 250;

/// A named moment for `make bench` (the Performance timeline; it costs nothing otherwise).
pub fn mark(name: &str) {
    if let Some(performance) = window().performance() {
        let _ = performance.mark(name);
    }
}

/// Lets the browser paint and handle input before the next chunk.
pub async fn yield_to_browser() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = window().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0);
    });
    let _ = JsFuture::from(promise).await;
}

/// Waits until the browser has painted what is on the page now (two animation frames).
pub async fn after_paint() {
    for _ in 0..2 {
        let promise = js_sys::Promise::new(&mut |resolve, _| {
            let _ = window().request_animation_frame(&resolve);
        });
        let _ = JsFuture::from(promise).await;
    }
}

/// What a file or a set of links held: its responses, and how many entries could not be read.
pub struct FileRead {
    pub responses: Vec<Response>,
    pub unreadable: usize,
}

/// Reads a file's text: one entry or an array of them, each an export or a bare response.
/// `progress` hears (entries read, entries in the file) after every chunk.
pub async fn read_text(
    text: &str,
    progress: impl Fn(usize, usize),
) -> Result<FileRead, FileProblem> {
    let entries = split_entries(text)?;
    mark("dashboard-split");
    let total = entries.len();
    let mut read = FileRead {
        responses: Vec::with_capacity(total),
        unreadable: 0,
    };
    for (chunk, entries) in entries.chunks(CHUNK).enumerate() {
        for entry in entries {
            match entry_response(entry.get()) {
                Ok(response) => read.responses.push(response),
                Err(_) => read.unreadable += 1,
            }
        }
        progress((chunk * CHUNK + entries.len()).min(total), total);
        yield_to_browser().await;
    }
    Ok(read)
}

/// The answers of share links pasted one per line (whole addresses or bare payloads); lines
/// that do not open are counted.
pub fn read_links(text: &str) -> FileRead {
    let mut read = FileRead {
        responses: Vec::new(),
        unreadable: 0,
    };
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
        let payload = line.rsplit_once("#r=").map_or(line, |(_, payload)| payload);
        match decode(payload) {
            Ok(response) => read.responses.push(response),
            Err(_) => read.unreadable += 1,
        }
    }
    read
}
