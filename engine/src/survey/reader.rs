//! Reads a survey out of a parsed JSON tree, reporting every problem with its path.
//!
//! This replaces `#[derive(Deserialize)]` on the survey types. Serde's derived code for the
//! survey's twenty-odd types, wrapped to report unknown keys, was a quarter of the app's wasm
//! (about 25 KB gzip of a 180 KB budget). Reading a `serde_json::Value` with a handful of
//! shared helpers is a fraction of that, and it reports type errors, missing keys and unknown
//! keys all at once, each with its JSON path.

use crate::survey::definition::{
    Area, Band, Categories, Choice, ChoiceField, Condition, Dimension, Element, Item,
    JourneySection, MaturitySection, OverallSection, PartnerFunction, PartnerTypeField, Phase,
    PrinciplesSection, Profile, ProfileQuestion, RatingPrompt, Ratings, RevenueFields, Scale,
    ScaleLabel, ScoredSection, Sections, Survey, TextField, DEFAULT_MIN_GROUP_SIZE,
};
use crate::survey::finding::{Finding, Kind};
use crate::survey::load::SurveyError;
use crate::survey::load::{clip, push_error};
use crate::survey::text::{SidedText, Text};
use serde_json::{Map, Value};

type Object = Map<String, Value>;

/// Collects problems while reading. Unknown keys do not stop validation; a missing or
/// mistyped value does, since checks on a half-read survey would only add noise.
#[derive(Default)]
pub struct Reader {
    pub errors: Vec<SurveyError>,
    pub broken: bool,
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_owned()
    } else {
        format!("{path}.{key}")
    }
}

fn kind(value: &Value) -> Kind {
    match value {
        Value::Null => Kind::Null,
        Value::Bool(_) => Kind::Flag,
        Value::Number(_) => Kind::Number,
        Value::String(_) => Kind::Text,
        Value::Array(_) => Kind::List,
        Value::Object(_) => Kind::Object,
    }
}

impl Reader {
    fn error(&mut self, path: &str, finding: Finding) {
        self.broken = true;
        push_error(&mut self.errors, path, finding);
    }

    fn wrong(&mut self, path: &str, expected: Kind, found: &Value) {
        let found = kind(found);
        self.error(path, Finding::WrongKind { expected, found });
    }

    /// The object at `path`, after reporting any key not in `known`.
    fn object<'v>(&mut self, value: &'v Value, path: &str, known: &[&str]) -> Option<&'v Object> {
        let Some(object) = value.as_object() else {
            self.wrong(path, Kind::Object, value);
            return None;
        };
        for key in object.keys().filter(|key| !known.contains(&key.as_str())) {
            push_error(
                &mut self.errors,
                &join(path, &clip(key)),
                Finding::UnknownKey,
            );
        }
        Some(object)
    }

    /// A value that must be there.
    fn required<'v>(&mut self, object: &'v Object, path: &str, key: &str) -> Option<&'v Value> {
        let value = object.get(key);
        if value.is_none() {
            self.error(&join(path, key), Finding::Missing);
        }
        value
    }

    fn string(&mut self, object: &Object, path: &str, key: &str) -> String {
        match self.required(object, path, key) {
            Some(Value::String(text)) => text.clone(),
            Some(other) => {
                self.wrong(&join(path, key), Kind::Text, other);
                String::new()
            }
            None => String::new(),
        }
    }

    fn text_value(&mut self, value: &Value, path: &str) -> Text {
        let Some(object) = value.as_object() else {
            self.wrong(path, Kind::Texts, value);
            return Text::default();
        };
        let mut text = Text::default();
        for (locale, value) in object {
            match value {
                Value::String(s) => {
                    text.0.insert(locale.clone(), s.clone());
                }
                other => self.wrong(&join(path, locale), Kind::Text, other),
            }
        }
        text
    }

    fn text(&mut self, object: &Object, path: &str, key: &str) -> Text {
        match self.required(object, path, key) {
            Some(value) => self.text_value(value, &join(path, key)),
            None => Text::default(),
        }
    }

    fn optional_text(&mut self, object: &Object, path: &str, key: &str) -> Text {
        match object.get(key) {
            Some(value) => self.text_value(value, &join(path, key)),
            None => Text::default(),
        }
    }

    fn sided(&mut self, object: &Object, path: &str, key: &str) -> SidedText {
        let Some(value) = self.required(object, path, key) else {
            return SidedText::default();
        };
        let path = join(path, key);
        let Some(sides) = self.object(value, &path, &["partner", "vendor"]) else {
            return SidedText::default();
        };
        SidedText {
            partner: self.text(sides, &path, "partner"),
            vendor: sides
                .get("vendor")
                .map(|v| self.text_value(v, &join(&path, "vendor"))),
        }
    }

    fn number(&mut self, object: &Object, path: &str, key: &str, default: f64) -> f64 {
        match object.get(key) {
            None => default,
            Some(Value::Number(n)) => n.as_f64().unwrap_or(default),
            Some(other) => {
                self.wrong(&join(path, key), Kind::Number, other);
                default
            }
        }
    }

    fn whole(&mut self, object: &Object, path: &str, key: &str, default: Option<i32>) -> i32 {
        let value = match (object.get(key), default) {
            (None, Some(default)) => return default,
            (None, None) => {
                self.required(object, path, key);
                return 0;
            }
            (Some(value), _) => value,
        };
        match value.as_i64().and_then(|n| i32::try_from(n).ok()) {
            Some(n) => n,
            None => {
                self.wrong(&join(path, key), Kind::WholeNumber, value);
                0
            }
        }
    }

    fn flag(&mut self, object: &Object, path: &str, key: &str, default: bool) -> bool {
        match object.get(key) {
            None => default,
            Some(Value::Bool(b)) => *b,
            Some(other) => {
                self.wrong(&join(path, key), Kind::Flag, other);
                default
            }
        }
    }

    /// A list whose entries `read` turns into values; entries that fail are left out.
    fn list<T>(
        &mut self,
        object: &Object,
        path: &str,
        key: &str,
        required: bool,
        mut read: impl FnMut(&mut Self, &Value, &str) -> Option<T>,
    ) -> Vec<T> {
        let path = join(path, key);
        let value = match object.get(key) {
            Some(value) => value,
            None if required => {
                self.error(&path, Finding::Missing);
                return Vec::new();
            }
            None => return Vec::new(),
        };
        let Some(items) = value.as_array() else {
            self.wrong(&path, Kind::List, value);
            return Vec::new();
        };
        items
            .iter()
            .enumerate()
            .filter_map(|(i, item)| read(self, item, &format!("{path}[{i}]")))
            .collect()
    }

    fn strings(&mut self, object: &Object, path: &str, key: &str) -> Vec<String> {
        self.list(object, path, key, false, |r, value, path| match value {
            Value::String(s) => Some(s.clone()),
            other => {
                r.wrong(path, Kind::Text, other);
                None
            }
        })
    }

    fn conditions(&mut self, object: &Object, path: &str) -> Vec<Condition> {
        self.list(object, path, "show_if", false, |r, value, path| {
            let o = r.object(value, path, &["question", "any_of", "none_of"])?;
            let question = match r.required(o, path, "question")?.as_str() {
                Some("partner_function") => ProfileQuestion::PartnerFunction,
                Some("partner_type") => ProfileQuestion::PartnerType,
                Some("region") => ProfileQuestion::Region,
                Some("program_tier") => ProfileQuestion::ProgramTier,
                Some("side") => ProfileQuestion::Side,
                _ => {
                    let allowed = "partner_function, partner_type, region, program_tier, side";
                    r.error(&join(path, "question"), Finding::NotOneOf { allowed });
                    return None;
                }
            };
            Some(Condition {
                question,
                any_of: r.strings(o, path, "any_of"),
                none_of: r.strings(o, path, "none_of"),
            })
        })
    }
}

/// Reads the survey; `reader.errors` says what was wrong. The result is only meaningful
/// when `reader.broken` is false.
pub fn read_survey(reader: &mut Reader, value: &Value) -> Survey {
    const KEYS: &[&str] = &[
        "format_version",
        "id",
        "version",
        "title",
        "description",
        "scale",
        "ratings",
        "profile",
        "areas",
        "sections",
        "categories",
        "min_group_size",
    ];
    let empty = Object::new();
    let o = reader.object(value, "", KEYS).unwrap_or(&empty);
    Survey {
        format_version: reader.string(o, "", "format_version"),
        id: reader.string(o, "", "id"),
        version: reader.string(o, "", "version"),
        title: reader.text(o, "", "title"),
        description: reader.optional_text(o, "", "description"),
        scale: o
            .get("scale")
            .map_or_else(Scale::default, |v| scale(reader, v)),
        ratings: reader
            .required(o, "", "ratings")
            .map(|v| ratings(reader, v))
            .unwrap_or_else(empty_ratings),
        profile: reader
            .required(o, "", "profile")
            .and_then(|v| profile(reader, v))
            .unwrap_or_else(empty_profile),
        areas: reader.list(o, "", "areas", true, area),
        sections: o
            .get("sections")
            .map(|v| sections(reader, v))
            .unwrap_or_default(),
        categories: o
            .get("categories")
            .map(|v| categories(reader, v))
            .unwrap_or_default(),
        min_group_size: min_group_size(reader, o),
    }
}

/// The anonymity threshold: a whole number from 1 (every group shown) up.
fn min_group_size(r: &mut Reader, o: &Object) -> u32 {
    let default = DEFAULT_MIN_GROUP_SIZE as i32;
    let size = r.whole(o, "", "min_group_size", Some(default));
    match u32::try_from(size) {
        Ok(size) if size >= 1 => size,
        _ => {
            let value = size.to_string();
            r.error("min_group_size", Finding::MinGroupSize { value });
            DEFAULT_MIN_GROUP_SIZE
        }
    }
}

fn scale(r: &mut Reader, value: &Value) -> Scale {
    let path = "scale";
    let Some(o) = r.object(value, path, &["min", "max", "labels", "not_applicable"]) else {
        return Scale::default();
    };
    Scale {
        min: r.whole(o, path, "min", None),
        max: r.whole(o, path, "max", None),
        labels: r.list(o, path, "labels", false, |r, value, path| {
            let o = r.object(value, path, &["value", "text"])?;
            Some(ScaleLabel {
                value: r.whole(o, path, "value", None),
                text: r.text(o, path, "text"),
            })
        }),
        not_applicable: r.flag(o, path, "not_applicable", true),
    }
}

fn empty_ratings() -> Ratings {
    let empty = || RatingPrompt {
        label: Text::default(),
        question: SidedText::default(),
    };
    Ratings {
        importance: empty(),
        performance: empty(),
    }
}

fn ratings(r: &mut Reader, value: &Value) -> Ratings {
    let path = "ratings";
    let Some(o) = r.object(value, path, &["importance", "performance"]) else {
        return empty_ratings();
    };
    let prompt = |r: &mut Reader, key: &str| {
        let path = join(path, key);
        let o = r
            .required(o, "ratings", key)
            .and_then(|v| r.object(v, &path, &["label", "question"]));
        match o {
            Some(o) => RatingPrompt {
                label: r.text(o, &path, "label"),
                question: r.sided(o, &path, "question"),
            },
            None => empty_ratings().importance,
        }
    };
    Ratings {
        importance: prompt(r, "importance"),
        performance: prompt(r, "performance"),
    }
}

fn text_field(r: &mut Reader, object: &Object, path: &str, key: &str) -> TextField {
    let o = r
        .required(object, path, key)
        .and_then(|v| r.object(v, &join(path, key), &["label", "help", "required"]));
    let path = join(path, key);
    match o {
        Some(o) => TextField {
            label: r.text(o, &path, "label"),
            help: r.optional_text(o, &path, "help"),
            required: r.flag(o, &path, "required", false),
        },
        None => TextField {
            label: Text::default(),
            help: Text::default(),
            required: false,
        },
    }
}

fn choice(r: &mut Reader, value: &Value, path: &str) -> Option<Choice> {
    let o = r.object(value, path, &["id", "label"])?;
    Some(Choice {
        id: r.string(o, path, "id"),
        label: r.text(o, path, "label"),
    })
}

fn choice_field(r: &mut Reader, object: &Object, key: &str) -> ChoiceField {
    let path = join("profile", key);
    let o = r
        .required(object, "profile", key)
        .and_then(|v| r.object(v, &path, &["label", "help", "required", "choices"]));
    match o {
        Some(o) => ChoiceField {
            label: r.text(o, &path, "label"),
            help: r.optional_text(o, &path, "help"),
            required: r.flag(o, &path, "required", false),
            choices: r.list(o, &path, "choices", true, choice),
        },
        None => ChoiceField {
            label: Text::default(),
            help: Text::default(),
            required: false,
            choices: Vec::new(),
        },
    }
}

fn empty_profile() -> Profile {
    let text = TextField {
        label: Text::default(),
        help: Text::default(),
        required: false,
    };
    let choices = ChoiceField {
        label: Text::default(),
        help: Text::default(),
        required: false,
        choices: Vec::new(),
    };
    Profile {
        partner_name: text.clone(),
        partner_type: PartnerTypeField {
            label: Text::default(),
            help: Text::default(),
            required: false,
            functions: Vec::new(),
        },
        region: choices.clone(),
        program_tier: choices.clone(),
        side: choices,
        wave: text,
        revenue: None,
    }
}

fn profile(r: &mut Reader, value: &Value) -> Option<Profile> {
    let path = "profile";
    let o = r.object(
        value,
        path,
        &[
            "partner_name",
            "partner_type",
            "region",
            "program_tier",
            "side",
            "wave",
            "revenue",
        ],
    )?;
    let partner_type = {
        let path = "profile.partner_type";
        let types = r
            .required(o, "profile", "partner_type")
            .and_then(|v| r.object(v, path, &["label", "help", "required", "functions"]));
        match types {
            Some(t) => PartnerTypeField {
                label: r.text(t, path, "label"),
                help: r.optional_text(t, path, "help"),
                required: r.flag(t, path, "required", false),
                functions: r.list(t, path, "functions", true, |r, value, path| {
                    let f = r.object(
                        value,
                        path,
                        &["id", "label", "primary_value", "management", "types"],
                    )?;
                    Some(PartnerFunction {
                        id: r.string(f, path, "id"),
                        label: r.text(f, path, "label"),
                        primary_value: r.optional_text(f, path, "primary_value"),
                        management: r.optional_text(f, path, "management"),
                        types: r.list(f, path, "types", true, choice),
                    })
                }),
            },
            None => empty_profile().partner_type,
        }
    };
    let revenue = o.get("revenue").and_then(|value| {
        let path = "profile.revenue";
        let rev = r.object(value, path, &["currency", "current", "potential"])?;
        Some(RevenueFields {
            currency: r.string(rev, path, "currency"),
            current: text_field(r, rev, path, "current"),
            potential: text_field(r, rev, path, "potential"),
        })
    });
    Some(Profile {
        partner_name: text_field(r, o, path, "partner_name"),
        partner_type,
        region: choice_field(r, o, "region"),
        program_tier: choice_field(r, o, "program_tier"),
        side: choice_field(r, o, "side"),
        wave: text_field(r, o, path, "wave"),
        revenue,
    })
}

fn element(r: &mut Reader, value: &Value, path: &str) -> Option<Element> {
    let o = r.object(
        value,
        path,
        &["id", "label", "description", "weight", "show_if"],
    )?;
    Some(Element {
        id: r.string(o, path, "id"),
        label: r.text(o, path, "label"),
        description: r.optional_text(o, path, "description"),
        weight: r.number(o, path, "weight", 1.0),
        show_if: r.conditions(o, path),
    })
}

fn area(r: &mut Reader, value: &Value, path: &str) -> Option<Area> {
    let o = r.object(
        value,
        path,
        &[
            "id",
            "title",
            "description",
            "weight",
            "show_if",
            "elements",
        ],
    )?;
    Some(Area {
        id: r.string(o, path, "id"),
        title: r.text(o, path, "title"),
        description: r.optional_text(o, path, "description"),
        weight: r.number(o, path, "weight", 1.0),
        show_if: r.conditions(o, path),
        elements: r.list(o, path, "elements", true, element),
    })
}

fn item(r: &mut Reader, value: &Value, path: &str) -> Option<Item> {
    let o = r.object(value, path, &["id", "text", "weight"])?;
    Some(Item {
        id: r.string(o, path, "id"),
        text: r.sided(o, path, "text"),
        weight: r.number(o, path, "weight", 1.0),
    })
}

/// A statement answered without a weight: a journey criterion or a maturity process.
fn statement(r: &mut Reader, value: &Value, path: &str) -> Option<Item> {
    let o = r.object(value, path, &["id", "text"])?;
    Some(Item {
        id: r.string(o, path, "id"),
        text: r.sided(o, path, "text"),
        weight: 1.0,
    })
}

/// The title, description and show_if every section has.
fn section_head(r: &mut Reader, o: &Object, path: &str) -> (Text, Text, Vec<Condition>) {
    (
        r.text(o, path, "title"),
        r.optional_text(o, path, "description"),
        r.conditions(o, path),
    )
}

const HEAD: [&str; 3] = ["title", "description", "show_if"];

fn keys<'a>(extra: &[&'a str]) -> Vec<&'a str> {
    HEAD.iter().copied().chain(extra.iter().copied()).collect()
}

fn scored_section(r: &mut Reader, value: &Value, path: &str) -> Option<ScoredSection> {
    let o = r.object(value, path, &keys(&["dimensions"]))?;
    let (title, description, show_if) = section_head(r, o, path);
    Some(ScoredSection {
        title,
        description,
        show_if,
        dimensions: r.list(o, path, "dimensions", true, |r, value, path| {
            let d = r.object(
                value,
                path,
                &["id", "label", "description", "weight", "items"],
            )?;
            Some(Dimension {
                id: r.string(d, path, "id"),
                label: r.text(d, path, "label"),
                description: r.optional_text(d, path, "description"),
                weight: r.number(d, path, "weight", 1.0),
                items: r.list(d, path, "items", true, item),
            })
        }),
    })
}

fn sections(r: &mut Reader, value: &Value) -> Sections {
    let path = "sections";
    let Some(o) = r.object(
        value,
        path,
        &[
            "five_cs",
            "journey",
            "proposition",
            "maturity",
            "principles",
            "overall",
        ],
    ) else {
        return Sections::default();
    };
    let at = |key: &str| join(path, key);
    Sections {
        five_cs: o
            .get("five_cs")
            .and_then(|v| scored_section(r, v, &at("five_cs"))),
        proposition: o
            .get("proposition")
            .and_then(|v| scored_section(r, v, &at("proposition"))),
        journey: o.get("journey").and_then(|v| {
            let path = at("journey");
            let j = r.object(v, &path, &keys(&["phases"]))?;
            let (title, description, show_if) = section_head(r, j, &path);
            Some(JourneySection {
                title,
                description,
                show_if,
                phases: r.list(j, &path, "phases", true, |r, value, path| {
                    let p = r.object(value, path, &["id", "label", "description", "criteria"])?;
                    Some(Phase {
                        id: r.string(p, path, "id"),
                        label: r.text(p, path, "label"),
                        description: r.optional_text(p, path, "description"),
                        criteria: r.list(p, path, "criteria", true, statement),
                    })
                }),
            })
        }),
        maturity: o.get("maturity").and_then(|v| {
            let path = at("maturity");
            let m = r.object(v, &path, &keys(&["levels", "processes"]))?;
            let (title, description, show_if) = section_head(r, m, &path);
            Some(MaturitySection {
                title,
                description,
                show_if,
                levels: r.list(m, &path, "levels", true, choice),
                processes: r.list(m, &path, "processes", true, statement),
            })
        }),
        principles: o.get("principles").and_then(|v| {
            let path = at("principles");
            let p = r.object(v, &path, &keys(&["elements"]))?;
            let (title, description, show_if) = section_head(r, p, &path);
            Some(PrinciplesSection {
                title,
                description,
                show_if,
                elements: r.list(p, &path, "elements", true, element),
            })
        }),
        overall: o.get("overall").and_then(|v| {
            let path = at("overall");
            let o = r.object(v, &path, &keys(&["recommend", "satisfaction"]))?;
            let (title, description, show_if) = section_head(r, o, &path);
            let mut question = |key: &str| {
                let value = o.get(key)?;
                statement(r, value, &join(&path, key))
            };
            Some(OverallSection {
                title,
                description,
                show_if,
                recommend: question("recommend"),
                satisfaction: question("satisfaction"),
            })
        }),
    }
}

fn categories(r: &mut Reader, value: &Value) -> Categories {
    let path = "categories";
    let Some(o) = r.object(value, path, &["by", "bands"]) else {
        return Categories::default();
    };
    match r.required(o, path, "by").map(Value::as_str) {
        Some(Some("partner_type")) => Categories::PartnerType,
        Some(Some("partner_function")) => Categories::PartnerFunction,
        Some(Some("five_cs_score")) => Categories::FiveCsScore {
            bands: r.list(o, path, "bands", true, |r, value, path| {
                let b = r.object(value, path, &["id", "label", "min"])?;
                r.required(b, path, "min");
                Some(Band {
                    id: r.string(b, path, "id"),
                    label: r.text(b, path, "label"),
                    min: r.number(b, path, "min", 0.0),
                })
            }),
        },
        Some(_) => {
            let allowed = "partner_type, partner_function, five_cs_score";
            r.error(&join(path, "by"), Finding::NotOneOf { allowed });
            Categories::default()
        }
        None => Categories::default(),
    }
}
