//! The survey loader: the shipped surveys load, and each broken fixture under
//! tests/fixtures/surveys/ fails with the path and words a vendor needs to fix it.

use engine::survey::finding::Finding;
use engine::survey::load::{validate, MAX_ERRORS, MAX_SURVEY_BYTES};
use engine::{load_survey, Side, Survey, SurveyErrors};
use std::path::PathBuf;

fn path(relative: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("..")
        .join(relative)
}

fn load_file(relative: &str) -> Result<Survey, SurveyErrors> {
    load_survey(&std::fs::read(path(relative)).expect("fixture exists"))
}

fn fixture_errors(name: &str) -> Vec<String> {
    match load_file(&format!("tests/fixtures/surveys/{name}")) {
        Ok(_) => panic!("{name} should be refused"),
        Err(errors) => errors.0.iter().map(ToString::to_string).collect(),
    }
}

/// Asserts that a fixture fails with exactly these errors, each matched by its start.
fn assert_fails(name: &str, expected: &[&str]) {
    let errors = fixture_errors(name);
    assert_eq!(
        errors.len(),
        expected.len(),
        "{name}: got {errors:#?}, expected {expected:#?}"
    );
    for (error, want) in errors.iter().zip(expected) {
        assert!(
            error.starts_with(want),
            "{name}: {error:?} should start with {want:?}"
        );
    }
}

#[test]
fn the_default_survey_holds_the_whole_partner_management_model() {
    let survey =
        load_file("web/public/surveys/partner-experience.json").expect("default survey is valid");
    let areas: Vec<(&str, usize)> = survey
        .areas
        .iter()
        .map(|a| (a.title.get("en"), a.elements.len()))
        .collect();
    assert_eq!(
        areas,
        [
            ("Brand", 3),
            ("Enable", 5),
            ("Transact", 5),
            ("Products", 5),
            ("Use", 3),
            ("Support", 4),
            ("Relationship", 3)
        ]
    );
    assert_eq!(survey.elements().count(), 28);
    let regions: Vec<&str> = survey
        .profile
        .region
        .choices
        .iter()
        .map(|c| c.id.as_str())
        .collect();
    for region in ["emea", "americas", "apac", "latam"] {
        assert!(regions.contains(&region), "missing region {region}");
    }
    let functions: Vec<&str> = survey
        .profile
        .partner_type
        .functions
        .iter()
        .map(|f| f.id.as_str())
        .collect();
    assert_eq!(functions, ["solution", "sales", "service", "influencer"]);
    let sections = &survey.sections;
    let five_cs: Vec<&str> = sections
        .five_cs
        .as_ref()
        .expect("five Cs")
        .dimensions
        .iter()
        .map(|d| d.id.as_str())
        .collect();
    assert_eq!(
        five_cs,
        [
            "contribution",
            "consumption",
            "coverage",
            "capability",
            "commitment"
        ]
    );
    let phases: Vec<&str> = sections
        .journey
        .as_ref()
        .expect("journey")
        .phases
        .iter()
        .map(|p| p.id.as_str())
        .collect();
    assert_eq!(
        phases,
        [
            "interest",
            "recruitment",
            "activation",
            "investment",
            "devotion"
        ]
    );
    assert_eq!(
        sections.maturity.as_ref().expect("maturity").levels.len(),
        5
    );
    assert_eq!(
        sections
            .principles
            .as_ref()
            .expect("principles")
            .elements
            .len(),
        7
    );
    assert_eq!(
        sections
            .proposition
            .as_ref()
            .expect("proposition")
            .dimensions
            .len(),
        3
    );
    assert_eq!(survey.locales(), ["en", "ar", "de", "fr"]);
}

#[test]
fn every_text_of_the_default_survey_is_translated_to_german() {
    let raw: serde_json::Value = serde_json::from_slice(
        &std::fs::read(path("web/public/surveys/partner-experience.json")).unwrap(),
    )
    .unwrap();
    let mut untranslated = Vec::new();
    fn walk(value: &serde_json::Value, at: String, out: &mut Vec<String>) {
        match value {
            serde_json::Value::Object(map) if map.contains_key("en") => {
                let german = map.get("de").and_then(|d| d.as_str()).unwrap_or_default();
                if german.trim().is_empty() {
                    out.push(at);
                }
            }
            serde_json::Value::Object(map) => map
                .iter()
                .for_each(|(k, v)| walk(v, format!("{at}.{k}"), out)),
            serde_json::Value::Array(items) => items
                .iter()
                .enumerate()
                .for_each(|(i, v)| walk(v, format!("{at}[{i}]"), out)),
            _ => {}
        }
    }
    walk(&raw, String::new(), &mut untranslated);
    assert!(
        untranslated.is_empty(),
        "texts without German: {untranslated:#?}"
    );
}

#[test]
fn side_specific_wording_reaches_the_vendor() {
    let survey = load_file("web/public/surveys/partner-experience.json").unwrap();
    let question = &survey.ratings.performance.question;
    assert_eq!(
        question.get(Side::Partner, "en"),
        "How well does the vendor deliver it?"
    );
    assert_eq!(
        question.get(Side::Vendor, "en"),
        "How well do we deliver it?"
    );
    assert_eq!(
        question.get(Side::Vendor, "de"),
        "Wie gut setzen wir das um?"
    );
}

#[test]
fn the_extended_example_uses_a_seven_point_scale_and_the_other_activities() {
    let survey =
        load_file("web/public/surveys/extended-example.json").expect("extended example is valid");
    assert_eq!((survey.scale.min, survey.scale.max), (1, 7));
    let ids: Vec<&str> = survey.elements().map(|(_, e)| e.id.as_str()).collect();
    for id in [
        "compensation",
        "returns",
        "co-marketing-funds",
        "partner-community",
        "onboarding",
    ] {
        assert!(ids.contains(&id), "missing {id}");
    }
}

#[test]
fn each_broken_fixture_names_its_field_and_problem() {
    assert_fails("duplicate-id.json", &["areas[1].elements[0].id: duplicate id \"training\", already used at areas[0].elements[0].id"]);
    assert_fails(
        "empty-area.json",
        &["areas[1].elements: an area needs at least one element"],
    );
    assert_fails(
        "missing-id.json",
        &["areas[0].elements[1].id: missing; this key is required"],
    );
    assert_fails(
        "bad-scale.json",
        &["scale: min (5) must be lower than max (5)"],
    );
    assert_fails(
        "negative-weight.json",
        &["areas[0].elements[1].weight: -0.5 is not a valid weight"],
    );
    assert_fails(
        "show-if-unknown-choice.json",
        &["areas[1].elements[0].show_if[0].none_of[0]: \"wizard\" is not a choice of this question"],
    );
    assert_fails(
        "show-if-unknown-question.json",
        &["areas[1].elements[0].show_if[0].question: must be one of partner_function, partner_type, region, program_tier, side"],
    );
    assert_fails(
        "missing-english.json",
        &["areas[1].title: missing English text"],
    );
    assert_fails(
        "unknown-key.json",
        &["titel: unknown key", "areas[0].colour: unknown key"],
    );
    assert_fails(
        "unknown-major-version.json",
        &["format_version: this survey uses format 2.0, but this app reads format 1.x only"],
    );
    assert_fails(
        "malformed.json",
        &["the file is not valid JSON: expected `,` or `}` (line 5, column 3)"],
    );
    assert_fails(
        "invalid-utf8.json",
        &["the file is not valid UTF-8 (line 6, column 20)"],
    );
    assert_fails(
        "non-finite-weight.json",
        &["the file is not valid JSON: number out of range (line 154, column 25)"],
    );
}

#[test]
fn all_errors_are_reported_at_once() {
    assert_fails(
        "many-errors.json",
        &[
            "areas[0].elements[0].id: \"Bad Id\" is not a valid id",
            "areas[0].elements[1].weight: -1 is not a valid weight",
            "areas[1].title: missing English text",
            "areas[1].elements[0].id: duplicate id \"leads\"",
        ],
    );
}

#[test]
fn a_file_over_one_megabyte_is_refused_before_parsing() {
    let mut big = b"{\"format_version\": \"1.0\", \"padding\": \"".to_vec();
    big.resize(MAX_SURVEY_BYTES + 1, b'x');
    let errors = load_survey(&big).unwrap_err();
    assert_eq!(errors.0.len(), 1);
    assert_eq!(
        errors.0[0].finding,
        Finding::TooLarge {
            bytes: MAX_SURVEY_BYTES + 1
        }
    );
    assert!(errors.0[0]
        .to_string()
        .starts_with("the file is 1048577 bytes; a survey may be at most 1 MB"));
}

#[test]
fn a_crafted_survey_gets_a_short_list_of_short_messages_quickly() {
    let text = std::fs::read_to_string(path("tests/fixtures/surveys/minimal.json")).unwrap();
    let mut value: serde_json::Value = serde_json::from_str(&text).unwrap();
    // 2,000 regions, and a condition naming 20,000 choices that are not among them: once,
    // each of those messages listed every region, 300 MB of text from a file under 1 MB.
    let regions: Vec<serde_json::Value> = (0..2_000)
        .map(|i| serde_json::json!({"id": format!("r{i}"), "label": {"en": "R"}}))
        .collect();
    value["profile"]["region"]["choices"] = regions.into();
    let unknown: Vec<String> = (0..20_000).map(|i| format!("x{i}")).collect();
    value["areas"][0]["show_if"] = serde_json::json!([{"question": "region", "any_of": unknown}]);
    // And an unknown key as long as a whole paragraph.
    value["areas"][1]["k".repeat(10_000)] = true.into();
    let bytes = value.to_string().into_bytes();
    assert!(bytes.len() < MAX_SURVEY_BYTES);
    let started = std::time::Instant::now();
    let errors = load_survey(&bytes).unwrap_err().0;
    assert!(started.elapsed().as_secs() < 5, "{:?}", started.elapsed());
    assert_eq!(errors.len(), MAX_ERRORS + 1);
    assert_eq!(errors[MAX_ERRORS].finding, Finding::TooMany);
    assert!(errors[MAX_ERRORS]
        .to_string()
        .starts_with("more problems were found than the 50 listed"));
    let text: usize = errors.iter().map(|e| e.to_string().len()).sum();
    assert!(text < 20_000, "{text} bytes of messages");
    assert_eq!(
        errors[0].to_string(),
        "areas[1].kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk…: unknown key; check its spelling against docs/survey-format.md"
    );
}

#[test]
fn type_errors_and_missing_keys_are_all_reported_with_paths() {
    let text = std::fs::read_to_string(path("tests/fixtures/surveys/minimal.json")).unwrap();
    let mut value: serde_json::Value = serde_json::from_str(&text).unwrap();
    value["areas"][0]["weight"] = "heavy".into();
    value["scale"]["min"] = 1.5.into();
    value["areas"][1]["elements"][0]["label"] = serde_json::json!({"en": 7});
    value["profile"].as_object_mut().unwrap().remove("wave");
    value["areas"][0]["typo"] = true.into();
    let errors = load_survey(value.to_string().as_bytes()).unwrap_err();
    let errors: Vec<String> = errors.0.iter().map(ToString::to_string).collect();
    assert_eq!(
        errors,
        [
            "scale.min: must be a whole number, not a number",
            "profile.wave: missing; this key is required",
            "areas[0].typo: unknown key; check its spelling against docs/survey-format.md",
            "areas[0].weight: must be a number, not a string",
            "areas[1].elements[0].label.en: must be a string, not a number",
        ]
    );
}

#[test]
fn scales_stay_within_0_to_100_and_phases_need_criteria() {
    let text = std::fs::read_to_string(path("tests/fixtures/surveys/scoring.json")).unwrap();
    let mut value: serde_json::Value = serde_json::from_str(&text).unwrap();
    value["scale"] = serde_json::json!({"min": -3, "max": 3});
    value["sections"]["journey"]["phases"][1]["criteria"] = serde_json::json!([]);
    value["sections"]["maturity"]["processes"][0]["weight"] = 2.into();
    let errors = load_survey(value.to_string().as_bytes()).unwrap_err();
    let errors: Vec<String> = errors.0.iter().map(ToString::to_string).collect();
    assert_eq!(
        errors,
        [
            "sections.maturity.processes[0].weight: unknown key; check its spelling against docs/survey-format.md",
            "scale: min and max must lie between 0 and 100, such as 1-5, 1-7 or 0-10",
            "sections.journey.phases[1].criteria: must not be empty",
        ]
    );
    value["scale"] = serde_json::json!({"min": 2_000_000_000, "max": 2_000_000_100});
    let errors = load_survey(value.to_string().as_bytes()).unwrap_err();
    assert!(errors
        .to_string()
        .contains("scale: min and max must lie between 0 and 100"));
}

#[test]
fn the_anonymity_threshold_is_a_whole_number_of_one_or_more() {
    let text = std::fs::read_to_string(path("tests/fixtures/surveys/minimal.json")).unwrap();
    let mut value: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(load_survey(text.as_bytes()).unwrap().min_group_size, 5);
    value["min_group_size"] = serde_json::json!(3);
    let survey = load_survey(value.to_string().as_bytes()).unwrap();
    assert_eq!(survey.min_group_size, 3);
    for wrong in [0, -2] {
        value["min_group_size"] = serde_json::json!(wrong);
        let errors = load_survey(value.to_string().as_bytes()).unwrap_err();
        let expected = format!("min_group_size: {wrong} is not a group size");
        assert!(errors.to_string().contains(&expected), "{errors}");
    }
    value["min_group_size"] = serde_json::json!(2.5);
    let errors = load_survey(value.to_string().as_bytes()).unwrap_err();
    assert!(
        errors
            .to_string()
            .contains("min_group_size: must be a whole number"),
        "{errors}"
    );
}

#[test]
fn a_newer_minor_version_is_refused_with_a_hint() {
    let text = std::fs::read_to_string(path("tests/fixtures/surveys/minimal.json")).unwrap();
    let errors = load_survey(text.replace("\"1.0\"", "\"1.7\"").as_bytes()).unwrap_err();
    assert!(
        errors
            .to_string()
            .contains("newer than the 1.1 this app knows"),
        "{errors}"
    );
}

#[test]
fn non_finite_weights_are_refused_when_a_survey_is_built_in_code() {
    let mut survey = load_file("tests/fixtures/surveys/minimal.json").unwrap();
    survey.areas[0].weight = f64::NAN;
    survey.areas[1].elements[0].weight = f64::INFINITY;
    let errors: Vec<String> = validate(&survey).iter().map(ToString::to_string).collect();
    assert_eq!(
        errors,
        [
            "areas[0].weight: NaN is not a valid weight; use a number of 0 or more",
            "areas[1].elements[0].weight: infinity is not a valid weight; use a number of 0 or more"
        ]
    );
}

#[test]
fn html_in_a_title_is_kept_as_plain_text() {
    let survey = load_file("tests/fixtures/surveys/xss-title.json").expect("valid");
    assert_eq!(survey.title.get("en"), "<img src=x onerror=alert(1)>");
}

#[test]
fn the_structure_hash_is_fnv1a_over_ids_scale_and_choices() {
    let survey = load_file("tests/fixtures/surveys/minimal.json").unwrap();
    let written_by_hand = "format=1\nsurvey=minimal\nscale=1..5 na=true\n\
        partner_type.sales=reseller\npartner_type.influencer=analyst\n\
        region=emea,apac\nprogram_tier=gold\nside=partner,vendor\n\
        area.enable=training,leads\narea.transact=ordering\n";
    assert_eq!(survey.canonical_structure(), written_by_hand);
    // FNV-1a 64 of the text above, computed with an independent implementation.
    assert_eq!(survey.structure_hash(), "8e2ebcbe573f4164");
}

#[test]
fn text_and_weights_do_not_change_the_structure_hash_but_ids_and_scales_do() {
    let survey = load_file("tests/fixtures/surveys/minimal.json").unwrap();
    let hash = survey.structure_hash();

    let mut retitled = survey.clone();
    retitled.title.0.insert("en".into(), "A fixed typo".into());
    retitled.areas[0].elements[0]
        .label
        .0
        .insert("fr".into(), "Formation".into());
    retitled.areas[0].weight = 3.0;
    assert_eq!(retitled.structure_hash(), hash);

    let mut renamed = survey.clone();
    renamed.areas[0].elements[0].id = "courses".into();
    assert_ne!(renamed.structure_hash(), hash);

    let mut rescaled = survey.clone();
    rescaled.scale.max = 7;
    assert_ne!(rescaled.structure_hash(), hash);

    let mut regions = survey;
    regions.profile.region.choices.pop();
    assert_ne!(regions.structure_hash(), hash);
}

/// Every localized text of the default survey, as (JSON path, {locale: text}).
fn texts(value: &serde_json::Value, path: String, out: &mut Vec<(String, serde_json::Value)>) {
    match value {
        serde_json::Value::Object(map) if map.contains_key("en") => {
            out.push((path, value.clone()));
        }
        serde_json::Value::Object(map) => {
            for (key, child) in map {
                texts(child, format!("{path}.{key}"), out);
            }
        }
        serde_json::Value::Array(items) => {
            for (i, child) in items.iter().enumerate() {
                texts(child, format!("{path}[{i}]"), out);
            }
        }
        _ => {}
    }
}

#[test]
fn every_text_of_the_default_survey_is_in_all_four_languages() {
    let raw = std::fs::read(path("web/public/surveys/partner-experience.json")).unwrap();
    let mut found = Vec::new();
    texts(
        &serde_json::from_slice(&raw).unwrap(),
        "$".into(),
        &mut found,
    );
    assert!(found.len() > 200, "{} texts", found.len());
    for (path, text) in found {
        for locale in ["en", "de", "fr", "ar"] {
            let value = text[locale].as_str().unwrap_or_default();
            assert!(!value.trim().is_empty(), "{path} has no {locale} text");
        }
    }
}
