//! Property tests of the stored assessment: the decoder never panics, and two tabs' copies
//! merge to the latest edit of every answer, clearings included.

use engine::answers::assessment::{answer_leaves, changed_answers, Assessment};
use engine::answers::prefill::prefill;
use engine::{load_survey, Dimension, Rating, Response, Survey};
use proptest::prelude::*;
use std::collections::{BTreeMap, BTreeSet};

fn minimal() -> Survey {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../tests/fixtures/surveys/minimal.json"
    );
    load_survey(&std::fs::read(path).unwrap()).unwrap()
}

const V1: &str = r#"{"storage_version":1,"created_at":5,"updated_at":9,"changed_at":{"/ratings/leads/importance":9},"response":{"id":"a1","survey_id":"minimal","profile":{"region":"emea"},"ratings":{"leads":{"importance":4}}}}"#;

/// One edit in one tab: which answer (0-2 importance of an element, 3 region), and the new
/// value (None clears it).
#[derive(Clone, Debug)]
struct Edit {
    left_tab: bool,
    answer: usize,
    value: Option<i32>,
}

const ELEMENTS: [&str; 3] = ["training", "leads", "ordering"];

fn apply(response: &mut Response, edit: &Edit) {
    if edit.answer < 3 {
        response.rate(ELEMENTS[edit.answer], Dimension::Importance, edit.value);
    } else {
        response.profile.region = edit.value.map(|v| format!("region-{v}"));
    }
}

fn edits() -> impl Strategy<Value = Vec<Edit>> {
    proptest::collection::vec(
        (any::<bool>(), 0..4usize, proptest::option::of(1..=5i32)).prop_map(
            |(left_tab, answer, value)| Edit {
                left_tab,
                answer,
                value,
            },
        ),
        0..24,
    )
}

proptest! {
    #[test]
    fn any_text_is_read_or_refused_without_a_panic(text in any::<String>()) {
        let _ = Assessment::from_json(&text, "id", 0);
    }

    #[test]
    fn a_damaged_blob_is_refused_or_read_without_a_panic(cut in 0..V1.len(), flip in 0..V1.len(), bit in 0..8u8) {
        let _ = Assessment::from_json(&V1[..cut], "id", 0);
        let mut bytes = V1.as_bytes().to_vec();
        bytes[flip] ^= 1 << bit;
        if let Ok(text) = std::str::from_utf8(&bytes) {
            if let Ok(read) = Assessment::from_json(text, "id", 0) {
                prop_assert_eq!(Assessment::from_json(&read.to_json(), "other", 1), Ok(read));
            }
        }
    }

    #[test]
    fn two_tabs_converge_on_the_latest_edit_of_every_answer(edits in edits()) {
        let survey = minimal();
        let start = Assessment::new(&survey, "a1".into(), 0);
        let (mut left, mut right) = (start.clone(), start);
        let (mut left_answers, mut right_answers) = (left.response.clone(), right.response.clone());
        // The expected end state, kept by hand: the last change of each answer wins.
        let mut latest: BTreeMap<usize, Option<i32>> = BTreeMap::new();
        for (at, edit) in edits.iter().enumerate() {
            let now = at as u64 + 1;
            let (tab, answers) = if edit.left_tab {
                (&mut left, &mut left_answers)
            } else {
                (&mut right, &mut right_answers)
            };
            apply(answers, edit);
            // Re-choosing what a tab already shows changes nothing, so it is no edit.
            if tab.record(answers, now) {
                latest.insert(edit.answer, edit.value);
            }
        }
        left.merge(&right);
        right.merge(&left);
        prop_assert_eq!(&left.response, &right.response);
        for (answer, value) in latest {
            let got = if answer < 3 {
                left.response.rating(ELEMENTS[answer]).importance
            } else {
                left.response.profile.region.as_deref().map(|r| r["region-".len()..].parse().unwrap())
            };
            prop_assert_eq!(got, value, "answer {}", answer);
        }
    }
}

/// One edit, as above, made when this tab's clock read `clock`: any reading, so clocks that
/// run apart and step back are all covered. `heard` says whether the other tab got the
/// storage event of this save.
#[derive(Clone, Debug)]
struct ClockedEdit {
    edit: Edit,
    clock: u64,
    heard: bool,
}

fn clocked_edits() -> impl Strategy<Value = Vec<ClockedEdit>> {
    proptest::collection::vec(
        (
            any::<bool>(),
            0..4usize,
            proptest::option::of(1..=5i32),
            0..40u64,
            any::<bool>(),
        )
            .prop_map(|(left_tab, answer, value, clock, heard)| ClockedEdit {
                edit: Edit {
                    left_tab,
                    answer,
                    value,
                },
                clock,
                heard,
            }),
        0..24,
    )
}

fn value_of(response: &Response, answer: usize) -> Option<i32> {
    if answer < 3 {
        response.rating(ELEMENTS[answer]).importance
    } else {
        response
            .profile
            .region
            .as_deref()
            .map(|r| r["region-".len()..].parse().unwrap())
    }
}

proptest! {
    #[test]
    fn two_tabs_keep_the_latest_edit_whatever_their_clocks_read(edits in clocked_edits()) {
        let survey = minimal();
        let start = Assessment::new(&survey, "a1".into(), 20);
        let (mut left, mut right) = (start.clone(), start);
        // localStorage: what the last save wrote.
        let mut stored: Option<Assessment> = None;
        // The expected end state, kept by hand: the last change of each answer, in the order
        // the edits were made, wins, whatever the clocks said.
        let mut latest: BTreeMap<usize, Option<i32>> = BTreeMap::new();
        for step in &edits {
            let (tab, other) = if step.edit.left_tab {
                (&mut left, &mut right)
            } else {
                (&mut right, &mut left)
            };
            let mut answers = tab.response.clone();
            apply(&mut answers, &step.edit);
            let (changed, _) = tab.save_change(&answers, step.clock, stored.as_ref());
            if changed {
                latest.insert(step.edit.answer, step.edit.value);
            }
            stored = Some(tab.clone());
            if step.heard {
                other.merge(tab);
            }
        }
        if let Some(stored) = &stored {
            left.merge(stored);
            right.merge(stored);
            prop_assert_eq!(&left.response, &stored.response);
        }
        prop_assert_eq!(&left.response, &right.response);
        for (answer, value) in latest {
            prop_assert_eq!(value_of(&left.response, answer), value, "answer {}", answer);
        }
    }
}

proptest! {
    #[test]
    fn a_personal_link_never_sets_a_value_the_survey_does_not_offer(
        params in proptest::collection::vec(
            (
                prop_oneof![Just("partner".to_owned()), Just("region".to_owned()), Just("type".to_owned()), Just("tier".to_owned()), Just("side".to_owned()), Just("wave".to_owned()), Just("x".to_owned()), ".{0,8}"],
                prop_oneof![Just("emea".to_owned()), Just("gold".to_owned()), Just("solution-reseller".to_owned()), Just("partner".to_owned()), ".{0,12}"],
            ),
            0..8,
        )
    ) {
        let survey = load_survey(include_bytes!("../../web/public/surveys/partner-experience.json")).unwrap();
        let got = prefill(&survey, params.iter().map(|(n, v)| (n.as_str(), v.as_str())));
        let profile = &survey.profile;
        if let Some(region) = &got.profile.region {
            prop_assert!(profile.region.choices.iter().any(|c| &c.id == region));
        }
        if let Some(tier) = &got.profile.program_tier {
            prop_assert!(profile.program_tier.choices.iter().any(|c| &c.id == tier));
        }
        if let Some(kind) = &got.profile.partner_type {
            prop_assert!(survey.function_of(kind).is_some());
        }
        // Exactly the parameters this oracle finds invalid are named as ignored, in order.
        let valid = |name: &str, value: &str| {
            let text = value.trim();
            let text_ok = !text.is_empty() && text.chars().count() <= 200 && !text.chars().any(char::is_control);
            match name {
                "partner" | "wave" => text_ok,
                "region" => profile.region.choices.iter().any(|c| c.id == value),
                "tier" => profile.program_tier.choices.iter().any(|c| c.id == value),
                "type" => survey.function_of(value).is_some(),
                "side" => value == "partner" || value == "vendor",
                _ => false,
            }
        };
        let expected: Vec<String> = params
            .iter()
            .filter(|(n, v)| n != "survey" && !valid(n, v))
            .map(|(n, v)| format!("{n}={v}"))
            .collect();
        prop_assert_eq!(got.ignored, expected);
    }
}

/// A copy of one assessment with arbitrary answers to three ratings, stamped with arbitrary
/// times: ties between two copies included.
fn stamped_copy() -> impl Strategy<Value = Assessment> {
    proptest::collection::vec((0..3usize, proptest::option::of(1..=5i32), 0..6u64), 0..6).prop_map(
        |answers| {
            let mut copy = Assessment::new(&minimal(), "a1".into(), 0);
            for (answer, value, at) in answers {
                copy.response
                    .rate(ELEMENTS[answer], Dimension::Importance, value);
                if copy.response.rating(ELEMENTS[answer]) == Default::default() {
                    copy.response.ratings.remove(ELEMENTS[answer]);
                }
                copy.changed_at
                    .insert(format!("/ratings/{}/importance", ELEMENTS[answer]), at);
            }
            copy
        },
    )
}

proptest! {
    #[test]
    fn two_copies_merged_into_each_other_agree_even_on_ties(a in stamped_copy(), b in stamped_copy()) {
        let (mut left, mut right) = (a.clone(), b.clone());
        left.merge(&b);
        right.merge(&a);
        prop_assert_eq!(&left.response, &right.response);
        prop_assert_eq!(&left.changed_at, &right.changed_at);
        // Each answer is the one of the later stamp.
        for (key, at) in &left.changed_at {
            prop_assert_eq!(Some(*at), [a.changed_at.get(key), b.changed_at.get(key)].into_iter().flatten().max().copied());
        }
    }
}

/// Answers drawn from small pools, so that two of them share most answers and differ in some;
/// ids with "~" and "/" check the pointers' escaping.
fn answers() -> impl Strategy<Value = Response> {
    const IDS: [&str; 4] = ["leads", "a/b", "c~d", "ordering"];
    let id = proptest::sample::select(&IDS[..]).prop_map(str::to_owned);
    let rating = (
        proptest::option::of(1..=3i32),
        proptest::option::of(1..=3i32),
        any::<bool>(),
    )
        .prop_map(|(importance, performance, not_applicable)| Rating {
            importance,
            performance,
            not_applicable,
        });
    (
        proptest::option::of(proptest::sample::select(&["emea", "apac"][..])),
        proptest::sample::select(&["", "2026"][..]),
        proptest::option::of(proptest::sample::select(&[1.5, 2.0][..])),
        proptest::collection::btree_map(id.clone(), rating, 0..4),
        proptest::collection::btree_map(id.clone(), 1..=2i32, 0..3),
        proptest::collection::btree_map(id.clone(), any::<bool>(), 0..3),
        proptest::collection::btree_map(
            id,
            proptest::sample::select(&["l1", "l2"][..]).prop_map(str::to_owned),
            0..3,
        ),
    )
        .prop_map(
            |(region, wave, revenue, ratings, items, criteria, maturity)| {
                let mut response = Response {
                    survey_id: "minimal".into(),
                    ..Response::default()
                };
                response.profile.region = region.map(str::to_owned);
                response.profile.wave = wave.to_owned();
                response.profile.revenue_current = revenue;
                response.ratings = ratings;
                response.items = items;
                response.criteria = criteria;
                response.maturity = maturity;
                response
            },
        )
}

proptest! {
    /// The part-by-part comparison an autosave makes names exactly the answers whose values
    /// differ when both responses are written out whole.
    #[test]
    fn the_changed_answers_are_the_leaves_that_differ(before in answers(), after in answers()) {
        let (was, is) = (answer_leaves(&before), answer_leaves(&after));
        let differ: BTreeSet<String> = was
            .keys()
            .chain(is.keys())
            .filter(|key| was.get(*key) != is.get(*key))
            .cloned()
            .collect();
        let changed = changed_answers(&before, &after);
        let named: BTreeSet<String> = changed.iter().cloned().collect();
        prop_assert_eq!(named.len(), changed.len(), "a pointer named twice");
        prop_assert_eq!(named, differ);
    }
}
