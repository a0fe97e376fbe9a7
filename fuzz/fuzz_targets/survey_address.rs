//! The `?survey=` value is anyone's text: what it accepts stays a relative address on this
//! site, and what it refuses it says in a short message.
#![no_main]

use engine::survey::source::survey_path;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    match survey_path(Some(&text)) {
        Ok(path) => {
            assert!(!path.starts_with("//") && !path.contains('\\'));
            assert!(!path.chars().any(|c| c.is_control() || c.is_whitespace()));
            let scheme = path.split_once(':').map(|(scheme, _)| scheme);
            assert!(scheme.is_none_or(|scheme| scheme.contains('/')));
        }
        Err(refused) => {
            let message = refused.to_string();
            assert!(message.len() < 400, "{} bytes", message.len());
        }
    }
});
