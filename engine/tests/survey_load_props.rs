//! Property tests: the survey loader never panics, whatever it is given.

use engine::load_survey;
use engine::survey::finding::Finding;
use engine::survey::load::validate;
use proptest::prelude::*;
use serde_json::{json, Value};

fn minimal() -> Value {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../tests/fixtures/surveys/minimal.json"
    );
    serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap()
}

fn any_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<f64>()
            .prop_filter("JSON has no NaN or infinity", |f| f.is_finite())
            .prop_map(Value::from),
        "[a-z_.-]{0,12}".prop_map(Value::from),
        Just(json!("en")),
        Just(json!({"en": "x"})),
    ];
    leaf.prop_recursive(3, 16, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::btree_map("[a-z_]{1,8}", inner, 0..4)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

#[derive(Debug, Clone)]
enum Mutation {
    Replace(Value),
    Remove,
    Duplicate,
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        any_json().prop_map(Mutation::Replace),
        Just(Mutation::Remove),
        Just(Mutation::Duplicate),
    ]
}

/// Walks down `steps` (each picks a child by index modulo the count) and mutates there.
fn mutate(value: &mut Value, steps: &[usize], change: &Mutation) {
    let (step, rest) = match steps.split_first() {
        Some(split) => split,
        None => {
            if let Mutation::Replace(new) = change {
                *value = new.clone();
            }
            return;
        }
    };
    match value {
        Value::Object(map) if !map.is_empty() => {
            let key = map.keys().nth(step % map.len()).cloned().unwrap();
            match change {
                Mutation::Remove if rest.is_empty() => {
                    map.remove(&key);
                }
                _ => mutate(map.get_mut(&key).unwrap(), rest, change),
            }
        }
        Value::Array(items) if !items.is_empty() => {
            let i = step % items.len();
            match change {
                Mutation::Remove if rest.is_empty() => {
                    items.remove(i);
                }
                Mutation::Duplicate if rest.is_empty() => {
                    let copy = items[i].clone();
                    items.push(copy);
                }
                _ => mutate(&mut items[i], rest, change),
            }
        }
        _ => {
            if let Mutation::Replace(new) = change {
                *value = new.clone();
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..2048)) {
        let _ = load_survey(&bytes);
    }

    #[test]
    fn survey_shaped_json_never_panics_and_what_loads_is_valid(
        changes in prop::collection::vec((prop::collection::vec(any::<usize>(), 0..7), mutation()), 1..6)
    ) {
        let mut survey = minimal();
        for (steps, change) in &changes {
            mutate(&mut survey, steps, change);
        }
        let bytes = serde_json::to_vec(&survey).unwrap();
        match load_survey(&bytes) {
            Ok(loaded) => {
                prop_assert!(validate(&loaded).is_empty());
                prop_assert_eq!(loaded.structure_hash().len(), 16);
            }
            Err(errors) => {
                prop_assert!(!errors.0.is_empty());
                // Valid JSON: each problem names its place, but a root that is no object
                // and the line that says more were found.
                for error in &errors.0 {
                    let whole_file = matches!(error.finding, Finding::NotAnObject | Finding::TooMany);
                    prop_assert!(!error.path.is_empty() || whole_file, "{}", error);
                }
            }
        }
    }
}
