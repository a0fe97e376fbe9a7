//! The survey loader must return Ok or Err for any bytes, never panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(survey) = partnerlens::engine::load_survey(data) {
        // Whatever loads must also hash and pass validation again.
        let _ = survey.structure_hash();
        assert!(partnerlens::engine::load::validate(&survey).is_empty());
    }
});
