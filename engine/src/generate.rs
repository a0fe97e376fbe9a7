//! Realistic synthetic responses for tests, benchmarks and demos (`partnerlens generate`).
//!
//! Each element gets a typical importance and performance; regions differ in performance
//! (so regional comparisons have something to find), respondents spread around the typical
//! values, and some answers are "not applicable" or missing. The same seed gives the same set.

use crate::answers::response::{Dimension, ProfileAnswers, Rating, Response};
use crate::survey::definition::Survey;
use crate::survey::text::Side;

/// Probability that an element is marked "not applicable".
const NOT_APPLICABLE: f64 = 0.06;
/// Probability that one of an element's ratings is left out.
const SKIPPED: f64 = 0.04;

/// A value in the scale near `centre` (given as a fraction 0-1 of the scale), with spread.
fn rating(rng: &mut fastrand::Rng, survey: &Survey, centre: f64, spread: f64) -> i32 {
    let (min, max) = (f64::from(survey.scale.min), f64::from(survey.scale.max));
    // The sum of three uniforms is a cheap bell curve around 0 with a deviation near 0.5.
    let noise = (rng.f64() + rng.f64() + rng.f64() - 1.5) * spread * 2.0;
    let value = min + (centre + noise).clamp(0.0, 1.0) * (max - min);
    value.round() as i32
}

/// A stable number in [0, 1) from an id, so an element keeps its typical values across seeds.
fn typical(id: &str, salt: u64) -> f64 {
    let hash = id.bytes().fold(0xcbf2_9ce4_8422_2325_u64 ^ salt, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    });
    (hash >> 11) as f64 / (1u64 << 53) as f64
}

fn pick<'a, T>(rng: &mut fastrand::Rng, items: &'a [T]) -> Option<&'a T> {
    (!items.is_empty()).then(|| &items[rng.usize(..items.len())])
}

/// A difference planted in one rating of one element, in scale points: what a test expects
/// the alignment or the waves view to find.
#[derive(Clone, Debug, PartialEq)]
pub struct Shift {
    pub element: String,
    pub rated: Dimension,
    pub by: f64,
}

/// What to generate: how many, from which seed, by which side, in which wave, with which
/// planted differences.
#[derive(Clone, Debug, PartialEq)]
pub struct Plan {
    pub count: usize,
    pub seed: u64,
    pub side: Side,
    pub wave: String,
    pub shifts: Vec<Shift>,
}

impl Plan {
    /// Partner-side responses in wave "2026", nothing planted.
    pub fn new(count: usize, seed: u64) -> Plan {
        Plan {
            count,
            seed,
            side: Side::Partner,
            wave: "2026".into(),
            shifts: Vec::new(),
        }
    }

    /// The planted shift of one rating, as a fraction of the scale.
    fn shift(&self, survey: &Survey, element: &str, rated: Dimension) -> f64 {
        let range = f64::from(survey.scale.max - survey.scale.min);
        self.shifts
            .iter()
            .filter(|s| s.element == element && s.rated == rated)
            .map(|s| s.by / range)
            .sum()
    }
}

/// `count` responses to `survey`, all partner-side, wave "2026".
pub fn generate(survey: &Survey, count: usize, seed: u64) -> Vec<Response> {
    generate_plan(survey, &Plan::new(count, seed))
}

/// The responses a plan asks for. The vendor's side answers only the model (the survey hides
/// the rest from it) and gives no revenue; its names are "Vendor view 00000", ...
pub fn generate_plan(survey: &Survey, plan: &Plan) -> Vec<Response> {
    let (count, seed) = (plan.count, plan.seed);
    let vendor = plan.side == Side::Vendor;
    let mut rng = fastrand::Rng::with_seed(seed);
    let profile = &survey.profile;
    let types: Vec<&str> = profile
        .partner_type
        .functions
        .iter()
        .flat_map(|f| f.types.iter().map(|t| t.id.as_str()))
        .collect();
    let regions = &profile.region.choices;
    let tiers = &profile.program_tier.choices;
    let levels = survey
        .sections
        .maturity
        .as_ref()
        .map_or(0, |m| m.levels.len());
    let hash = survey.structure_hash();

    (0..count)
        .map(|n| {
            // The vendor answers for itself, not from a region, type or tier.
            let region = if vendor {
                None
            } else {
                pick(&mut rng, regions).map(|c| c.id.clone())
            };
            let region_index = regions
                .iter()
                .position(|c| Some(&c.id) == region.as_ref())
                .unwrap_or(0);
            // Later regions in the list get a weaker experience: a difference worth finding.
            let regional = -0.06 * region_index as f64;
            // How strong this partner is overall, for the five Cs and the journey.
            let strength = rng.f64();
            let mut response = Response {
                id: format!("generated-{seed}-{n}"),
                survey_id: survey.id.clone(),
                structure_hash: hash.clone(),
                profile: ProfileAnswers {
                    partner_name: if vendor {
                        format!("Vendor view {n:05}")
                    } else {
                        format!("Partner {n:05}")
                    },
                    partner_type: (!vendor)
                        .then(|| pick(&mut rng, &types).map(|t| (*t).to_owned()))
                        .flatten(),
                    region,
                    program_tier: (!vendor)
                        .then(|| pick(&mut rng, tiers).map(|c| c.id.clone()))
                        .flatten(),
                    side: Some(plan.side),
                    wave: plan.wave.clone(),
                    revenue_current: (!vendor).then(|| (strength * 900_000.0 + 50_000.0).round()),
                    revenue_potential: (!vendor)
                        .then(|| ((strength + rng.f64()) * 1_200_000.0 + 100_000.0).round()),
                },
                ..Response::default()
            };
            for element in survey.rated_elements() {
                if rng.f64() < NOT_APPLICABLE {
                    response.set_not_applicable(&element.id, true);
                    continue;
                }
                let importance = 0.45
                    + 0.5 * typical(&element.id, 1)
                    + plan.shift(survey, &element.id, Dimension::Importance);
                let performance = 0.3
                    + 0.55 * typical(&element.id, 2)
                    + regional
                    + plan.shift(survey, &element.id, Dimension::Performance);
                let mut value =
                    |centre| (rng.f64() >= SKIPPED).then(|| rating(&mut rng, survey, centre, 0.18));
                let (importance, performance) = (value(importance), value(performance));
                if importance.is_some() || performance.is_some() {
                    response.ratings.insert(
                        element.id.clone(),
                        Rating {
                            importance,
                            performance,
                            not_applicable: false,
                        },
                    );
                }
            }
            if vendor {
                return response;
            }
            let sections = &survey.sections;
            for item in survey.scored_items() {
                let value = rating(&mut rng, survey, 0.2 + 0.6 * strength, 0.15);
                response.items.insert(item.id.clone(), value);
            }
            for (p, phase) in sections
                .journey
                .iter()
                .flat_map(|j| j.phases.iter().enumerate())
            {
                for criterion in &phase.criteria {
                    let yes = rng.f64() < strength + 0.45 - 0.15 * p as f64;
                    response.criteria.insert(criterion.id.clone(), yes);
                }
            }
            if let Some(maturity) = &sections.maturity {
                for process in &maturity.processes {
                    let level = ((strength * 0.7 + rng.f64() * 0.3) * levels as f64) as usize;
                    response.maturity.insert(
                        process.id.clone(),
                        maturity.levels[level.min(levels - 1)].id.clone(),
                    );
                }
            }
            overall_answers(survey, &mut response, seed, n);
            response
        })
        .collect()
}

/// The overall section's answers: satisfaction follows the partner's mean performance, and
/// the recommendation follows satisfaction. They draw from a generator of their own, so that
/// every other answer stays what the same seed gave before the section existed.
fn overall_answers(survey: &Survey, response: &mut Response, seed: u64, n: usize) {
    let Some(overall) = &survey.sections.overall else {
        return;
    };
    let mut rng = fastrand::Rng::with_seed(seed ^ 0x6f76_6572_616c_6c00 ^ n as u64);
    let (min, max) = (f64::from(survey.scale.min), f64::from(survey.scale.max));
    let performances: Vec<f64> = response
        .ratings
        .values()
        .filter_map(|r| r.performance)
        .map(|p| (f64::from(p) - min) / (max - min))
        .collect();
    if performances.is_empty() {
        return;
    }
    let experience = performances.iter().sum::<f64>() / performances.len() as f64;
    // Partners who stay in a program tend to rate it as a whole above its parts.
    let satisfied = rating(&mut rng, survey, experience + 0.15, 0.08);
    if let Some(item) = &overall.satisfaction {
        response.items.insert(item.id.clone(), satisfied);
    }
    if let Some(item) = &overall.recommend {
        let centre = (f64::from(satisfied) - min) / (max - min);
        let noise = (rng.f64() + rng.f64() - 1.0) * 1.5;
        let likely = (1.5 + centre * 8.5 + noise).round().clamp(0.0, 10.0) as i32;
        response.items.insert(item.id.clone(), likely);
    }
}
