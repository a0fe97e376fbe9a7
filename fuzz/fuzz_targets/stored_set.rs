//! A data set's stored answers, as IndexedDB may hand them back damaged: read or refused with
//! a reason, never a panic, and whatever reads is stored and read again unchanged.
#![no_main]

use engine::codec::dataset::{answers_to_json, entry_response, stored_entries};
use engine::Response;
use libfuzzer_sys::fuzz_target;

fn read(text: &str) -> Option<Vec<Response>> {
    let entries = stored_entries(text).ok()?;
    Some(
        entries
            .iter()
            .filter_map(|e| entry_response(e.get()).ok())
            .collect(),
    )
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Some(responses) = read(text) {
        assert_eq!(read(&answers_to_json(&responses)), Some(responses));
    }
});
