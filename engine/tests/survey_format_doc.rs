//! The complete example in docs/survey-format.md is a valid survey.

#[test]
fn the_documented_example_loads() {
    let doc = include_str!("../../docs/survey-format.md");
    let start = doc
        .rfind("```json\n{")
        .expect("the doc ends with a complete example")
        + "```json\n".len();
    let end = start
        + doc[start..]
            .find("\n```")
            .expect("the example block is closed");
    let survey = engine::load_survey(&doc.as_bytes()[start..end])
        .unwrap_or_else(|errors| panic!("docs/survey-format.md example:\n{errors}"));
    assert_eq!(survey.id, "acme-partners");
    assert_eq!(survey.item_count(), 7);
}
