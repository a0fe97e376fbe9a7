//! The decoder of answers saved in the browser must never panic on a damaged blob.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        if let Ok(response) = partnerlens::engine::Response::from_json(text) {
            let again = partnerlens::engine::Response::from_json(&response.to_json());
            assert_eq!(again.as_ref(), Ok(&response));
        }
    }
});
