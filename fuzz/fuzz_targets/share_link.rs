//! The share-link decoder on any text: answers or a message, never a panic, never more than
//! its inflate limit of memory.
#![no_main]

use libfuzzer_sys::fuzz_target;
use partnerlens::engine::share_link::decode;

fuzz_target!(|data: &[u8]| {
    let _ = decode(&String::from_utf8_lossy(data));
});
