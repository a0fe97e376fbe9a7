//! Where in the editor's form a problem shows: at the field of its path, or else at the
//! nearest part of the form that holds that path (an unknown key of an element shows at the
//! element).

use serde_json::Value;
use std::collections::HashSet;

/// The keys the form edits of the survey itself, of an area and of an element.
pub const SURVEY_FIELDS: [&str; 4] = ["id", "version", "title", "description"];
pub const SCALE_FIELDS: [&str; 3] = ["min", "max", "not_applicable"];
pub const AREA_FIELDS: [&str; 5] = ["id", "title", "description", "weight", "show_if"];
pub const ELEMENT_FIELDS: [&str; 5] = ["id", "label", "description", "weight", "show_if"];

fn count(value: &Value, key: &str) -> usize {
    value.get(key).and_then(Value::as_array).map_or(0, Vec::len)
}

/// The profile's questions whose choices the form edits as a list.
pub const CHOICE_QUESTIONS: [&str; 2] = ["region", "program_tier"];
/// The keys the form edits of a profile question, of a choice, and of a partner function.
pub const QUESTION_FIELDS: [&str; 3] = ["label", "help", "choices"];
pub const CHOICE_FIELDS: [&str; 2] = ["id", "label"];
pub const FUNCTION_FIELDS: [&str; 3] = ["id", "label", "types"];

/// The places of a list of choices at `list`, each entry with `fields`.
fn list_places(places: &mut HashSet<String>, list: &str, count: usize, fields: &[&str]) {
    places.insert(list.to_owned());
    for i in 0..count {
        let entry = format!("{list}[{i}]");
        places.extend(fields.iter().map(|key| format!("{entry}.{key}")));
        places.insert(entry);
    }
}

/// Every place of `survey` that the form shows: its fields and the groups around them ("" is
/// the survey as a whole).
pub fn form_places(survey: &Value) -> HashSet<String> {
    let mut places: HashSet<String> = ["", "scale", "areas", "profile"].map(str::to_owned).into();
    let profile = &survey["profile"];
    for question in CHOICE_QUESTIONS.into_iter().chain(["partner_type"]) {
        places.insert(format!("profile.{question}"));
        places.extend(QUESTION_FIELDS.map(|key| format!("profile.{question}.{key}")));
    }
    for question in CHOICE_QUESTIONS {
        let list = format!("profile.{question}.choices");
        list_places(
            &mut places,
            &list,
            count(&profile[question], "choices"),
            &CHOICE_FIELDS,
        );
    }
    let functions = "profile.partner_type.functions";
    list_places(
        &mut places,
        functions,
        count(&profile["partner_type"], "functions"),
        &FUNCTION_FIELDS,
    );
    for i in 0..count(&profile["partner_type"], "functions") {
        let types = count(&profile["partner_type"]["functions"][i], "types");
        list_places(
            &mut places,
            &format!("{functions}[{i}].types"),
            types,
            &CHOICE_FIELDS,
        );
    }
    places.extend(SURVEY_FIELDS.map(str::to_owned));
    places.extend(SCALE_FIELDS.map(|key| format!("scale.{key}")));
    for i in 0..count(survey, "areas") {
        let area = format!("areas[{i}]");
        places.extend(AREA_FIELDS.map(|key| format!("{area}.{key}")));
        places.insert(format!("{area}.elements"));
        for j in 0..count(&survey["areas"][i], "elements") {
            let element = format!("{area}.elements[{j}]");
            places.extend(ELEMENT_FIELDS.map(|key| format!("{element}.{key}")));
            places.insert(element);
        }
        places.insert(area);
    }
    places
}

/// The place among `places` where a problem at `path` shows: the path itself, or the nearest
/// place above it, or the survey as a whole ("").
pub fn nearest(path: &str, places: &HashSet<String>) -> String {
    let mut at = path;
    loop {
        if places.contains(at) {
            return at.to_owned();
        }
        // One step up: drop a trailing "[i]" or ".key".
        match at.rfind(['.', '[']) {
            Some(cut) => at = &at[..cut],
            None => return String::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn the_profiles_choices_have_places_of_their_own() {
        let survey = json!({"profile": {
            "region": {"choices": [{"id": "emea"}, {"id": "apac"}]},
            "partner_type": {"functions": [{"id": "sales", "types": [{"id": "msp"}]}]}
        }});
        let places = form_places(&survey);
        assert_eq!(
            nearest("profile.region.choices[1].id", &places),
            "profile.region.choices[1].id"
        );
        assert_eq!(
            nearest("profile.region.choices[2].id", &places),
            "profile.region.choices"
        );
        assert_eq!(
            nearest("profile.program_tier.choices", &places),
            "profile.program_tier.choices"
        );
        assert_eq!(
            nearest(
                "profile.partner_type.functions[0].types[0].label.de",
                &places
            ),
            "profile.partner_type.functions[0].types[0].label"
        );
        assert_eq!(
            nearest(
                "profile.partner_type.functions[0].primary_value.en",
                &places
            ),
            "profile.partner_type.functions[0]"
        );
    }

    #[test]
    fn a_problem_shows_at_its_field_or_the_nearest_group_around_it() {
        let survey = json!({"areas": [{"elements": [{}, {}]}, {"elements": "oops"}]});
        let places = form_places(&survey);
        assert_eq!(
            nearest("areas[0].elements[1].weight", &places),
            "areas[0].elements[1].weight"
        );
        assert_eq!(
            nearest("areas[0].elements[1].title.de", &places),
            "areas[0].elements[1]"
        );
        assert_eq!(
            nearest("areas[0].elements[1].show_if[0].any_of[2]", &places),
            "areas[0].elements[1].show_if"
        );
        assert_eq!(
            nearest("areas[0].elements[1].notes", &places),
            "areas[0].elements[1]"
        );
        assert_eq!(nearest("areas[1].title.en", &places), "areas[1].title");
        assert_eq!(nearest("areas[1].elements", &places), "areas[1].elements");
        assert_eq!(nearest("areas[2].id", &places), "areas");
        assert_eq!(nearest("profile.side.choices", &places), "profile");
        assert_eq!(nearest("format_version", &places), "");
        assert_eq!(nearest("scale.labels[0].value", &places), "scale");
    }
}
