//! Aggregation: exact running sums over any number of responses (a `Tally`), filtered and
//! grouped by profile answers, then turned into scores (`Summary`) in one pass at the end.

use crate::answers::response::Response;
use crate::scoring::anonymity::{Threshold, ViewCounts, Withheld};
use crate::scoring::model::{GroupKeys, Row, ScoringModel};
use crate::scoring::overall::{overall_score, OverallScore};
use crate::scoring::stats::{weighted_mean, Interval, PairSums, Sums, XySums};
use crate::survey::definition::{Choice, ScoredSection, Survey};
use crate::survey::text::{Side, Text};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Values closer than this are equal, so float noise cannot flip a quadrant.
pub const TOLERANCE: f64 = 1e-9;
/// How many "Concentrate here" elements the top priorities list holds by default.
pub const DEFAULT_PRIORITIES: usize = 5;

/// Where the IPA crosshair sits.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CrosshairMode {
    /// The mean of the element means on each axis.
    #[default]
    DataCentred,
    /// The midpoint of the scale on both axes.
    ScaleCentred,
}

/// The four quadrants of importance-performance analysis.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Quadrant {
    /// High importance, low performance: act here first.
    ConcentrateHere,
    /// High importance, high performance.
    KeepUpTheGoodWork,
    /// Low importance, low performance.
    LowPriority,
    /// Low importance, high performance.
    PossibleOverkill,
}

impl Quadrant {
    /// In reading order of the chart: top left, top right, bottom left, bottom right.
    pub const ALL: [Quadrant; 4] = [
        Quadrant::ConcentrateHere,
        Quadrant::KeepUpTheGoodWork,
        Quadrant::LowPriority,
        Quadrant::PossibleOverkill,
    ];

    /// The position in `ALL`.
    pub fn index(self) -> usize {
        self as usize
    }

    /// On the crosshair counts as high.
    pub fn of(importance: f64, performance: f64, crosshair: (f64, f64)) -> Quadrant {
        let high_importance = importance >= crosshair.0 - TOLERANCE;
        let high_performance = performance >= crosshair.1 - TOLERANCE;
        match (high_importance, high_performance) {
            (true, false) => Quadrant::ConcentrateHere,
            (true, true) => Quadrant::KeepUpTheGoodWork,
            (false, false) => Quadrant::LowPriority,
            (false, true) => Quadrant::PossibleOverkill,
        }
    }
}

/// The profile answers a filter or a grouping can look at.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum GroupBy {
    Region,
    PartnerFunction,
    PartnerType,
    ProgramTier,
    Side,
    Wave,
}

/// The label of a group whose respondents left that profile answer empty.
pub const NO_ANSWER: &str = "(none)";

impl GroupBy {
    /// Every dimension, in the order the dashboard offers them.
    pub const ALL: [GroupBy; 6] = [
        GroupBy::Region,
        GroupBy::PartnerFunction,
        GroupBy::PartnerType,
        GroupBy::ProgramTier,
        GroupBy::Side,
        GroupBy::Wave,
    ];

    pub fn from_name(name: &str) -> Option<GroupBy> {
        Some(match name {
            "region" => GroupBy::Region,
            "function" | "partner_function" => GroupBy::PartnerFunction,
            "type" | "partner_type" => GroupBy::PartnerType,
            "tier" | "program_tier" => GroupBy::ProgramTier,
            "side" => GroupBy::Side,
            "wave" => GroupBy::Wave,
            _ => return None,
        })
    }

    /// The name `from_name` reads back.
    pub fn name(self) -> &'static str {
        match self {
            GroupBy::Region => "region",
            GroupBy::PartnerFunction => "function",
            GroupBy::PartnerType => "type",
            GroupBy::ProgramTier => "tier",
            GroupBy::Side => "side",
            GroupBy::Wave => "wave",
        }
    }

    /// A value's name as the survey spells it (a region, a type, ...); None for waves and
    /// for ids the survey does not have.
    pub fn value_label<'s>(self, survey: &'s Survey, id: &str) -> Option<&'s Text> {
        let profile = &survey.profile;
        let functions = &profile.partner_type.functions;
        let choice = |choices: &'s [Choice]| choices.iter().find(|c| c.id == id).map(|c| &c.label);
        match self {
            GroupBy::Region => choice(&profile.region.choices),
            GroupBy::PartnerFunction => functions.iter().find(|f| f.id == id).map(|f| &f.label),
            GroupBy::PartnerType => functions.iter().find_map(|f| choice(&f.types)),
            GroupBy::ProgramTier => choice(&profile.program_tier.choices),
            GroupBy::Side => choice(&profile.side.choices),
            GroupBy::Wave => None,
        }
    }

    /// The group a row's profile puts it in.
    pub fn key(self, keys: &GroupKeys) -> &str {
        self.value(keys).unwrap_or(NO_ANSWER)
    }

    /// The answer this dimension reads from `keys`, if one was given.
    pub fn value(self, keys: &GroupKeys) -> Option<&str> {
        match self {
            GroupBy::Region => keys.region.as_deref(),
            GroupBy::PartnerFunction => keys.partner_function.as_deref(),
            GroupBy::PartnerType => keys.partner_type.as_deref(),
            GroupBy::ProgramTier => keys.program_tier.as_deref(),
            GroupBy::Side => Some(keys.side.id()),
            GroupBy::Wave => keys.wave.as_deref(),
        }
    }
}

/// Keeps only responses whose answers are among the listed ones; an empty list keeps all.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Filter {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub region: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub partner_function: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub partner_type: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub program_tier: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub side: Vec<Side>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub wave: Vec<String>,
}

impl Filter {
    /// The values a dimension keeps (empty keeps all).
    pub fn values(&self, by: GroupBy) -> Vec<String> {
        match by {
            GroupBy::Region => self.region.clone(),
            GroupBy::PartnerFunction => self.partner_function.clone(),
            GroupBy::PartnerType => self.partner_type.clone(),
            GroupBy::ProgramTier => self.program_tier.clone(),
            GroupBy::Side => self.side.iter().map(|s| s.id().to_owned()).collect(),
            GroupBy::Wave => self.wave.clone(),
        }
    }

    /// Keeps only these values of a dimension (none keeps all).
    pub fn set(&mut self, by: GroupBy, values: Vec<String>) {
        match by {
            GroupBy::Region => self.region = values,
            GroupBy::PartnerFunction => self.partner_function = values,
            GroupBy::PartnerType => self.partner_type = values,
            GroupBy::ProgramTier => self.program_tier = values,
            GroupBy::Side => self.side = values.iter().filter_map(|v| Side::from_id(v)).collect(),
            GroupBy::Wave => self.wave = values,
        }
    }

    /// The filter for counting partners (ranking, portfolio): a partner answers once per wave,
    /// so with several waves among the partners' `rows` and none chosen, only the latest (the
    /// last in text order, as years are) counts. Returns that wave when it was picked.
    pub fn one_wave<'r>(
        &self,
        rows: impl IntoIterator<Item = &'r Row>,
    ) -> (Filter, Option<String>) {
        if !self.wave.is_empty() {
            return (self.clone(), None);
        }
        let waves: std::collections::BTreeSet<&str> = rows
            .into_iter()
            .filter(|r| r.keys.side == Side::Partner)
            .filter_map(|r| r.keys.wave.as_deref())
            .collect();
        match (waves.len(), waves.last()) {
            (2.., Some(latest)) => {
                let latest = (*latest).to_owned();
                let mut filter = self.clone();
                filter.wave = vec![latest.clone()];
                (filter, Some(latest))
            }
            _ => (self.clone(), None),
        }
    }

    /// The dimensions this filter restricts.
    pub fn restricted(&self) -> Vec<GroupBy> {
        GroupBy::ALL
            .into_iter()
            .filter(|&by| !self.values(by).is_empty())
            .collect()
    }

    pub fn matches(&self, keys: &GroupKeys) -> bool {
        GroupBy::ALL.into_iter().all(|by| self.keeps(by, keys))
    }

    /// Whether `keys` pass this filter's choice for `by` (no choice passes everyone).
    pub fn keeps(&self, by: GroupBy, keys: &GroupKeys) -> bool {
        let allowed = match by {
            GroupBy::Region => &self.region,
            GroupBy::PartnerFunction => &self.partner_function,
            GroupBy::PartnerType => &self.partner_type,
            GroupBy::ProgramTier => &self.program_tier,
            GroupBy::Side => return self.side.is_empty() || self.side.contains(&keys.side),
            GroupBy::Wave => &self.wave,
        };
        allowed.is_empty()
            || by
                .value(keys)
                .is_some_and(|v| allowed.iter().any(|a| a == v))
    }
}

/// Count and sum of one item's answers.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ItemSums {
    pub n: u64,
    pub sum: i64,
}

/// Exact running sums over responses. Adding rows one at a time, all at once, in any order,
/// or merging tallies of parts all give the same tally.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Tally {
    pub responses: u64,
    /// Of the responses, those from the partners' side: the anonymity threshold counts these.
    pub partners: u64,
    /// Per rated entry (`ScoringModel::rated`).
    pub rated: Vec<PairSums>,
    /// Per dimension, per item.
    pub five_cs: Vec<Vec<ItemSums>>,
    pub proposition: Vec<Vec<ItemSums>>,
    /// Respondents per journey position: index 0 = before the first phase, k = in phase k-1.
    pub journey: Vec<u64>,
    /// Per process, respondents per level.
    pub maturity: Vec<Vec<u64>>,
    /// Recommendation answers: detractors (0-6), passives (7-8), promoters (9-10).
    pub recommend: [u64; 3],
    /// Overall satisfaction: how many answered, and the sums of their answers.
    pub satisfaction_n: u64,
    pub satisfaction: Sums,
    /// Per model element, its performance beside the same partner's overall satisfaction:
    /// the sums behind derived importance. Empty without a satisfaction question.
    pub drivers: Vec<XySums>,
}

fn item_slots(section: &Option<ScoredSection>) -> Vec<Vec<ItemSums>> {
    section
        .iter()
        .flat_map(|s| &s.dimensions)
        .map(|d| vec![ItemSums::default(); d.items.len()])
        .collect()
}

impl Tally {
    pub fn new(model: &ScoringModel) -> Tally {
        let sections = &model.survey.sections;
        Tally {
            responses: 0,
            partners: 0,
            rated: vec![PairSums::default(); model.rated.len()],
            five_cs: item_slots(&sections.five_cs),
            proposition: item_slots(&sections.proposition),
            journey: vec![0; sections.journey.as_ref().map_or(0, |j| j.phases.len() + 1)],
            maturity: sections
                .maturity
                .as_ref()
                .map(|m| vec![vec![0; m.levels.len()]; m.processes.len()])
                .unwrap_or_default(),
            recommend: [0; 3],
            satisfaction_n: 0,
            satisfaction: Sums::default(),
            drivers: match sections
                .overall
                .as_ref()
                .and_then(|o| o.satisfaction.as_ref())
            {
                Some(_) => vec![XySums::default(); model.element_count],
                None => Vec::new(),
            },
        }
    }

    /// Adds one row; rows come from `ScoringModel::row` of the same model.
    pub fn add(&mut self, row: &Row) {
        self.responses += 1;
        self.partners += u64::from(row.keys.side == Side::Partner);
        for &(index, importance, performance) in &row.ratings {
            self.rated[index as usize].add(importance, performance);
        }
        for (slots, answers) in [
            (&mut self.five_cs, &row.five_cs),
            (&mut self.proposition, &row.proposition),
        ] {
            for &(d, i, value) in answers {
                let slot = &mut slots[usize::from(d)][usize::from(i)];
                slot.n += 1;
                slot.sum += i64::from(value);
            }
        }
        if !self.journey.is_empty() && !row.phases_met.is_empty() {
            self.journey[journey_position(&row.phases_met)] += 1;
        }
        for (counts, level) in self.maturity.iter_mut().zip(&row.maturity) {
            if let Some(level) = level {
                counts[usize::from(*level)] += 1;
            }
        }
        if let Some(likely) = row.recommend {
            self.recommend[nps_group(likely)] += 1;
        }
        if let Some(satisfaction) = row.satisfaction {
            self.satisfaction_n += 1;
            self.satisfaction.add(satisfaction);
            for &(index, _, performance) in &row.ratings {
                if let Some(sums) = self.drivers.get_mut(index as usize) {
                    sums.add(performance, satisfaction);
                }
            }
        }
    }

    /// The tally of the rows whose profile `keep` accepts.
    pub fn of_rows<'r>(
        model: &ScoringModel,
        rows: impl IntoIterator<Item = &'r Row>,
        keep: impl Fn(&GroupKeys) -> bool,
    ) -> Tally {
        let mut tally = Tally::new(model);
        for row in rows.into_iter().filter(|r| keep(&r.keys)) {
            tally.add(row);
        }
        tally
    }

    pub fn merge(&mut self, other: &Tally) {
        self.responses += other.responses;
        self.partners += other.partners;
        for (mine, theirs) in self.rated.iter_mut().zip(&other.rated) {
            mine.merge(theirs);
        }
        for (mine, theirs) in [
            (&mut self.five_cs, &other.five_cs),
            (&mut self.proposition, &other.proposition),
        ] {
            for (dimension, other_dimension) in mine.iter_mut().zip(theirs) {
                for (slot, other_slot) in dimension.iter_mut().zip(other_dimension) {
                    slot.n += other_slot.n;
                    slot.sum += other_slot.sum;
                }
            }
        }
        for (mine, theirs) in self.journey.iter_mut().zip(&other.journey) {
            *mine += theirs;
        }
        for (mine, theirs) in self.maturity.iter_mut().zip(&other.maturity) {
            for (a, b) in mine.iter_mut().zip(theirs) {
                *a += b;
            }
        }
        for (mine, theirs) in self.recommend.iter_mut().zip(&other.recommend) {
            *mine += theirs;
        }
        self.satisfaction_n += other.satisfaction_n;
        self.satisfaction.merge(&other.satisfaction);
        for (mine, theirs) in self.drivers.iter_mut().zip(&other.drivers) {
            mine.merge(theirs);
        }
    }
}

/// A recommendation's group: 0 for a detractor (0-6), 1 for a passive (7-8), 2 for a
/// promoter (9-10), as the Net Promoter Score counts them.
pub fn nps_group(likely: i32) -> usize {
    match likely {
        9.. => 2,
        7 | 8 => 1,
        _ => 0,
    }
}

/// 0 when the first phase is not met, else 1 + the last phase met without a gap before it.
pub fn journey_position(phases_met: &[bool]) -> usize {
    phases_met.iter().take_while(|met| **met).count()
}

/// Responses of one survey, filtered and optionally grouped, added one at a time.
#[derive(Clone, Debug)]
pub struct Aggregation {
    pub filter: Filter,
    pub by: Option<GroupBy>,
    pub overall: Tally,
    pub groups: BTreeMap<String, Tally>,
    /// The survey's anonymity threshold unless set otherwise (`with_threshold`).
    pub threshold: Threshold,
    /// The partners this view keeps, of the whole set's and of each wider view's.
    counts: ViewCounts,
    empty: Tally,
}

impl Aggregation {
    pub fn new(model: &ScoringModel, filter: Filter, by: Option<GroupBy>) -> Aggregation {
        let empty = Tally::new(model);
        Aggregation {
            by,
            overall: empty.clone(),
            groups: BTreeMap::new(),
            threshold: Threshold::of(model.survey),
            counts: ViewCounts::new(&filter),
            filter,
            empty,
        }
    }

    /// The same aggregation under another anonymity threshold (the CLI's `--min-n`).
    pub fn with_threshold(mut self, threshold: Threshold) -> Aggregation {
        self.threshold = threshold;
        self
    }

    /// Adds a response after checking it belongs to the model's survey.
    pub fn add_response(
        &mut self,
        model: &ScoringModel,
        response: &Response,
    ) -> Result<(), String> {
        model.accepts(response)?;
        self.add(&model.row(response));
        Ok(())
    }

    /// Adds a row that passes the filter to the overall tally and to its group.
    pub fn add(&mut self, row: &Row) {
        self.counts.add(&row.keys);
        if !self.filter.matches(&row.keys) {
            return;
        }
        self.overall.add(row);
        if let Some(by) = self.by {
            let key = by.key(&row.keys);
            match self.groups.get_mut(key) {
                Some(tally) => tally.add(row),
                None => {
                    let mut tally = self.empty.clone();
                    tally.add(row);
                    self.groups.insert(key.to_owned(), tally);
                }
            }
        }
    }

    /// The scores of everything added so far, with every group under the anonymity
    /// threshold withheld: the whole view when it, or what the filter left out, is too
    /// small; else each group too small, and the next smallest where subtraction would
    /// reveal one.
    pub fn report(&self, model: &ScoringModel, mode: CrosshairMode) -> AggregateReport {
        let threshold = self.threshold;
        let summary = |tally: &Tally| Summary::of_many(model, tally, mode, DEFAULT_PRIORITIES);
        let overall = self.counts.allows(threshold);
        let sizes: Vec<u64> = self.groups.values().map(|t| t.partners).collect();
        let withheld = match overall {
            Ok(()) => threshold.withheld_groups(&sizes),
            Err(_) => vec![true; sizes.len()],
        };
        AggregateReport {
            survey_id: model.survey.id.clone(),
            structure_hash: model.structure_hash().to_owned(),
            crosshair_mode: mode,
            min_group_size: threshold.min(),
            filter: self.filter.clone(),
            by: self.by,
            overall: match overall {
                Ok(()) => Reported::Shown(Box::new(summary(&self.overall))),
                Err(withheld) => Reported::Withheld { withheld },
            },
            groups: self
                .groups
                .iter()
                .zip(withheld)
                .map(|((key, tally), withheld)| GroupSummary {
                    key: key.clone(),
                    summary: if withheld {
                        Reported::Withheld {
                            withheld: threshold.withheld(),
                        }
                    } else {
                        Reported::Shown(Box::new(summary(tally)))
                    },
                })
                .collect(),
        }
    }
}

/// What `partnerlens aggregate` prints and the dashboard shows.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AggregateReport {
    pub survey_id: String,
    pub structure_hash: String,
    pub crosshair_mode: CrosshairMode,
    /// The anonymity threshold the report was made under.
    pub min_group_size: u64,
    pub filter: Filter,
    pub by: Option<GroupBy>,
    pub overall: Reported,
    pub groups: Vec<GroupSummary>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GroupSummary {
    pub key: String,
    pub summary: Reported,
}

/// A group's scores, or the word that they are withheld. In JSON a shown summary is the
/// summary itself, and a withheld one is `{"withheld": {"fewer_than": 5}}`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Reported {
    Withheld { withheld: Withheld },
    Shown(Box<Summary>),
}

impl Reported {
    /// The summary, unless withheld.
    pub fn shown(&self) -> Option<&Summary> {
        match self {
            Reported::Shown(summary) => Some(summary),
            Reported::Withheld { .. } => None,
        }
    }
}

/// Scores computed from a tally.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Summary {
    pub responses: u64,
    pub crosshair: Crosshair,
    pub elements: Vec<ElementScore>,
    pub areas: Vec<AreaScore>,
    /// Partner Experience Index, 0-100; None without data.
    pub pxi: Option<f64>,
    /// Ids of the top "Concentrate here" elements, largest gap first.
    pub priorities: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub principles: Option<PrinciplesScore>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub five_cs: Option<SectionScore>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub proposition: Option<SectionScore>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub journey: Option<Vec<PhaseCount>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub maturity: Option<Vec<ProcessLevels>>,
    /// NPS, overall satisfaction and derived importance: only for many partners.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub overall: Option<OverallScore>,
}

/// Where the crosshair sits; None on an axis without data.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Crosshair {
    pub mode: CrosshairMode,
    pub importance: Option<f64>,
    pub performance: Option<f64>,
}

/// IPA of one element (or principle). Means are None when no respondent rated both.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ElementScore {
    pub id: String,
    pub area: Option<String>,
    pub n: u64,
    pub importance: Option<f64>,
    pub performance: Option<f64>,
    pub importance_sd: Option<f64>,
    pub performance_sd: Option<f64>,
    /// Importance minus performance: positive means the vendor under-delivers.
    pub gap: Option<f64>,
    /// Signed distance to the iso-priority diagonal, (I - P) / sqrt(2).
    pub diagonal_distance: Option<f64>,
    pub quadrant: Option<Quadrant>,
    /// 1 for the largest gap; ties keep survey order.
    pub gap_rank: Option<usize>,
    /// 95 % confidence intervals of the two means and of the gap (a paired difference, as
    /// one partner rates both); None below two ratings.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub importance_ci: Option<Interval>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub performance_ci: Option<Interval>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gap_ci: Option<Interval>,
    /// False when either interval reaches across the crosshair: the element may belong to
    /// a neighbouring quadrant. None without a quadrant or an interval.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub clear_quadrant: Option<bool>,
    /// The exact sums behind the means, for tests between groups (not exported).
    #[serde(skip)]
    pub sums: PairSums,
}

/// An area's weighted mean of its element means.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AreaScore {
    pub id: String,
    /// Elements of the area with data.
    pub elements_with_data: usize,
    pub importance: Option<f64>,
    pub performance: Option<f64>,
    pub gap: Option<f64>,
}

/// The program principles, analysed like elements with their own crosshair.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PrinciplesScore {
    pub crosshair: Crosshair,
    pub elements: Vec<ElementScore>,
}

/// A scored section (five Cs, proposition): 0-100 per dimension and overall.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SectionScore {
    pub dimensions: Vec<DimensionScore>,
    pub overall: Option<f64>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DimensionScore {
    pub id: String,
    pub score: Option<f64>,
    /// Item answers that went into the score.
    pub answers: u64,
}

/// Respondents at a journey position; `phase` is None for "before the first phase".
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PhaseCount {
    pub phase: Option<String>,
    pub respondents: u64,
}

/// How many respondents chose each level for one process, and the median level.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ProcessLevels {
    pub id: String,
    pub counts: Vec<u64>,
    pub median_level: Option<String>,
}

impl Summary {
    pub fn of(model: &ScoringModel, tally: &Tally, mode: CrosshairMode, top: usize) -> Summary {
        let survey = model.survey;
        let scale = &survey.scale;
        let elements = ipa(model, tally, 0..model.element_count, mode);
        let crosshair = elements.1;
        let elements = elements.0;

        let areas = survey
            .areas
            .iter()
            .enumerate()
            .map(|(a, area)| {
                let members: Vec<(&ElementScore, f64)> = elements
                    .iter()
                    .zip(&model.rated)
                    .filter(|(score, entry)| entry.area == Some(a) && score.n > 0)
                    .map(|(score, entry)| (score, entry.element_weight))
                    .collect();
                let mean = |pick: fn(&ElementScore) -> Option<f64>| {
                    weighted_mean(members.iter().filter_map(|(s, w)| Some((pick(s)?, *w))))
                };
                AreaScore {
                    id: area.id.clone(),
                    elements_with_data: members.len(),
                    importance: mean(|s| s.importance),
                    performance: mean(|s| s.performance),
                    gap: mean(|s| s.gap),
                }
            })
            .collect();

        let range = f64::from(scale.max - scale.min);
        let (numerator, denominator) = elements.iter().zip(&model.rated).fold(
            (0.0, 0.0),
            |(num, den), (score, entry)| match (score.importance, score.performance) {
                (Some(i), Some(p)) => (
                    num + entry.weight * i * (p - f64::from(scale.min)) / range,
                    den + entry.weight * i,
                ),
                _ => (num, den),
            },
        );
        let pxi = (denominator > 0.0).then(|| 100.0 * numerator / denominator);

        let mut priorities: Vec<&ElementScore> = elements
            .iter()
            .filter(|s| s.quadrant == Some(Quadrant::ConcentrateHere))
            .collect();
        priorities.sort_by_key(|s| s.gap_rank);
        let priorities = priorities.iter().take(top).map(|s| s.id.clone()).collect();

        let principles = survey.sections.principles.as_ref().map(|_| {
            let (elements, crosshair) =
                ipa(model, tally, model.element_count..model.rated.len(), mode);
            PrinciplesScore {
                crosshair,
                elements,
            }
        });

        let sections = &survey.sections;
        Summary {
            responses: tally.responses,
            crosshair,
            elements,
            areas,
            pxi,
            priorities,
            principles,
            five_cs: sections
                .five_cs
                .as_ref()
                .map(|s| section_score(s, &tally.five_cs, scale.min, scale.max)),
            proposition: sections
                .proposition
                .as_ref()
                .map(|s| section_score(s, &tally.proposition, scale.min, scale.max)),
            journey: sections.journey.as_ref().map(|journey| {
                tally
                    .journey
                    .iter()
                    .enumerate()
                    .map(|(position, &respondents)| PhaseCount {
                        phase: position
                            .checked_sub(1)
                            .map(|p| journey.phases[p].id.clone()),
                        respondents,
                    })
                    .collect()
            }),
            maturity: sections.maturity.as_ref().map(|maturity| {
                maturity
                    .processes
                    .iter()
                    .zip(&tally.maturity)
                    .map(|(process, counts)| ProcessLevels {
                        id: process.id.clone(),
                        counts: counts.clone(),
                        median_level: median_position(counts)
                            .map(|level| maturity.levels[level].id.clone()),
                    })
                    .collect()
            }),
            overall: None,
        }
    }
}

/// Gives each element its 95 % intervals and says whether it is clearly in its quadrant.
/// Only summaries of many partners take this step (the dashboard, the CLI): a partner's own
/// report has nothing to estimate, and so its module does without the t distribution.
fn add_intervals(scores: &mut [ElementScore], sums: &[PairSums], crosshair: &Crosshair) {
    for (score, sums) in scores.iter_mut().zip(sums) {
        score.importance_ci = sums.importance.interval(sums.n);
        score.performance_ci = sums.performance.interval(sums.n);
        score.gap_ci = sums.gap().interval(sums.n);
        score.clear_quadrant = match (
            score.quadrant,
            score.importance_ci,
            score.performance_ci,
            crosshair.importance,
            crosshair.performance,
        ) {
            (Some(_), Some(i), Some(p), Some(ci), Some(cp)) => {
                Some(!i.contains(ci) && !p.contains(cp))
            }
            _ => None,
        };
    }
}

impl Summary {
    /// The summary of many partners: `of`, with each element's 95 % intervals.
    pub fn of_many(
        model: &ScoringModel,
        tally: &Tally,
        mode: CrosshairMode,
        top: usize,
    ) -> Summary {
        let mut summary = Summary::of(model, tally, mode, top);
        summary.overall = overall_score(model, tally);
        let (elements, principles) = tally
            .rated
            .split_at(model.element_count.min(tally.rated.len()));
        add_intervals(&mut summary.elements, elements, &summary.crosshair);
        if let Some(p) = &mut summary.principles {
            add_intervals(&mut p.elements, principles, &p.crosshair);
        }
        summary
    }

    /// The elements with a gap, largest first (ties in survey order).
    pub fn ranked_by_gap(&self) -> Vec<&ElementScore> {
        let mut ranked: Vec<&ElementScore> = self
            .elements
            .iter()
            .filter(|e| e.gap_rank.is_some())
            .collect();
        // Ranks are unique, so an unstable sort gives the same order with less code.
        ranked.sort_unstable_by_key(|e| e.gap_rank);
        ranked
    }

    /// How many elements fall in each quadrant, in the order of `Quadrant::ALL`.
    pub fn quadrant_counts(&self) -> [usize; 4] {
        Quadrant::ALL.map(|q| {
            self.elements
                .iter()
                .filter(|e| e.quadrant == Some(q))
                .count()
        })
    }
}

/// The lower median of values given as counts per position; None when all counts are 0.
pub fn median_position(counts: &[u64]) -> Option<usize> {
    let total: u64 = counts.iter().sum();
    if total == 0 {
        return None;
    }
    // The lower median is the ceil(total / 2)-th value in order.
    let wanted = total.div_ceil(2);
    let mut seen = 0;
    counts.iter().position(|&count| {
        seen += count;
        seen >= wanted
    })
}

/// Mean importance and mean performance of one rated entry.
type Means = (Option<f64>, Option<f64>);

/// IPA for a range of rated entries, with its crosshair.
fn ipa(
    model: &ScoringModel,
    tally: &Tally,
    range: std::ops::Range<usize>,
    mode: CrosshairMode,
) -> (Vec<ElementScore>, Crosshair) {
    let survey = model.survey;
    let scale = &survey.scale;
    let means: Vec<Means> = tally.rated[range.clone()]
        .iter()
        .map(|sums| (sums.importance.mean(sums.n), sums.performance.mean(sums.n)))
        .collect();
    let axis_mean = |pick: fn(&Means) -> Option<f64>| {
        let values: Vec<f64> = means.iter().filter_map(pick).collect();
        (!values.is_empty()).then(|| values.iter().sum::<f64>() / values.len() as f64)
    };
    let crosshair = match mode {
        CrosshairMode::DataCentred => Crosshair {
            mode,
            importance: axis_mean(|m| m.0),
            performance: axis_mean(|m| m.1),
        },
        CrosshairMode::ScaleCentred => {
            let mid = (f64::from(scale.min) + f64::from(scale.max)) / 2.0;
            Crosshair {
                mode,
                importance: Some(mid),
                performance: Some(mid),
            }
        }
    };

    let mut scores: Vec<ElementScore> = range
        .clone()
        .zip(&means)
        .map(|(index, &(importance, performance))| {
            let entry = &model.rated[index];
            let sums = &tally.rated[index];
            // One division of the integer difference: equal gaps get equal bits, so the
            // ranking below needs no tolerance.
            let gap = (sums.n > 0)
                .then(|| (sums.importance.sum - sums.performance.sum) as f64 / sums.n as f64);
            let quadrant = match (
                importance,
                performance,
                crosshair.importance,
                crosshair.performance,
            ) {
                (Some(i), Some(p), Some(ci), Some(cp)) => Some(Quadrant::of(i, p, (ci, cp))),
                _ => None,
            };
            ElementScore {
                id: entry.id.clone(),
                area: entry.area.map(|a| survey.areas[a].id.clone()),
                n: sums.n,
                importance,
                performance,
                importance_sd: sums.importance.sd(sums.n),
                performance_sd: sums.performance.sd(sums.n),
                gap,
                diagonal_distance: gap.map(|g| g / std::f64::consts::SQRT_2),
                quadrant,
                gap_rank: None,
                importance_ci: None,
                performance_ci: None,
                gap_ci: None,
                clear_quadrant: None,
                sums: *sums,
            }
        })
        .collect();

    let mut order: Vec<usize> = (0..scores.len())
        .filter(|&i| scores[i].gap.is_some())
        .collect();
    // Stable sort: equal gaps keep survey order.
    order.sort_by(|&a, &b| {
        let gap = |i: usize| scores[i].gap.unwrap_or_default();
        gap(b).total_cmp(&gap(a))
    });
    for (rank, i) in order.into_iter().enumerate() {
        scores[i].gap_rank = Some(rank + 1);
    }
    (scores, crosshair)
}

/// 0-100 per dimension from the item means, then the weighted mean of dimensions.
fn section_score(
    section: &ScoredSection,
    sums: &[Vec<ItemSums>],
    min: i32,
    max: i32,
) -> SectionScore {
    let (scores, overall) = dimension_scores(section, min, max, |d, i| {
        let s = sums[d][i];
        (s.n > 0).then(|| s.sum as f64 / s.n as f64)
    });
    let dimensions = section
        .dimensions
        .iter()
        .zip(scores)
        .zip(sums)
        .map(|((dimension, score), items)| DimensionScore {
            id: dimension.id.clone(),
            score,
            answers: items.iter().map(|s| s.n).sum(),
        })
        .collect();
    SectionScore {
        dimensions,
        overall,
    }
}

/// The scoring rule of a section, shared by one partner and by many: each item's mean answer
/// (`mean(d, i)`, None when unanswered) rescaled to 0-100, weighted within its dimension; the
/// overall score is the weighted mean of the dimensions that have a score.
pub fn dimension_scores(
    section: &ScoredSection,
    min: i32,
    max: i32,
    mean: impl Fn(usize, usize) -> Option<f64>,
) -> (Vec<Option<f64>>, Option<f64>) {
    let range = f64::from(max - min);
    let scores: Vec<Option<f64>> = section
        .dimensions
        .iter()
        .enumerate()
        .map(|(d, dimension)| {
            weighted_mean(dimension.items.iter().enumerate().filter_map(|(i, item)| {
                Some((100.0 * (mean(d, i)? - f64::from(min)) / range, item.weight))
            }))
        })
        .collect();
    let overall = weighted_mean(
        scores
            .iter()
            .zip(&section.dimensions)
            .filter_map(|(score, dimension)| Some(((*score)?, dimension.weight))),
    );
    (scores, overall)
}
