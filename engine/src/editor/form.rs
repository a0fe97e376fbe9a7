//! The editor form's shape: which parts of a survey file it shows, the fields of each, and the
//! lists they hold. The web page draws its form from this, the problem list finds each
//! problem's field from it, and new entries are made from it, so the three cannot disagree.

use super::draft::Draft;
use serde_json::{json, Map, Value};
use std::collections::HashSet;

/// What a field edits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FieldKind {
    /// A text in every language, one line.
    Text,
    /// A text in every language, a paragraph.
    Long,
    /// A question put to partners and to the vendor: a text under `partner` and one under
    /// `vendor`.
    Side,
    /// A string such as an id.
    Word,
    /// A whole number, such as a scale point.
    Whole,
    /// A number, such as a weight.
    Number,
    /// Yes or no.
    Flag,
    /// The `show_if` conditions, chosen with pickers.
    Audience,
    /// How partners are grouped for ranking: by type, by function, or in bands of the
    /// five-Cs score.
    Grouping,
}

/// One field of a part: its key and kind.
#[derive(Debug)]
pub struct Field {
    pub key: &'static str,
    pub kind: FieldKind,
}

/// What a part of the survey is, for the words the page gives it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Noun {
    Survey,
    Scale,
    Point,
    Ratings,
    Importance,
    Performance,
    Profile,
    Question,
    Revenue,
    Choice,
    /// A partner type, a choice under a partner function.
    Type,
    Function,
    Area,
    Element,
    Sections,
    FiveCs,
    Proposition,
    Journey,
    Maturity,
    Principles,
    Dimension,
    Statement,
    Phase,
    Criterion,
    Level,
    Process,
    Principle,
    Overall,
    Recommend,
    Satisfaction,
    Categories,
    Band,
}

/// One part of the survey (the survey itself, a section, an area, a choice): its fields, the
/// lists of entries it holds and the parts under fixed keys.
#[derive(Debug)]
pub struct Shape {
    pub noun: Noun,
    pub fields: &'static [Field],
    pub lists: &'static [(&'static str, &'static Shape)],
    pub parts: &'static [(&'static str, &'static Shape)],
    /// Whether a survey may leave this part out (a section, the categories).
    pub optional: bool,
}

const fn field(key: &'static str, kind: FieldKind) -> Field {
    Field { key, kind }
}

const fn shape(noun: Noun, fields: &'static [Field]) -> Shape {
    Shape {
        noun,
        fields,
        lists: &[],
        parts: &[],
        optional: false,
    }
}

use FieldKind::*;

const ID: Field = field("id", Word);
const LABEL: Field = field("label", Text);
const DESCRIPTION: Field = field("description", Long);
const WEIGHT: Field = field("weight", Number);
const SHOW_IF: Field = field("show_if", Audience);
const SIDE_TEXT: Field = field("text", Side);

pub static POINT: Shape = shape(Noun::Point, &[field("value", Whole), field("text", Text)]);
pub static SCALE: Shape = Shape {
    lists: &[("labels", &POINT)],
    ..shape(
        Noun::Scale,
        &[
            field("min", Whole),
            field("max", Whole),
            field("not_applicable", Flag),
        ],
    )
};
pub static IMPORTANCE: Shape = shape(Noun::Importance, &[LABEL, field("question", Side)]);
pub static PERFORMANCE: Shape = shape(Noun::Performance, &[LABEL, field("question", Side)]);
pub static RATINGS: Shape = Shape {
    parts: &[("importance", &IMPORTANCE), ("performance", &PERFORMANCE)],
    ..shape(Noun::Ratings, &[])
};

pub static CHOICE: Shape = shape(Noun::Choice, &[LABEL, ID]);
pub static TYPE: Shape = shape(Noun::Type, &[LABEL, ID]);
pub static FUNCTION: Shape = Shape {
    lists: &[("types", &TYPE)],
    ..shape(
        Noun::Function,
        &[
            LABEL,
            field("primary_value", Text),
            field("management", Long),
            ID,
        ],
    )
};
const QUESTION_FIELDS: &[Field] = &[
    field("label", Text),
    field("help", Long),
    field("required", Flag),
];
/// A question answered in words (the company name, the wave); the side's two choices are
/// fixed, so only its wording is edited here (its choices' texts are in the translation grid).
pub static TEXT_QUESTION: Shape = shape(Noun::Question, QUESTION_FIELDS);
pub static CHOICE_QUESTION: Shape = Shape {
    lists: &[("choices", &CHOICE)],
    ..shape(Noun::Question, QUESTION_FIELDS)
};
pub static TYPE_QUESTION: Shape = Shape {
    lists: &[("functions", &FUNCTION)],
    ..shape(Noun::Question, QUESTION_FIELDS)
};
pub static AMOUNT: Shape = shape(Noun::Question, &[field("label", Text), field("help", Long)]);
pub static REVENUE: Shape = Shape {
    parts: &[("current", &AMOUNT), ("potential", &AMOUNT)],
    optional: true,
    ..shape(Noun::Revenue, &[field("currency", Word)])
};
pub static PROFILE: Shape = Shape {
    parts: &[
        ("partner_name", &TEXT_QUESTION),
        ("partner_type", &TYPE_QUESTION),
        ("region", &CHOICE_QUESTION),
        ("program_tier", &CHOICE_QUESTION),
        ("side", &TEXT_QUESTION),
        ("wave", &TEXT_QUESTION),
        ("revenue", &REVENUE),
    ],
    ..shape(Noun::Profile, &[])
};

pub static ELEMENT: Shape = shape(Noun::Element, &[LABEL, DESCRIPTION, ID, WEIGHT, SHOW_IF]);
pub static AREA: Shape = Shape {
    lists: &[("elements", &ELEMENT)],
    ..shape(
        Noun::Area,
        &[field("title", Text), DESCRIPTION, ID, WEIGHT, SHOW_IF],
    )
};

const SECTION_HEAD: &[Field] = &[field("title", Text), DESCRIPTION, SHOW_IF];
const fn section(noun: Noun, lists: &'static [(&'static str, &'static Shape)]) -> Shape {
    Shape {
        lists,
        optional: true,
        ..shape(noun, SECTION_HEAD)
    }
}
pub static STATEMENT: Shape = shape(Noun::Statement, &[SIDE_TEXT, ID, WEIGHT]);
pub static DIMENSION: Shape = Shape {
    lists: &[("items", &STATEMENT)],
    ..shape(Noun::Dimension, &[LABEL, DESCRIPTION, ID, WEIGHT])
};
pub static CRITERION: Shape = shape(Noun::Criterion, &[SIDE_TEXT, ID]);
pub static PHASE: Shape = Shape {
    lists: &[("criteria", &CRITERION)],
    ..shape(Noun::Phase, &[LABEL, DESCRIPTION, ID])
};
pub static LEVEL: Shape = shape(Noun::Level, &[LABEL, ID]);
pub static PROCESS: Shape = shape(Noun::Process, &[SIDE_TEXT, ID]);
pub static PRINCIPLE: Shape = shape(Noun::Principle, &[LABEL, DESCRIPTION, ID, WEIGHT, SHOW_IF]);
pub static FIVE_CS: Shape = section(Noun::FiveCs, &[("dimensions", &DIMENSION)]);
pub static PROPOSITION: Shape = section(Noun::Proposition, &[("dimensions", &DIMENSION)]);
pub static JOURNEY: Shape = section(Noun::Journey, &[("phases", &PHASE)]);
pub static MATURITY: Shape = section(
    Noun::Maturity,
    &[("levels", &LEVEL), ("processes", &PROCESS)],
);
pub static PRINCIPLES: Shape = section(Noun::Principles, &[("elements", &PRINCIPLE)]);
pub static RECOMMEND: Shape = shape(Noun::Recommend, &[SIDE_TEXT, ID]);
pub static SATISFACTION: Shape = shape(Noun::Satisfaction, &[SIDE_TEXT, ID]);
/// Both questions come with the section; a file may hold either alone.
pub static OVERALL: Shape = Shape {
    parts: &[("recommend", &RECOMMEND), ("satisfaction", &SATISFACTION)],
    ..section(Noun::Overall, &[])
};
pub static SECTIONS: Shape = Shape {
    parts: &[
        ("five_cs", &FIVE_CS),
        ("proposition", &PROPOSITION),
        ("journey", &JOURNEY),
        ("maturity", &MATURITY),
        ("principles", &PRINCIPLES),
        ("overall", &OVERALL),
    ],
    ..shape(Noun::Sections, &[])
};

pub static BAND: Shape = shape(Noun::Band, &[LABEL, ID, field("min", Number)]);
/// A survey without categories groups partners by type, so the form always shows them.
pub static CATEGORIES: Shape = Shape {
    lists: &[("bands", &BAND)],
    ..shape(Noun::Categories, &[field("by", Grouping)])
};

/// The whole survey.
pub static SURVEY: Shape = Shape {
    lists: &[("areas", &AREA)],
    parts: &[
        ("scale", &SCALE),
        ("ratings", &RATINGS),
        ("profile", &PROFILE),
        ("sections", &SECTIONS),
        ("categories", &CATEGORIES),
    ],
    ..shape(
        Noun::Survey,
        &[
            field("id", Word),
            field("version", Word),
            field("title", Text),
            DESCRIPTION,
            field("min_group_size", Whole),
        ],
    )
};

/// `at` one key further down, written as the survey reader names places.
fn join(at: &str, key: &str) -> String {
    if at.is_empty() {
        key.to_owned()
    } else {
        format!("{at}.{key}")
    }
}

impl Shape {
    /// The field that names an entry of this shape: its first text.
    pub fn name_field(&self) -> Option<&'static Field> {
        self.fields
            .iter()
            .find(|f| matches!(f.kind, Text | Long | Side))
    }

    /// Where the English text of that field sits in an entry: `label.en`, or
    /// `text.partner.en` for a question.
    pub fn name_pointer(&self) -> Option<String> {
        self.name_field().map(|f| match f.kind {
            Side => format!("/{}/partner/en", f.key),
            _ => format!("/{}/en", f.key),
        })
    }

    /// Adds the places of this part at `at` (holding `value`) and of everything in it.
    fn places(&self, places: &mut HashSet<String>, at: &str, value: &Value) {
        places.insert(at.to_owned());
        for f in self.fields {
            let here = join(at, f.key);
            if f.kind == Side {
                places.insert(join(&here, "partner"));
                places.insert(join(&here, "vendor"));
            } else {
                places.insert(here);
            }
        }
        for (key, entry) in self.lists {
            let list = join(at, key);
            if let Some(entries) = value.get(key).and_then(Value::as_array) {
                for (i, item) in entries.iter().enumerate() {
                    entry.places(places, &format!("{list}[{i}]"), item);
                }
            }
            places.insert(list);
        }
        for (key, part) in self.parts {
            part.places(
                places,
                &join(at, key),
                value.get(key).unwrap_or(&Value::Null),
            );
        }
    }

    /// A new part of this shape, its name in English given by `name`: an id made from that
    /// name, unlike any in `draft`, one new entry in each of its lists, as every list needs
    /// one, and the parts it must have. A scale point takes the point after `after`.
    pub fn new_entry(&self, draft: &Draft, name: &dyn Fn(Noun) -> String, after: i64) -> Value {
        self.make(draft, name, after, &mut HashSet::new())
    }

    fn make(
        &self,
        draft: &Draft,
        name: &dyn Fn(Noun) -> String,
        after: i64,
        made: &mut HashSet<String>,
    ) -> Value {
        let text = name(self.noun);
        let name_key = self.name_field().map(|f| f.key);
        let mut entry = Map::new();
        for f in self.fields {
            let value = match (f.key, f.kind) {
                ("id", _) => {
                    let mut id = draft.new_id(&text);
                    let mut n = 2;
                    while made.contains(&id) {
                        id = draft.new_id(&format!("{text} {n}"));
                        n += 1;
                    }
                    made.insert(id.clone());
                    json!(id)
                }
                ("value", Whole) => json!(after.saturating_add(1)),
                (key, Side) if Some(key) == name_key => json!({"partner": {"en": text}}),
                (key, _) if Some(key) == name_key => json!({"en": text}),
                _ => continue,
            };
            entry.insert(f.key.to_owned(), value);
        }
        for (key, child) in self.lists {
            entry.insert(
                (*key).to_owned(),
                json!([child.make(draft, name, after, made)]),
            );
        }
        for (key, part) in self.parts.iter().filter(|(_, part)| !part.optional) {
            entry.insert((*key).to_owned(), part.make(draft, name, after, made));
        }
        Value::Object(entry)
    }
}

/// Every place of `survey` that the form shows: its fields and the parts around them ("" is
/// the survey as a whole).
pub fn form_places(survey: &Value) -> HashSet<String> {
    let mut places = HashSet::new();
    SURVEY.places(&mut places, "", survey);
    places
}

#[cfg(test)]
mod tests {
    use super::*;

    fn english(noun: Noun) -> String {
        format!("New {noun:?}")
    }

    #[test]
    fn a_new_section_starts_with_one_entry_in_each_list_and_ids_from_their_names() {
        let draft = Draft::open(json!({"areas": [{"id": "new-dimension"}]}), "s.json");
        let section = FIVE_CS.new_entry(&draft, &english, 0);
        assert_eq!(
            section,
            json!({
                "title": {"en": "New FiveCs"},
                "dimensions": [{
                    "label": {"en": "New Dimension"},
                    "id": "new-dimension-2",
                    "items": [{"text": {"partner": {"en": "New Statement"}}, "id": "new-statement"}]
                }]
            })
        );
        let maturity = MATURITY.new_entry(&draft, &english, 0);
        assert_eq!(maturity["levels"][0]["id"], "new-level");
        assert_eq!(maturity["processes"][0]["id"], "new-process");
    }

    #[test]
    fn new_revenue_questions_come_with_their_two_amounts() {
        let draft = Draft::open(json!({}), "s.json");
        assert_eq!(
            REVENUE.new_entry(&draft, &english, 0),
            json!({
                "current": {"label": {"en": "New Question"}},
                "potential": {"label": {"en": "New Question"}}
            })
        );
    }

    #[test]
    fn a_new_scale_point_is_the_one_after_the_last() {
        let draft = Draft::open(json!({}), "s.json");
        assert_eq!(
            POINT.new_entry(&draft, &english, 5),
            json!({"value": 6, "text": {"en": "New Point"}})
        );
    }

    #[test]
    fn an_entry_is_named_by_its_first_text() {
        assert_eq!(AREA.name_pointer().as_deref(), Some("/title/en"));
        assert_eq!(
            CRITERION.name_pointer().as_deref(),
            Some("/text/partner/en")
        );
        assert_eq!(POINT.name_pointer().as_deref(), Some("/text/en"));
        assert_eq!(SURVEY.name_pointer().as_deref(), Some("/title/en"));
    }

    #[test]
    fn the_default_surveys_every_text_has_a_place_of_its_own() {
        let text = include_str!("../../../web/public/surveys/partner-experience.json");
        let survey: Value = serde_json::from_str(text).unwrap();
        let places = form_places(&survey);
        for place in [
            "sections.five_cs.dimensions[4].items[0].text.partner",
            "sections.journey.phases[1].criteria[1].text.vendor",
            "sections.maturity.levels[2].label",
            "sections.principles.elements[0].show_if",
            "ratings.importance.question.vendor",
            "scale.labels[4].text",
            "categories.by",
            "areas[6].elements[2].weight",
        ] {
            assert!(places.contains(place), "{place}");
        }
    }
}
