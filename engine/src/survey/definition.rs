//! The survey definition: what a vendor writes in its survey JSON (docs/survey-format.md).
//!
//! These types only describe the file. `load::load_survey` is the one way to get a
//! `Survey` from bytes, because it also validates what serde cannot check.

use crate::survey::text::{Side, SidedText, Text};
use serde::Serialize;

/// The format major version this app reads, and the newest minor version it knows.
pub const FORMAT_MAJOR: u32 = 1;
pub const FORMAT_MINOR: u32 = 1;

fn is_default_weight(weight: &f64) -> bool {
    *weight == 1.0
}

/// The fewest partners' responses any reported group of the dashboard may hold, unless the
/// survey says otherwise (format 1.1).
pub const DEFAULT_MIN_GROUP_SIZE: u32 = 5;

fn is_default_min_group_size(size: &u32) -> bool {
    *size == DEFAULT_MIN_GROUP_SIZE
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Survey {
    /// "major.minor" of this file format, e.g. "1.0".
    pub format_version: String,
    pub id: String,
    /// The vendor's own version label for this survey, e.g. "2026.1".
    pub version: String,
    pub title: Text,
    #[serde(skip_serializing_if = "Text::is_empty")]
    pub description: Text,
    pub scale: Scale,
    /// The two ratings every element gets.
    pub ratings: Ratings,
    pub profile: Profile,
    pub areas: Vec<Area>,
    pub sections: Sections,
    pub categories: Categories,
    /// The dashboard shows no numbers of a group with fewer partners' responses than this.
    #[serde(skip_serializing_if = "is_default_min_group_size")]
    pub min_group_size: u32,
}

/// The rating scale shared by elements and items: whole numbers from `min` to `max`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Scale {
    pub min: i32,
    pub max: i32,
    /// Labels for some or all points, e.g. the two ends.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub labels: Vec<ScaleLabel>,
    /// Whether "not applicable" is offered for elements.
    pub not_applicable: bool,
}

impl Default for Scale {
    fn default() -> Self {
        Scale {
            min: 1,
            max: 5,
            labels: Vec::new(),
            not_applicable: true,
        }
    }
}

impl Scale {
    /// Every point of the scale, lowest first.
    pub fn points(&self) -> impl Iterator<Item = i32> {
        self.min..=self.max
    }

    pub fn contains(&self, value: i32) -> bool {
        (self.min..=self.max).contains(&value)
    }

    pub fn label(&self, value: i32) -> Option<&Text> {
        self.labels
            .iter()
            .find(|label| label.value == value)
            .map(|label| &label.text)
    }
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ScaleLabel {
    pub value: i32,
    pub text: Text,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Ratings {
    pub importance: RatingPrompt,
    pub performance: RatingPrompt,
}

/// How one of the two ratings is named and asked.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RatingPrompt {
    /// Short name, used in accessible names such as "Training — importance".
    pub label: Text,
    pub question: SidedText,
}

/// The profile page: who is answering. Fixed fields, because scoring groups by them.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Profile {
    pub partner_name: TextField,
    pub partner_type: PartnerTypeField,
    pub region: ChoiceField,
    pub program_tier: ChoiceField,
    pub side: ChoiceField,
    pub wave: TextField,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub revenue: Option<RevenueFields>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TextField {
    pub label: Text,
    #[serde(skip_serializing_if = "Text::is_empty")]
    pub help: Text,
    pub required: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ChoiceField {
    pub label: Text,
    #[serde(skip_serializing_if = "Text::is_empty")]
    pub help: Text,
    pub required: bool,
    pub choices: Vec<Choice>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Choice {
    pub id: String,
    pub label: Text,
}

/// Partner type, chosen within a function (domain.md section 6).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PartnerTypeField {
    pub label: Text,
    #[serde(skip_serializing_if = "Text::is_empty")]
    pub help: Text,
    pub required: bool,
    pub functions: Vec<PartnerFunction>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PartnerFunction {
    pub id: String,
    pub label: Text,
    /// The value this function brings, e.g. "drive revenue directly".
    #[serde(skip_serializing_if = "Text::is_empty")]
    pub primary_value: Text,
    /// How partners of this function are usually managed.
    #[serde(skip_serializing_if = "Text::is_empty")]
    pub management: Text,
    pub types: Vec<Choice>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RevenueFields {
    /// ISO 4217 code the amounts are in, e.g. "USD".
    pub currency: String,
    pub current: TextField,
    pub potential: TextField,
}

/// An area of the partner management model, e.g. Enable.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Area {
    pub id: String,
    pub title: Text,
    #[serde(skip_serializing_if = "Text::is_empty")]
    pub description: Text,
    #[serde(skip_serializing_if = "is_default_weight")]
    pub weight: f64,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub show_if: Vec<Condition>,
    pub elements: Vec<Element>,
}

/// One thing the vendor presents to partners, rated for importance and performance.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Element {
    pub id: String,
    pub label: Text,
    #[serde(skip_serializing_if = "Text::is_empty")]
    pub description: Text,
    #[serde(skip_serializing_if = "is_default_weight")]
    pub weight: f64,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub show_if: Vec<Condition>,
}

/// Shows a part of the survey only when a profile answer is one of `any_of`
/// (or none of `none_of`). A list of conditions must all hold.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Condition {
    pub question: ProfileQuestion,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub any_of: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub none_of: Vec<String>,
}

/// The profile questions a `show_if` may look at.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ProfileQuestion {
    PartnerFunction,
    PartnerType,
    Region,
    ProgramTier,
    Side,
}

/// The optional sections, each scored on its own.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Sections {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub five_cs: Option<ScoredSection>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub journey: Option<JourneySection>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub proposition: Option<ScoredSection>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub maturity: Option<MaturitySection>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub principles: Option<PrinciplesSection>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub overall: Option<OverallSection>,
}

/// The overall verdict (format 1.1): how likely the partner is to recommend the program, on
/// 0 to 10 (the Net Promoter question), and its overall satisfaction on the survey scale.
/// The dashboard reports the NPS and each element's derived importance from these.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct OverallSection {
    pub title: Text,
    #[serde(skip_serializing_if = "Text::is_empty")]
    pub description: Text,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub show_if: Vec<Condition>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub recommend: Option<Item>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub satisfaction: Option<Item>,
}

/// The recommendation question's answers run from 0 to 10, whatever the survey's scale.
pub const RECOMMEND_MAX: i32 = 10;

/// Dimensions of weighted items rated on the survey scale: the five Cs, the business proposition.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ScoredSection {
    pub title: Text,
    #[serde(skip_serializing_if = "Text::is_empty")]
    pub description: Text,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub show_if: Vec<Condition>,
    pub dimensions: Vec<Dimension>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Dimension {
    pub id: String,
    pub label: Text,
    #[serde(skip_serializing_if = "Text::is_empty")]
    pub description: Text,
    #[serde(skip_serializing_if = "is_default_weight")]
    pub weight: f64,
    pub items: Vec<Item>,
}

/// A statement answered on the survey scale (or yes/no in the journey section).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Item {
    pub id: String,
    pub text: SidedText,
    #[serde(skip_serializing_if = "is_default_weight")]
    pub weight: f64,
}

/// The partner journey: phases in order, each with yes/no criteria.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct JourneySection {
    pub title: Text,
    #[serde(skip_serializing_if = "Text::is_empty")]
    pub description: Text,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub show_if: Vec<Condition>,
    pub phases: Vec<Phase>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Phase {
    pub id: String,
    pub label: Text,
    #[serde(skip_serializing_if = "Text::is_empty")]
    pub description: Text,
    pub criteria: Vec<Item>,
}

/// Channel-operations processes, each rated on an ordered list of maturity levels.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct MaturitySection {
    pub title: Text,
    #[serde(skip_serializing_if = "Text::is_empty")]
    pub description: Text,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub show_if: Vec<Condition>,
    pub levels: Vec<Choice>,
    pub processes: Vec<Item>,
}

/// Program principles, rated for importance and performance like elements.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PrinciplesSection {
    pub title: Text,
    #[serde(skip_serializing_if = "Text::is_empty")]
    pub description: Text,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub show_if: Vec<Condition>,
    pub elements: Vec<Element>,
}

/// How partners are grouped for ranking. The word "tier" is kept for `program_tier`.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[serde(tag = "by", rename_all = "snake_case")]
pub enum Categories {
    #[default]
    PartnerType,
    PartnerFunction,
    /// Bands of the overall five-Cs score; a partner falls in the highest band whose `min` it reaches.
    FiveCsScore {
        bands: Vec<Band>,
    },
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Band {
    pub id: String,
    pub label: Text,
    /// Lowest overall five-Cs score (0-100) in this band.
    pub min: f64,
}

/// The profile answers a `show_if` looks at.
#[derive(Clone, Copy, Debug, Default)]
pub struct ProfileFacts<'a> {
    pub partner_function: Option<&'a str>,
    pub partner_type: Option<&'a str>,
    pub region: Option<&'a str>,
    pub program_tier: Option<&'a str>,
    pub side: Option<Side>,
}

impl Condition {
    /// An unanswered question hides nothing that is shown by default, and shows nothing gated on `any_of`.
    pub fn holds(&self, facts: &ProfileFacts) -> bool {
        let answer = match self.question {
            ProfileQuestion::PartnerFunction => facts.partner_function,
            ProfileQuestion::PartnerType => facts.partner_type,
            ProfileQuestion::Region => facts.region,
            ProfileQuestion::ProgramTier => facts.program_tier,
            ProfileQuestion::Side => facts.side.map(Side::id),
        };
        let listed = |ids: &[String]| answer.is_some_and(|a| ids.iter().any(|id| id == a));
        (self.any_of.is_empty() || listed(&self.any_of)) && !listed(&self.none_of)
    }
}

/// True when every condition holds (an empty list always does).
pub fn visible(conditions: &[Condition], facts: &ProfileFacts) -> bool {
    conditions.iter().all(|condition| condition.holds(facts))
}

impl Survey {
    /// The function a partner type belongs to.
    pub fn function_of(&self, type_id: &str) -> Option<&PartnerFunction> {
        self.profile
            .partner_type
            .functions
            .iter()
            .find(|function| function.types.iter().any(|t| t.id == type_id))
    }

    /// All elements of the model, in survey order, with their area.
    pub fn elements(&self) -> impl Iterator<Item = (&Area, &Element)> {
        self.areas
            .iter()
            .flat_map(|area| area.elements.iter().map(move |element| (area, element)))
    }

    /// Every element rated for importance and performance: the model's, then the principles.
    pub fn rated_elements(&self) -> impl Iterator<Item = &Element> {
        self.areas
            .iter()
            .flat_map(|area| &area.elements)
            .chain(self.sections.principles.iter().flat_map(|p| &p.elements))
    }

    /// The statements rated on the survey scale: the five Cs' items, then the proposition's.
    pub fn scored_items(&self) -> impl Iterator<Item = &Item> {
        [&self.sections.five_cs, &self.sections.proposition]
            .into_iter()
            .flatten()
            .flat_map(|section| &section.dimensions)
            .flat_map(|dimension| &dimension.items)
    }

    /// The overall section's questions: the recommendation (0-10), then the satisfaction.
    pub fn overall_items(&self) -> impl Iterator<Item = &Item> {
        self.sections
            .overall
            .iter()
            .flat_map(|o| o.recommend.iter().chain(&o.satisfaction))
    }

    /// The recommendation question's id, whose answers are 0 to 10.
    pub fn recommend_id(&self) -> Option<&str> {
        let overall = self.sections.overall.as_ref()?;
        overall.recommend.as_ref().map(|item| item.id.as_str())
    }

    /// The points a scale-like answer to `item` may take: 0-10 for the recommendation, else
    /// the survey's scale.
    pub fn item_range(&self, item: &str) -> (i32, i32) {
        if self.recommend_id() == Some(item) {
            (0, RECOMMEND_MAX)
        } else {
            (self.scale.min, self.scale.max)
        }
    }

    /// The journey's yes/no criteria, phase by phase.
    pub fn criteria(&self) -> impl Iterator<Item = &Item> {
        self.sections
            .journey
            .iter()
            .flat_map(|journey| &journey.phases)
            .flat_map(|phase| &phase.criteria)
    }

    /// The channel-operations processes rated on the maturity levels.
    pub fn processes(&self) -> impl Iterator<Item = &Item> {
        self.sections
            .maturity
            .iter()
            .flat_map(|maturity| &maturity.processes)
    }

    /// Everything a respondent can answer: elements, section items, criteria, processes and
    /// principles.
    pub fn item_count(&self) -> usize {
        self.rated_elements().count()
            + self.scored_items().count()
            + self.criteria().count()
            + self.processes().count()
    }

    /// Every locale that the survey's title is written in, English first.
    pub fn locales(&self) -> Vec<String> {
        let mut locales: Vec<String> = self.title.locales().map(str::to_owned).collect();
        locales.sort_by_key(|locale| {
            (
                locale != crate::survey::text::FALLBACK_LOCALE,
                locale.clone(),
            )
        });
        locales
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn condition(question: ProfileQuestion, any_of: &[&str], none_of: &[&str]) -> Condition {
        Condition {
            question,
            any_of: any_of.iter().map(|s| s.to_string()).collect(),
            none_of: none_of.iter().map(|s| s.to_string()).collect(),
        }
    }

    #[test]
    fn influencers_are_not_asked_about_ordering() {
        let not_influencer = condition(ProfileQuestion::PartnerFunction, &[], &["influencer"]);
        let influencer = ProfileFacts {
            partner_function: Some("influencer"),
            ..Default::default()
        };
        let reseller = ProfileFacts {
            partner_function: Some("sales"),
            ..Default::default()
        };
        assert!(!not_influencer.holds(&influencer));
        assert!(not_influencer.holds(&reseller));
        assert!(not_influencer.holds(&ProfileFacts::default()));
    }

    #[test]
    fn any_of_needs_an_answer_in_the_list() {
        let vendor_only = condition(ProfileQuestion::Side, &["vendor"], &[]);
        let vendor = ProfileFacts {
            side: Some(Side::Vendor),
            ..Default::default()
        };
        assert!(vendor_only.holds(&vendor));
        assert!(!vendor_only.holds(&ProfileFacts::default()));
        let both = [
            vendor_only,
            condition(ProfileQuestion::Region, &["emea", "apac"], &[]),
        ];
        assert!(!visible(&both, &vendor));
        let vendor_in_apac = ProfileFacts {
            region: Some("apac"),
            ..vendor
        };
        assert!(visible(&both, &vendor_in_apac));
        assert!(visible(&[], &ProfileFacts::default()));
    }

    #[test]
    fn scale_points_cover_both_ends() {
        let scale = Scale {
            min: 0,
            max: 10,
            ..Scale::default()
        };
        assert_eq!(scale.points().count(), 11);
        assert!(scale.contains(0) && scale.contains(10) && !scale.contains(11));
    }
}
