//! Who sees an area or an element: everyone, only some partner functions or types, or all but
//! some. The editor offers these with pickers; it writes the entry's `show_if` from them, and
//! leaves alone a `show_if` that says more than one picker can (other questions, several
//! conditions).

use crate::editor::edit::{Op, Path};
use serde_json::{json, Value};

/// The profile question a picker chooses by.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ByWhat {
    Function,
    Type,
}

impl ByWhat {
    /// The question's name in `show_if`.
    pub fn question(self) -> &'static str {
        match self {
            ByWhat::Function => "partner_function",
            ByWhat::Type => "partner_type",
        }
    }
}

/// Who sees an entry, as the pickers show it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Audience {
    Everyone,
    /// Only partners whose function (or type) is one of these.
    Only(ByWhat, Vec<String>),
    /// Everyone but partners whose function (or type) is one of these.
    AllBut(ByWhat, Vec<String>),
    /// A `show_if` the pickers cannot show; kept as it is.
    Other,
}

fn ids(list: Option<&Value>) -> Option<Vec<String>> {
    list?
        .as_array()?
        .iter()
        .map(|v| v.as_str().map(str::to_owned))
        .collect()
}

/// Who sees the entry (an area or element object).
pub fn audience(entry: &Value) -> Audience {
    let conditions = match entry.get("show_if") {
        None => return Audience::Everyone,
        Some(Value::Array(conditions)) if conditions.is_empty() => return Audience::Everyone,
        Some(Value::Array(conditions)) if conditions.len() == 1 => &conditions[0],
        Some(_) => return Audience::Other,
    };
    let by = match conditions.get("question").and_then(Value::as_str) {
        Some("partner_function") => ByWhat::Function,
        Some("partner_type") => ByWhat::Type,
        _ => return Audience::Other,
    };
    let any_of = ids(conditions.get("any_of"));
    let none_of = ids(conditions.get("none_of"));
    match (
        any_of,
        none_of,
        conditions.get("any_of"),
        conditions.get("none_of"),
    ) {
        (Some(any), _, Some(_), None) => Audience::Only(by, any),
        (_, Some(none), None, Some(_)) => Audience::AllBut(by, none),
        _ => Audience::Other,
    }
}

/// The op that makes the entry at `at` seen by `audience` (`Other` changes nothing).
pub fn audience_ops(at: &Path, audience: &Audience) -> Vec<Op> {
    let condition = |by: ByWhat, key: &str, ids: &[String]| {
        let mut condition = json!({"question": by.question()});
        condition[key] = json!(ids);
        Some(json!([condition]))
    };
    let value = match audience {
        Audience::Everyone => None,
        Audience::Only(by, ids) => condition(*by, "any_of", ids),
        Audience::AllBut(by, ids) => condition(*by, "none_of", ids),
        Audience::Other => return Vec::new(),
    };
    vec![Op::Put {
        at: at.key("show_if"),
        value,
    }]
}

/// The survey's partner functions, or its partner types (each after its function), as
/// (id, texts by language) in the file's order.
pub fn choices(survey: &Value, by: ByWhat) -> Vec<(String, Value)> {
    let functions = survey["profile"]["partner_type"]["functions"]
        .as_array()
        .map(Vec::as_slice)
        .unwrap_or_default();
    let entry = |v: &Value, text: &str| {
        Some((
            v.get("id")?.as_str()?.to_owned(),
            v.get(text).cloned().unwrap_or(Value::Null),
        ))
    };
    match by {
        ByWhat::Function => functions.iter().filter_map(|f| entry(f, "label")).collect(),
        ByWhat::Type => functions
            .iter()
            .flat_map(|f| f["types"].as_array().map(Vec::as_slice).unwrap_or_default())
            .filter_map(|t| entry(t, "label"))
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::editor::edit::apply;

    #[test]
    fn a_show_if_reads_as_the_pickers_show_it() {
        let none_of =
            json!({"show_if": [{"question": "partner_function", "none_of": ["influencer"]}]});
        let any_of = json!({"show_if": [{"question": "partner_type", "any_of": ["msp", "oem"]}]});
        assert_eq!(audience(&json!({"id": "a"})), Audience::Everyone);
        assert_eq!(
            audience(&none_of),
            Audience::AllBut(ByWhat::Function, vec!["influencer".into()])
        );
        assert_eq!(
            audience(&any_of),
            Audience::Only(ByWhat::Type, vec!["msp".into(), "oem".into()])
        );
        for other in [
            json!({"show_if": [{"question": "side", "none_of": ["vendor"]}]}),
            json!({"show_if": [{"question": "partner_type", "any_of": ["a"], "none_of": ["b"]}]}),
            json!({"show_if": [{"question": "partner_type", "any_of": ["a"]}, {"question": "region", "any_of": ["emea"]}]}),
            json!({"show_if": "everyone"}),
        ] {
            assert_eq!(audience(&other), Audience::Other, "{other}");
        }
    }

    #[test]
    fn the_pickers_write_one_condition_or_none() {
        let mut tree = json!({"areas": [{"id": "a", "show_if": [{"question": "side", "any_of": ["partner"]}]}]});
        let at = Path::default().key("areas").index(0);
        let hide = Audience::AllBut(ByWhat::Function, vec!["influencer".into()]);
        for op in audience_ops(&at, &hide) {
            apply(&mut tree, &op).unwrap();
        }
        assert_eq!(
            tree["areas"][0]["show_if"],
            json!([{"question": "partner_function", "none_of": ["influencer"]}])
        );
        assert_eq!(audience(&tree["areas"][0]), hide);
        for op in audience_ops(&at, &Audience::Everyone) {
            apply(&mut tree, &op).unwrap();
        }
        assert_eq!(tree["areas"][0], json!({"id": "a"}));
        assert!(audience_ops(&at, &Audience::Other).is_empty());
    }

    #[test]
    fn the_choices_are_the_surveys_functions_or_types() {
        let text = include_str!("../../../web/public/surveys/partner-experience.json");
        let survey: Value = serde_json::from_str(text).unwrap();
        let functions: Vec<String> = choices(&survey, ByWhat::Function)
            .into_iter()
            .map(|c| c.0)
            .collect();
        assert_eq!(functions, ["solution", "sales", "service", "influencer"]);
        let types = choices(&survey, ByWhat::Type);
        assert_eq!(types.len(), 22);
        assert_eq!(types[6].0, "solution-reseller");
        assert_eq!(types[6].1["en"], "Solution reseller");
    }
}
