//! Two tabs' copies of one assessment, edited under arbitrary clocks (skewed, stepping back,
//! equal), merged into each other: the merge is commutative and keeps, for every answer, the
//! change with the latest stamp.
#![no_main]

use engine::answers::assessment::Assessment;
use engine::{load_survey, Dimension, Survey};
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

static SURVEY: OnceLock<Survey> = OnceLock::new();
const ELEMENTS: [&str; 3] = ["reputation", "leads", "training"];

/// Each three bytes are one edit: which copy and answer, the value (0 clears), the clock.
fn copies(data: &[u8]) -> (Assessment, Assessment) {
    let survey = SURVEY.get_or_init(|| {
        load_survey(include_bytes!(
            "../../web/public/surveys/partner-experience.json"
        ))
        .unwrap()
    });
    let start = Assessment::new(survey, "a1".into(), 0);
    let (mut left, mut right) = (start.clone(), start);
    for edit in data.chunks_exact(3) {
        let copy = if edit[0] & 1 == 0 {
            &mut left
        } else {
            &mut right
        };
        let element = ELEMENTS[usize::from(edit[0] >> 1) % ELEMENTS.len()];
        let value = (edit[1] % 6 != 0).then_some(i32::from(edit[1] % 6));
        let mut answers = copy.response.clone();
        answers.rate(element, Dimension::Importance, value);
        copy.record(&answers, u64::from(edit[2]));
    }
    (left, right)
}

fuzz_target!(|data: &[u8]| {
    let (a, b) = copies(data);
    let (mut left, mut right) = (a.clone(), b.clone());
    left.merge(&b);
    right.merge(&a);
    assert_eq!(left.response, right.response);
    assert_eq!(left.changed_at, right.changed_at);
    for (key, at) in &left.changed_at {
        let latest = [a.changed_at.get(key), b.changed_at.get(key)]
            .into_iter()
            .flatten()
            .max();
        assert_eq!(Some(at), latest);
    }
    // Merging again changes nothing.
    assert!(!left.merge(&b));
});
