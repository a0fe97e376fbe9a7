//! Where in the editor's form a problem shows: at the field of its path, or else at the
//! nearest part of the form that holds that path (an unknown key of an element shows at the
//! element).

use std::collections::HashSet;

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
    use crate::editor::form::form_places;
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
            "profile.partner_type.functions[0].primary_value"
        );
        assert_eq!(
            nearest("profile.partner_type.functions[0].notes", &places),
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
        assert_eq!(nearest("profile.side.choices", &places), "profile.side");
        assert_eq!(nearest("profile.ranking", &places), "profile");
        assert_eq!(nearest("format_version", &places), "");
        assert_eq!(nearest("scale.labels[0].value", &places), "scale.labels");
    }

    #[test]
    fn a_sections_statement_shows_its_problems_at_the_partners_or_vendors_wording() {
        let survey = json!({"sections": {
            "five_cs": {"dimensions": [{"items": [{"id": "a"}, {"id": "b"}]}]},
            "maturity": {"levels": [{"id": "low"}], "processes": []}
        }});
        let places = form_places(&survey);
        let item = "sections.five_cs.dimensions[0].items[1]";
        assert_eq!(
            nearest(&format!("{item}.text.vendor.de"), &places),
            format!("{item}.text.vendor")
        );
        assert_eq!(nearest(&format!("{item}.text"), &places), item);
        assert_eq!(
            nearest("sections.maturity.levels[0].label.fr", &places),
            "sections.maturity.levels[0].label"
        );
        assert_eq!(
            nearest("sections.maturity.processes", &places),
            "sections.maturity.processes"
        );
        assert_eq!(
            nearest("sections.journey.phases", &places),
            "sections.journey.phases"
        );
        assert_eq!(
            nearest("ratings.performance.question.vendor.ar", &places),
            "ratings.performance.question.vendor"
        );
        assert_eq!(
            nearest("categories.bands[0].min", &places),
            "categories.bands"
        );
    }
}
