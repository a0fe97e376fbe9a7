//! The share-link decoder on any text: answers or a message, never a panic, never more than
//! its inflate limit of memory; and decoded answers re-encode to a link of the same answers.
#![no_main]

use engine::codec::share_link::{decode, encode};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(response) = decode(&String::from_utf8_lossy(data)) {
        assert_eq!(decode(&encode(&response)), Ok(response));
    }
});
