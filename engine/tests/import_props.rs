//! The results-file reader and the import plan: any exports survive the round trip through a
//! file, alone or in an array; damaged files never panic; and an import never stores one
//! assessment twice or finds anything new in files it has already taken in.

use engine::answers::assessment::{Assessment, Millis};
use engine::codec::export::{read_envelopes, Envelope};
use engine::codec::import::{plan, ImportStatus};
use engine::generate::generate;
use engine::{load_survey, Survey};
use proptest::prelude::*;
use std::collections::BTreeMap;

fn default_survey() -> Survey {
    load_survey(include_bytes!(
        "../../web/public/surveys/partner-experience.json"
    ))
    .unwrap()
}

/// Generated responses as exports, assessment `i` created at 1,000 and last changed at 2,000 + i.
fn exports(survey: &Survey, seed: u64, count: usize) -> Vec<Envelope> {
    generate(survey, count, seed)
        .into_iter()
        .enumerate()
        .map(|(i, response)| {
            let mut assessment = Assessment::new(survey, format!("e{i}"), 1_000);
            let response = engine::Response {
                id: format!("e{i}"),
                ..response
            };
            assessment.record(&response, 2_000 + i as Millis);
            Envelope::of(&assessment, survey)
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn exports_read_back_alone_or_in_an_array(seed in any::<u64>(), count in 1usize..5) {
        let survey = default_survey();
        let envelopes = exports(&survey, seed, count);
        let one = envelopes[0].to_json();
        prop_assert_eq!(read_envelopes(one.as_bytes()), Ok(vec![envelopes[0].clone()]));
        let many = serde_json::to_string(&envelopes).unwrap();
        prop_assert_eq!(read_envelopes(many.as_bytes()), Ok(envelopes));
    }

    #[test]
    fn any_bytes_read_as_envelopes_or_a_message(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        let _ = read_envelopes(&bytes);
    }

    #[test]
    fn damaged_files_never_panic_and_what_reads_is_decided(
        seed in any::<u64>(), cut in 0usize..20_000, at in 0usize..20_000, byte in any::<u8>(),
    ) {
        let survey = default_survey();
        let mut bytes = exports(&survey, seed, 1)[0].to_json().into_bytes();
        let at = at % bytes.len();
        bytes[at] = byte;
        bytes.truncate(cut.max(1));
        if let Ok(envelopes) = read_envelopes(&bytes) {
            let _ = plan(vec![("f".into(), Ok(envelopes))], &survey, |_| None, u64::MAX);
        }
    }

    /// Files picked in any order, some twice, some in later copies: each assessment is stored
    /// at most once per import, and importing the same files again finds nothing new.
    #[test]
    fn an_import_stores_each_assessment_once_and_a_repeat_finds_nothing_new(
        seed in any::<u64>(), picks in proptest::collection::vec((0usize..4, 0u64..3), 1..12),
    ) {
        let survey = default_survey();
        let base = exports(&survey, seed, 4);
        let files: Vec<(String, Result<Vec<Envelope>, _>)> = picks
            .iter()
            .map(|&(which, later)| {
                let mut envelope = base[which].clone();
                envelope.updated_at += later * 1_000;
                (format!("{which}-{later}.json"), Ok(vec![envelope]))
            })
            .collect();
        let first = plan(files.clone(), &survey, |_| None, u64::MAX);
        // What the import stores: new ones at once, newer ones as if the user confirmed all.
        let mut here: BTreeMap<String, Millis> = BTreeMap::new();
        let mut news: BTreeMap<String, usize> = BTreeMap::new();
        for arrival in first.iter().flat_map(|f| f.outcome.as_ref().unwrap()) {
            if arrival.status == ImportStatus::New {
                *news.entry(arrival.envelope.id.clone()).or_default() += 1;
            }
            if matches!(arrival.status, ImportStatus::New | ImportStatus::Newer) {
                here.insert(arrival.envelope.id.clone(), arrival.envelope.updated_at);
            }
        }
        prop_assert!(news.values().all(|&n| n == 1));
        let again = plan(files, &survey, |id| here.get(id).copied(), u64::MAX);
        for arrival in again.iter().flat_map(|f| f.outcome.as_ref().unwrap()) {
            prop_assert!(
                matches!(arrival.status, ImportStatus::Duplicate | ImportStatus::Older),
                "{:?}", arrival.status
            );
        }
    }
}
