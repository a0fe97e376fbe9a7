//! The survey loader must return Ok or Err for any bytes, never panic, and report a bounded
//! list of short messages however crafted the file.
#![no_main]

use engine::survey::load::MAX_ERRORS;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    match engine::load_survey(data) {
        // Whatever loads must also hash and pass validation again.
        Ok(survey) => {
            let _ = survey.structure_hash();
            assert!(engine::survey::load::validate(&survey).is_empty());
        }
        Err(errors) => {
            assert!(errors.0.len() <= MAX_ERRORS + 1);
            let text: usize = errors.0.iter().map(|e| e.to_string().len()).sum();
            assert!(text < 64 * 1024, "{text} bytes of messages");
        }
    }
});
