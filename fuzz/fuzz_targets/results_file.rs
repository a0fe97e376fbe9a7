//! The exported-results reader on any bytes, then the import plan of whatever it accepts:
//! no time after "now" is planned, and once the new ones are stored, the same file plans as
//! nothing new.
#![no_main]

use engine::codec::export::read_envelopes;
use engine::codec::import::{plan, ImportStatus};
use engine::load_survey;
use libfuzzer_sys::fuzz_target;
use std::collections::BTreeMap;
use std::sync::OnceLock;

static SURVEY: OnceLock<engine::Survey> = OnceLock::new();
const NOW: u64 = 1_800_000_000_000;

fuzz_target!(|data: &[u8]| {
    let survey = SURVEY.get_or_init(|| {
        load_survey(include_bytes!(
            "../../web/public/surveys/partner-experience.json"
        ))
        .unwrap()
    });
    let Ok(envelopes) = read_envelopes(data) else {
        return;
    };
    let first = plan(
        vec![("f".into(), Ok(envelopes.clone()))],
        survey,
        |_| None,
        NOW,
    );
    let mut stored: BTreeMap<String, u64> = BTreeMap::new();
    for arrival in first[0].outcome.as_ref().unwrap() {
        assert!(arrival.envelope.updated_at <= NOW);
        assert!(arrival.envelope.created_at <= arrival.envelope.updated_at);
        if matches!(arrival.status, ImportStatus::New | ImportStatus::Newer) {
            stored.insert(arrival.envelope.id.clone(), arrival.envelope.updated_at);
        }
    }
    let again = plan(
        vec![("f".into(), Ok(envelopes))],
        survey,
        |id| stored.get(id).copied(),
        NOW,
    );
    for arrival in again[0].outcome.as_ref().unwrap() {
        assert!(
            !matches!(arrival.status, ImportStatus::New),
            "{:?} is new twice",
            arrival.envelope.id
        );
    }
});
