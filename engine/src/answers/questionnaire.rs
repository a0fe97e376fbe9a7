//! The questionnaire's structure for one respondent: which pages and questions are shown
//! (after `show_if`), what is answered, and what a required profile field still lacks.
//! The UI renders this; it decides nothing itself.

use crate::answers::response::Response;
use crate::survey::definition::{
    visible, Condition, Element, Item, ProfileFacts, Scale, Survey, RECOMMEND_MAX,
};
use crate::survey::text::{Side, Text};

/// One page of the questionnaire.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Page {
    Profile,
    /// An area of the model, by index into `survey.areas`.
    Area(usize),
    FiveCs,
    Proposition,
    Journey,
    Maturity,
    Principles,
    Overall,
    Review,
}

impl Page {
    /// The page's name in the browser's history ("profile", "area-2", "review").
    pub fn key(self) -> String {
        match self {
            Page::Profile => "profile".into(),
            Page::Area(index) => format!("area-{index}"),
            Page::FiveCs => "five-cs".into(),
            Page::Proposition => "proposition".into(),
            Page::Journey => "journey".into(),
            Page::Maturity => "maturity".into(),
            Page::Principles => "principles".into(),
            Page::Overall => "overall".into(),
            Page::Review => "review".into(),
        }
    }

    /// The page a `key` names; None for anything else.
    pub fn from_key(key: &str) -> Option<Page> {
        Some(match key {
            "profile" => Page::Profile,
            "five-cs" => Page::FiveCs,
            "proposition" => Page::Proposition,
            "journey" => Page::Journey,
            "maturity" => Page::Maturity,
            "principles" => Page::Principles,
            "overall" => Page::Overall,
            "review" => Page::Review,
            _ => {
                let index = key.strip_prefix("area-")?;
                // Digits only, as `key` writes them ("+1" and "01" are not keys).
                if index.is_empty() || index.len() > 4 || !index.bytes().all(|b| b.is_ascii_digit())
                {
                    return None;
                }
                Page::Area(index.parse().ok()?)
            }
        })
    }
}

/// Where a partner was, as an entry of the browser's history keeps it, so that Back and
/// Forward return there: the list of assessments, or one page of one assessment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Place {
    List,
    Page { assessment: String, page: Page },
}

impl Place {
    /// The entry's state: "list", or "page:<page key>:<assessment id>".
    pub fn to_state(&self) -> String {
        match self {
            Place::List => "list".into(),
            Place::Page { assessment, page } => format!("page:{}:{assessment}", page.key()),
        }
    }

    /// The place a history entry's state names; None for another page's or a damaged state.
    pub fn from_state(state: &str) -> Option<Place> {
        if state == "list" {
            return Some(Place::List);
        }
        // An id is at most a few dozen characters; anything longer is not ours.
        let (key, assessment) = state.strip_prefix("page:")?.split_once(':')?;
        if assessment.is_empty() || assessment.len() > 128 {
            return None;
        }
        let page = Page::from_key(key)?;
        let assessment = assessment.to_owned();
        Some(Place::Page { assessment, page })
    }
}

/// A profile field a respondent fills in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ProfileField {
    PartnerName,
    PartnerType,
    Region,
    ProgramTier,
    Side,
    Wave,
}

impl ProfileField {
    pub const ALL: [ProfileField; 6] = [
        ProfileField::PartnerName,
        ProfileField::PartnerType,
        ProfileField::Region,
        ProfileField::ProgramTier,
        ProfileField::Side,
        ProfileField::Wave,
    ];

    /// The DOM id of the field's input, also the anchor the review links to.
    pub fn anchor(self) -> &'static str {
        match self {
            ProfileField::PartnerName => "profile-partner-name",
            ProfileField::PartnerType => "profile-partner-type",
            ProfileField::Region => "profile-region",
            ProfileField::ProgramTier => "profile-program-tier",
            ProfileField::Side => "profile-side",
            ProfileField::Wave => "profile-wave",
        }
    }

    /// The field's label in the survey.
    pub fn label(self, survey: &Survey) -> &Text {
        let profile = &survey.profile;
        match self {
            ProfileField::PartnerName => &profile.partner_name.label,
            ProfileField::PartnerType => &profile.partner_type.label,
            ProfileField::Region => &profile.region.label,
            ProfileField::ProgramTier => &profile.program_tier.label,
            ProfileField::Side => &profile.side.label,
            ProfileField::Wave => &profile.wave.label,
        }
    }

    pub fn required(self, survey: &Survey) -> bool {
        let profile = &survey.profile;
        match self {
            ProfileField::PartnerName => profile.partner_name.required,
            ProfileField::PartnerType => profile.partner_type.required,
            ProfileField::Region => profile.region.required,
            ProfileField::ProgramTier => profile.program_tier.required,
            ProfileField::Side => profile.side.required,
            ProfileField::Wave => profile.wave.required,
        }
    }

    pub fn answered(self, response: &Response) -> bool {
        let profile = &response.profile;
        match self {
            ProfileField::PartnerName => !profile.partner_name.trim().is_empty(),
            ProfileField::PartnerType => profile.partner_type.is_some(),
            ProfileField::Region => profile.region.is_some(),
            ProfileField::ProgramTier => profile.program_tier.is_some(),
            ProfileField::Side => profile.side.is_some(),
            ProfileField::Wave => !profile.wave.trim().is_empty(),
        }
    }
}

/// Required profile fields left empty, in page order.
pub fn missing_profile(survey: &Survey, response: &Response) -> Vec<ProfileField> {
    ProfileField::ALL
        .into_iter()
        .filter(|field| field.required(survey) && !field.answered(response))
        .collect()
}

/// The pages this respondent sees, in order: the profile first, the review last.
pub fn pages(survey: &Survey, response: &Response) -> Vec<Page> {
    let facts = response.facts(survey);
    let shown = |conditions: &[Condition]| visible(conditions, &facts);
    let mut pages = vec![Page::Profile];
    pages.extend(
        survey
            .areas
            .iter()
            .enumerate()
            .filter(|(_, area)| {
                shown(&area.show_if) && area.elements.iter().any(|e| shown(&e.show_if))
            })
            .map(|(a, _)| Page::Area(a)),
    );
    let sections = &survey.sections;
    let optional = [
        (sections.five_cs.as_ref().map(|s| &s.show_if), Page::FiveCs),
        (
            sections.proposition.as_ref().map(|s| &s.show_if),
            Page::Proposition,
        ),
        (sections.journey.as_ref().map(|s| &s.show_if), Page::Journey),
        (
            sections.maturity.as_ref().map(|s| &s.show_if),
            Page::Maturity,
        ),
        (
            sections.principles.as_ref().map(|s| &s.show_if),
            Page::Principles,
        ),
        (sections.overall.as_ref().map(|s| &s.show_if), Page::Overall),
    ];
    pages.extend(
        optional
            .into_iter()
            .filter(|(conditions, _)| conditions.is_some_and(|c| shown(c)))
            .map(|(_, page)| page),
    );
    pages.push(Page::Review);
    pages
}

/// One answerable question shown to this respondent.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Question {
    pub page: Page,
    /// The id the answer is keyed by (an element, item, criterion or process id), or the
    /// profile field's anchor.
    pub id: String,
    /// For an element: how many of its two ratings are given (2 when not applicable).
    /// For anything else: 1 when answered.
    pub answered: usize,
    /// 2 for an element (importance and performance), else 1.
    pub parts: usize,
}

impl Question {
    /// The DOM id to link to and focus.
    pub fn anchor(&self) -> String {
        if self.page == Page::Profile {
            self.id.clone()
        } else {
            question_anchor(&self.id)
        }
    }

    pub fn is_complete(&self) -> bool {
        self.answered >= self.parts
    }
}

/// Where a returning respondent picks up: the page of the first open question, else the review.
pub fn resume_page(questions: &[Question]) -> Page {
    questions
        .iter()
        .find(|q| !q.is_complete())
        .map_or(Page::Review, |q| q.page)
}

/// Every question shown to this respondent, page by page; hidden ones are left out.
pub fn questions(survey: &Survey, response: &Response) -> Vec<Question> {
    questions_on(survey, response, &pages(survey, response))
}

/// The questions of the given pages only (taken from `pages`), for a caller that already
/// has the page list or shows only some of the pages.
pub fn questions_on(survey: &Survey, response: &Response, pages: &[Page]) -> Vec<Question> {
    let facts = response.facts(survey);
    let mut out = Vec::new();
    for &page in pages {
        match page {
            Page::Profile => {
                for field in ProfileField::ALL.into_iter().filter(|f| f.required(survey)) {
                    out.push(single(page, field.anchor(), field.answered(response)));
                }
            }
            Page::Area(a) => element_questions(
                &mut out,
                page,
                &survey.areas[a].elements,
                &facts,
                response,
                survey.scale.not_applicable,
            ),
            Page::Principles => {
                let elements = survey.sections.principles.iter().flat_map(|p| &p.elements);
                element_questions(
                    &mut out,
                    page,
                    elements,
                    &facts,
                    response,
                    survey.scale.not_applicable,
                );
            }
            Page::FiveCs | Page::Proposition => {
                let section = if page == Page::FiveCs {
                    &survey.sections.five_cs
                } else {
                    &survey.sections.proposition
                };
                for item in section
                    .iter()
                    .flat_map(|s| &s.dimensions)
                    .flat_map(|d| &d.items)
                {
                    out.push(single(
                        page,
                        &item.id,
                        response.items.contains_key(&item.id),
                    ));
                }
            }
            Page::Overall => {
                for item in survey.overall_items() {
                    out.push(single(
                        page,
                        &item.id,
                        response.items.contains_key(&item.id),
                    ));
                }
            }
            Page::Journey => {
                for criterion in survey.criteria() {
                    out.push(single(
                        page,
                        &criterion.id,
                        response.criteria.contains_key(&criterion.id),
                    ));
                }
            }
            Page::Maturity => {
                for process in survey.processes() {
                    out.push(single(
                        page,
                        &process.id,
                        response.maturity.contains_key(&process.id),
                    ));
                }
            }
            Page::Review => {}
        }
    }
    out
}

/// The DOM id of an element, item, criterion or process on its page.
pub fn question_anchor(id: &str) -> String {
    format!("q-{id}")
}

fn single(page: Page, id: &str, answered: bool) -> Question {
    Question {
        page,
        id: id.to_owned(),
        answered: usize::from(answered),
        parts: 1,
    }
}

fn element_questions<'a>(
    out: &mut Vec<Question>,
    page: Page,
    elements: impl IntoIterator<Item = &'a Element>,
    facts: &ProfileFacts,
    response: &Response,
    not_applicable_offered: bool,
) {
    for element in elements.into_iter().filter(|e| visible(&e.show_if, facts)) {
        out.push(Question {
            page,
            id: element.id.clone(),
            answered: response
                .rating(&element.id)
                .answered_parts(not_applicable_offered),
            parts: 2,
        });
    }
}

/// One option of a question answered by a single choice.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AnswerOption {
    pub value: String,
    pub label: String,
    /// A second line, such as a scale point's name ("Very high").
    pub detail: Option<String>,
}

/// Where a single-choice section answer is kept in a `Response`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Slot {
    /// A five-Cs or proposition item, on the survey scale.
    Item(String),
    /// A journey criterion, yes or no.
    Criterion(String),
    /// A channel-operations process, one of the maturity levels.
    Maturity(String),
}

impl Slot {
    pub fn id(&self) -> &str {
        match self {
            Slot::Item(id) | Slot::Criterion(id) | Slot::Maturity(id) => id,
        }
    }
}

/// The value of a yes/no answer, as options and stored choices spell it.
const YES: &str = "yes";
const NO: &str = "no";

impl Response {
    /// A section answer as its option value.
    pub fn choice(&self, slot: &Slot) -> Option<String> {
        match slot {
            Slot::Item(id) => self.items.get(id).map(i32::to_string),
            Slot::Criterion(id) => self
                .criteria
                .get(id)
                .map(|&yes| if yes { YES } else { NO }.to_owned()),
            Slot::Maturity(id) => self.maturity.get(id).cloned(),
        }
    }

    /// Records a chosen option, as the question's options spell it. A value of the wrong kind
    /// (not a number for an item, neither yes nor no for a criterion) changes nothing; scoring
    /// ignores numbers off the scale and unknown levels.
    pub fn choose(&mut self, slot: &Slot, value: &str) {
        match slot {
            Slot::Item(id) => {
                if let Ok(value) = value.parse() {
                    self.items.insert(id.clone(), value);
                }
            }
            Slot::Criterion(id) => {
                if value == YES || value == NO {
                    self.criteria.insert(id.clone(), value == YES);
                }
            }
            Slot::Maturity(id) => {
                self.maturity.insert(id.clone(), value.to_owned());
            }
        }
    }
}

/// A section question answered by one choice: a five-Cs or proposition item, a journey
/// criterion or a maturity process.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChoiceQuestion {
    pub slot: Slot,
    /// The dimension or phase (title, introduction), on its first question only.
    pub group: Option<(String, String)>,
    pub text: String,
    pub options: Vec<AnswerOption>,
}

/// The points of the rating scale, each with its label where the survey names it.
pub fn scale_options(scale: &Scale, locale: &str) -> Vec<AnswerOption> {
    scale
        .points()
        .map(|value| AnswerOption {
            value: value.to_string(),
            label: value.to_string(),
            detail: scale.label(value).map(|text| text.get(locale).to_owned()),
        })
        .collect()
}

/// The app's words for answers the survey does not word: the journey's yes and no, and the
/// two ends of the recommendation question.
#[derive(Clone, Copy, Debug)]
pub struct AnswerWords<'a> {
    pub yes: &'a str,
    pub no: &'a str,
    pub not_likely: &'a str,
    pub extremely_likely: &'a str,
}

/// The single-choice questions of a section page, in the respondent's wording and language.
pub fn choice_questions(
    survey: &Survey,
    page: Page,
    side: Side,
    locale: &str,
    words: AnswerWords,
) -> Vec<ChoiceQuestion> {
    let sections = &survey.sections;
    let text = |t: &Text| t.get(locale).to_owned();
    let mut out = Vec::new();
    let mut push = |group: Option<(&Text, &Text)>,
                    items: &[Item],
                    slot: fn(String) -> Slot,
                    options: &[AnswerOption]| {
        for (i, item) in items.iter().enumerate() {
            out.push(ChoiceQuestion {
                slot: slot(item.id.clone()),
                group: group.filter(|_| i == 0).map(|(t, d)| (text(t), text(d))),
                text: item.text.get(side, locale).to_owned(),
                options: options.to_vec(),
            });
        }
    };
    match page {
        Page::FiveCs | Page::Proposition => {
            let section = if page == Page::FiveCs {
                &sections.five_cs
            } else {
                &sections.proposition
            };
            let scale = scale_options(&survey.scale, locale);
            for dimension in section.iter().flat_map(|s| &s.dimensions) {
                push(
                    Some((&dimension.label, &dimension.description)),
                    &dimension.items,
                    Slot::Item,
                    &scale,
                );
            }
        }
        Page::Overall => {
            let ends = |value: i32| match value {
                0 => Some(words.not_likely.to_owned()),
                RECOMMEND_MAX => Some(words.extremely_likely.to_owned()),
                _ => None,
            };
            let zero_to_ten: Vec<AnswerOption> = (0..=RECOMMEND_MAX)
                .map(|value| AnswerOption {
                    value: value.to_string(),
                    label: value.to_string(),
                    detail: ends(value),
                })
                .collect();
            let scale = scale_options(&survey.scale, locale);
            for (item, options) in sections.overall.iter().flat_map(|o| {
                o.recommend
                    .iter()
                    .map(|i| (i, &zero_to_ten))
                    .chain(o.satisfaction.iter().map(|i| (i, &scale)))
            }) {
                push(None, std::slice::from_ref(item), Slot::Item, options);
            }
        }
        Page::Journey => {
            let options = [YES, NO].map(|value| AnswerOption {
                value: value.to_owned(),
                label: if value == NO { words.no } else { words.yes }.to_owned(),
                detail: None,
            });
            for phase in sections.journey.iter().flat_map(|j| &j.phases) {
                push(
                    Some((&phase.label, &phase.description)),
                    &phase.criteria,
                    Slot::Criterion,
                    &options,
                );
            }
        }
        Page::Maturity => {
            if let Some(maturity) = &sections.maturity {
                let levels: Vec<AnswerOption> = maturity
                    .levels
                    .iter()
                    .map(|level| AnswerOption {
                        value: level.id.clone(),
                        label: text(&level.label),
                        detail: None,
                    })
                    .collect();
                push(None, &maturity.processes, Slot::Maturity, &levels);
            }
        }
        _ => {}
    }
    out
}

/// The elements rated on a page (an area's, or the program principles), shown ones only.
pub fn page_elements<'s>(survey: &'s Survey, page: Page, facts: &ProfileFacts) -> Vec<&'s Element> {
    let elements: &[Element] = match page {
        Page::Area(a) => survey.areas.get(a).map_or(&[], |area| &area.elements),
        Page::Principles => survey
            .sections
            .principles
            .as_ref()
            .map_or(&[], |p| &p.elements),
        _ => &[],
    };
    elements
        .iter()
        .filter(|e| visible(&e.show_if, facts))
        .collect()
}

/// What the review calls a question: an element's label, a statement's wording, or a profile
/// field's label (by its anchor).
pub fn question_text(survey: &Survey, question: &Question, side: Side, locale: &str) -> String {
    let id = question.id.as_str();
    if let Some(field) = ProfileField::ALL.into_iter().find(|f| f.anchor() == id) {
        return field.label(survey).get(locale).to_owned();
    }
    if let Some(element) = survey.rated_elements().find(|e| e.id == id) {
        return element.label.get(locale).to_owned();
    }
    survey
        .scored_items()
        .chain(survey.overall_items())
        .chain(survey.criteria())
        .chain(survey.processes())
        .find(|item| item.id == id)
        .map(|item| item.text.get(side, locale).to_owned())
        .unwrap_or_else(|| id.to_owned())
}

/// Answered parts of the shown questions, out of all their parts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Progress {
    pub answered: usize,
    pub total: usize,
}

impl Progress {
    pub fn of(questions: &[Question]) -> Progress {
        Progress {
            answered: questions.iter().map(|q| q.answered).sum(),
            total: questions.iter().map(|q| q.parts).sum(),
        }
    }

    /// How far a whole response has got, over the questions its answers show.
    pub fn of_response(survey: &Survey, response: &Response) -> Progress {
        Progress::of(&questions_on(survey, response, &pages(survey, response)))
    }

    /// Whole percent, rounded down so that 100 means everything is answered.
    pub fn percent(self) -> usize {
        (self.answered * 100).checked_div(self.total).unwrap_or(100)
    }
}

/// A page's title and introduction from the survey; None for the profile and the review,
/// whose titles are the app's own.
pub fn page_text(survey: &Survey, page: Page) -> Option<(&Text, &Text)> {
    let sections = &survey.sections;
    match page {
        Page::Area(a) => survey.areas.get(a).map(|a| (&a.title, &a.description)),
        Page::FiveCs => sections
            .five_cs
            .as_ref()
            .map(|s| (&s.title, &s.description)),
        Page::Proposition => sections
            .proposition
            .as_ref()
            .map(|s| (&s.title, &s.description)),
        Page::Journey => sections
            .journey
            .as_ref()
            .map(|s| (&s.title, &s.description)),
        Page::Maturity => sections
            .maturity
            .as_ref()
            .map(|s| (&s.title, &s.description)),
        Page::Principles => sections
            .principles
            .as_ref()
            .map(|s| (&s.title, &s.description)),
        Page::Overall => sections
            .overall
            .as_ref()
            .map(|s| (&s.title, &s.description)),
        Page::Profile | Page::Review => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answers::response::Dimension;
    use crate::load_survey;

    fn scoring_survey() -> Survey {
        load_survey(include_bytes!(
            "../../../tests/fixtures/surveys/scoring.json"
        ))
        .unwrap()
    }

    #[test]
    fn influencers_lose_the_transact_page_and_answers_stay() {
        let survey = scoring_survey();
        let mut response = Response::new(&survey);
        response.rate("ordering", Dimension::Importance, Some(4));
        assert!(pages(&survey, &response).contains(&Page::Area(1)));
        response.profile.partner_type = Some("analyst".into());
        let shown = pages(&survey, &response);
        assert_eq!(
            shown,
            [
                Page::Profile,
                Page::Area(0),
                Page::FiveCs,
                Page::Journey,
                Page::Maturity,
                Page::Review
            ]
        );
        // The hidden answer is kept, just not shown or counted.
        assert_eq!(response.rating("ordering").importance, Some(4));
        assert!(questions(&survey, &response)
            .iter()
            .all(|q| q.id != "ordering"));
    }

    #[test]
    fn progress_counts_the_visible_parts_by_hand() {
        let survey = scoring_survey();
        let mut response = Response::new(&survey);
        // scoring.json (minimal.json's profile) has no required field; 3 elements x 2 + 3 five-Cs items
        // + 4 criteria + 4 processes = 17 parts.
        assert_eq!(
            Progress::of(&questions(&survey, &response)),
            Progress {
                answered: 0,
                total: 17
            }
        );
        response.rate("training", Dimension::Importance, Some(3));
        response.set_not_applicable("leads", true);
        response.items.insert("c1".into(), 4);
        let progress = Progress::of(&questions(&survey, &response));
        assert_eq!(
            progress,
            Progress {
                answered: 4,
                total: 17
            }
        );
        assert_eq!(progress.percent(), 23);
        // A survey that no longer offers "not applicable" does not count the stale flag on leads.
        let mut strict = survey.clone();
        strict.scale.not_applicable = false;
        assert_eq!(Progress::of(&questions(&strict, &response)).answered, 2);
        // An influencer does not see ordering: 2 parts fewer.
        response.profile.partner_type = Some("analyst".into());
        assert_eq!(Progress::of(&questions(&survey, &response)).total, 15);
    }

    const WORDS: AnswerWords = AnswerWords {
        yes: "Yes",
        no: "No",
        not_likely: "Not at all likely",
        extremely_likely: "Extremely likely",
    };

    #[test]
    fn section_questions_carry_their_group_once_and_answers_round_trip() {
        let survey = scoring_survey();
        let journey = choice_questions(&survey, Page::Journey, Side::Partner, "en", WORDS);
        // scoring.json: three phases holding j1; j2 and j3; j4.
        assert_eq!(journey.len(), 4);
        assert_eq!(
            journey
                .iter()
                .map(|q| q.group.is_some())
                .collect::<Vec<_>>(),
            [true, true, false, true]
        );
        let labels: Vec<&str> = journey[0]
            .options
            .iter()
            .map(|o| o.label.as_str())
            .collect();
        assert_eq!(labels, ["Yes", "No"]);
        let mut response = Response::new(&survey);
        response.choose(&journey[1].slot, "no");
        response.choose(&journey[0].slot, "maybe");
        assert_eq!(response.choice(&journey[1].slot).as_deref(), Some("no"));
        assert_eq!(response.choice(&journey[0].slot), None, "not an option");
        assert_eq!(response.criteria.get(journey[1].slot.id()), Some(&false));

        let items = choice_questions(&survey, Page::FiveCs, Side::Partner, "en", WORDS);
        assert_eq!(items[0].options.len(), 5, "the 1-5 scale");
        response.choose(&items[0].slot, "4");
        assert_eq!(response.items.get(items[0].slot.id()), Some(&4));
        let processes = choice_questions(&survey, Page::Maturity, Side::Partner, "en", WORDS);
        assert_eq!(processes.len(), 4);
        assert!(choice_questions(&survey, Page::Area(0), Side::Partner, "en", WORDS).is_empty());
    }

    #[test]
    fn a_returning_respondent_resumes_at_the_first_open_question() {
        let survey = scoring_survey();
        let mut response = Response::new(&survey);
        for id in ["training", "leads", "ordering"] {
            response.rate(id, Dimension::Importance, Some(3));
            response.rate(id, Dimension::Performance, Some(3));
        }
        // Leads is half rated: its page is where the respondent goes on.
        response.rate("leads", Dimension::Performance, None);
        let page_of_leads = pages(&survey, &response)
            .into_iter()
            .find(|&p| {
                page_elements(&survey, p, &response.facts(&survey))
                    .iter()
                    .any(|e| e.id == "leads")
            })
            .unwrap();
        assert_eq!(resume_page(&questions(&survey, &response)), page_of_leads);
        response.rate("leads", Dimension::Performance, Some(1));
        // The five Cs come next: c1, c2 and m1 are all open.
        assert_eq!(resume_page(&questions(&survey, &response)), Page::FiveCs);
        for q in questions(&survey, &response) {
            let slot = match q.page {
                Page::FiveCs => Slot::Item(q.id),
                Page::Journey => Slot::Criterion(q.id),
                Page::Maturity => Slot::Maturity(q.id),
                _ => continue,
            };
            let level = &survey.sections.maturity.as_ref().unwrap().levels[0].id;
            let value = match q.page {
                Page::Journey => "yes",
                Page::Maturity => level,
                _ => "3",
            };
            response.choose(&slot, value);
        }
        assert_eq!(resume_page(&questions(&survey, &response)), Page::Review);
    }

    #[test]
    fn the_review_names_questions_by_label_or_wording() {
        let survey = scoring_survey();
        let response = Response::new(&survey);
        let open = questions(&survey, &response);
        let first_item = open.iter().find(|q| q.page == Page::FiveCs).unwrap();
        let text = question_text(&survey, first_item, Side::Partner, "en");
        assert_eq!(
            text,
            survey.sections.five_cs.as_ref().unwrap().dimensions[0].items[0]
                .text
                .get(Side::Partner, "en")
        );
        let training = open.iter().find(|q| q.id == "training").unwrap();
        assert_eq!(
            question_text(&survey, training, Side::Partner, "en"),
            "Training"
        );
    }

    #[test]
    fn required_profile_fields_are_listed_in_page_order() {
        let survey = crate::default_survey();
        let mut response = Response::new(&survey);
        assert_eq!(
            missing_profile(&survey, &response),
            ProfileField::ALL.to_vec()
        );
        response.profile.partner_name = "  ".into();
        response.profile.region = Some("emea".into());
        assert_eq!(
            missing_profile(&survey, &response),
            [
                ProfileField::PartnerName,
                ProfileField::PartnerType,
                ProfileField::ProgramTier,
                ProfileField::Side,
                ProfileField::Wave
            ]
        );
    }
    #[test]
    fn every_page_and_place_survives_the_history_round_trip() {
        let pages = [
            Page::Profile,
            Page::Area(0),
            Page::Area(27),
            Page::FiveCs,
            Page::Proposition,
            Page::Journey,
            Page::Maturity,
            Page::Principles,
            Page::Review,
        ];
        for page in pages {
            assert_eq!(Page::from_key(&page.key()), Some(page));
            let place = Place::Page {
                assessment: "a-1:b".into(),
                page,
            };
            assert_eq!(Place::from_state(&place.to_state()), Some(place));
        }
        assert_eq!(Page::Area(3).key(), "area-3");
        assert_eq!(Place::from_state("list"), Some(Place::List));
        assert_eq!(
            Place::from_state("page:area-2:x7"),
            Some(Place::Page {
                assessment: "x7".into(),
                page: Page::Area(2)
            })
        );
    }

    #[test]
    fn states_that_are_not_ours_name_no_place() {
        for state in [
            "",
            "List",
            "page:",
            "page:area-2",
            "page:area-2:",
            "page:area-:x",
            "page:area-+1:x",
            "page:area-99999:x",
            "page:nowhere:x",
            "r=AAAA",
        ] {
            assert_eq!(Place::from_state(state), None, "{state:?}");
        }
        let long = format!("page:profile:{}", "x".repeat(129));
        assert_eq!(Place::from_state(&long), None);
    }
}
