//! The decoder of assessments saved in the browser (any stored format) must never panic on a
//! damaged blob, and what it accepts must survive its own round trip.
#![no_main]

use engine::answers::assessment::Assessment;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        if let Ok(assessment) = Assessment::from_json(text, "fuzz", 1) {
            let again = Assessment::from_json(&assessment.to_json(), "other", 2);
            assert_eq!(again.as_ref(), Ok(&assessment));
        }
    }
});
