//! The editor's history on any sequence of edits, fitting or not: undoing every step gives back
//! the survey as opened, redoing every step gives back the edited one, and the stored draft
//! reads back with the same history.

use engine::editor::draft::Draft;
use engine::editor::edit::{Op, Path};
use proptest::prelude::*;
use serde_json::{json, Value};

fn opened() -> Value {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../tests/fixtures/surveys/minimal.json"
    ))
    .unwrap();
    serde_json::from_str(&text).unwrap()
}

/// An edit of the areas or their elements; indices may be past the end, so some do not fit.
fn edit() -> impl Strategy<Value = Op> {
    let areas = Path::default().key("areas");
    let elements = move |area: usize| Path::default().key("areas").index(area).key("elements");
    prop_oneof![
        (
            0..3usize,
            "[a-z]{0,6}",
            prop::sample::select(vec!["en", "de", "fr"])
        )
            .prop_map({
                let areas = areas.clone();
                move |(area, text, language)| Op::Put {
                    at: areas.index(area).key("title").key(language),
                    value: Some(Value::String(text)),
                }
            }),
        (0..3usize, 0..4usize, "[a-z]{1,6}").prop_map(move |(area, index, id)| Op::Insert {
            list: elements(area),
            index,
            value: json!({"id": id, "label": {"en": id}}),
        }),
        (0..3usize, 0..4usize).prop_map(move |(area, index)| Op::Remove {
            list: Path::default().key("areas").index(area).key("elements"),
            index,
        }),
        (0..3usize, 0..3usize).prop_map({
            let areas = areas.clone();
            move |(from, to)| Op::Move {
                list: areas.clone(),
                from,
                to,
            }
        }),
        Just(Op::Put {
            at: areas.index(0).key("weight"),
            value: None,
        }),
    ]
}

proptest! {
    #[test]
    fn undo_and_redo_walk_the_whole_history(steps in prop::collection::vec(prop::collection::vec(edit(), 1..3), 0..40)) {
        let start = opened();
        let mut draft = Draft::open(start.clone(), "minimal.json");
        for ops in steps {
            let before = draft.value().clone();
            if draft.apply(ops).is_err() {
                prop_assert_eq!(draft.value(), &before);
            }
        }
        let edited = draft.value().clone();
        let stored = Draft::from_json(&draft.to_json()).unwrap();
        prop_assert_eq!(&stored, &draft);
        while draft.undo() {}
        prop_assert_eq!(draft.value(), &start);
        while draft.redo() {}
        prop_assert_eq!(draft.value(), &edited);
    }
}
