//! The dashboard's file reader on any text: it splits at most its limit of entries, never
//! panics, and every entry it reads as answers reads back the same from its own JSON.
#![no_main]

use engine::codec::dataset::entry_response;
use engine::codec::entries::{split_entries, MAX_DATASET_ENTRIES};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(entries) = split_entries(text) else {
        return;
    };
    assert!(entries.len() <= MAX_DATASET_ENTRIES);
    for entry in entries {
        if let Ok(response) = entry_response(entry.get()) {
            assert_eq!(entry_response(&response.to_json()), Ok(response));
        }
    }
});
