//! Property tests of the scoring invariants.

use engine::analysis::alignment::align;
use engine::analysis::portfolio::portfolio;
use engine::analysis::waves::{compare_waves, Presence};
use engine::codec::response_rows::rows_from_json;
use engine::generate::generate;
use engine::scoring::aggregate::{
    Aggregation, CrosshairMode, Filter, GroupBy, Quadrant, Summary, Tally,
};
use engine::scoring::anonymity::Threshold;
use engine::scoring::model::ScoringModel;
use engine::{load_survey, Rating, Response, Side, Survey};
use proptest::prelude::*;

fn minimal() -> Survey {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../tests/fixtures/surveys/minimal.json"
    );
    load_survey(&std::fs::read(path).unwrap()).unwrap()
}

fn rating() -> impl Strategy<Value = Option<Rating>> {
    // 0 and 6 lie outside the 1-5 scale: the engine must leave them out.
    proptest::option::of((
        proptest::option::of(0..=6i32),
        proptest::option::of(0..=6i32),
        proptest::bool::weighted(0.1),
    ))
    .prop_map(|r| {
        r.map(|(importance, performance, not_applicable)| Rating {
            importance,
            performance,
            not_applicable,
        })
    })
}

fn response() -> impl Strategy<Value = Response> {
    (
        proptest::collection::vec(rating(), 3),
        proptest::option::of(prop_oneof![Just("reseller"), Just("analyst")]),
        proptest::option::of(prop_oneof![Just("emea"), Just("apac")]),
        proptest::option::of(prop_oneof![Just("gold"), Just("silver")]),
        any::<bool>(),
    )
        .prop_map(|(ratings, partner_type, region, tier, vendor)| {
            let mut response = Response {
                survey_id: "minimal".into(),
                ..Response::default()
            };
            for (id, rating) in ["training", "leads", "ordering"].into_iter().zip(ratings) {
                if let Some(rating) = rating {
                    response.ratings.insert(id.into(), rating);
                }
            }
            response.profile.partner_type = partner_type.map(Into::into);
            response.profile.region = region.map(Into::into);
            response.profile.program_tier = tier.map(Into::into);
            response.profile.side = Some(if vendor { Side::Vendor } else { Side::Partner });
            response
        })
}

fn finite(value: Option<f64>) -> bool {
    value.is_none_or(f64::is_finite)
}

fn check_summary(survey: &Survey, summary: &Summary) -> Result<(), TestCaseError> {
    let (min, max) = (f64::from(survey.scale.min), f64::from(survey.scale.max));
    let crosshair = summary.crosshair;
    prop_assert!(
        finite(crosshair.importance) && finite(crosshair.performance) && finite(summary.pxi)
    );
    if let Some(pxi) = summary.pxi {
        prop_assert!((0.0..=100.0 + 1e-9).contains(&pxi));
    }
    for e in &summary.elements {
        for value in [
            e.importance,
            e.performance,
            e.importance_sd,
            e.performance_sd,
            e.gap,
            e.diagonal_distance,
        ] {
            prop_assert!(finite(value));
        }
        for mean in [e.importance, e.performance].into_iter().flatten() {
            prop_assert!(
                mean >= min - 1e-9 && mean <= max + 1e-9,
                "mean {} outside {}-{}",
                mean,
                min,
                max
            );
        }
        if let (Some(i), Some(p), Some(ci), Some(cp)) = (
            e.importance,
            e.performance,
            crosshair.importance,
            crosshair.performance,
        ) {
            let expected = match (i >= ci - 1e-9, p >= cp - 1e-9) {
                (true, false) => Quadrant::ConcentrateHere,
                (true, true) => Quadrant::KeepUpTheGoodWork,
                (false, false) => Quadrant::LowPriority,
                (false, true) => Quadrant::PossibleOverkill,
            };
            prop_assert_eq!(e.quadrant, Some(expected));
        } else {
            prop_assert_eq!(e.quadrant, None);
        }
    }
    for a in &summary.areas {
        prop_assert!(finite(a.importance) && finite(a.performance) && finite(a.gap));
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn scores_stay_in_range_quadrants_agree_and_nothing_is_nan(
        responses in proptest::collection::vec(response(), 0..25),
        scale_centred in any::<bool>(),
    ) {
        let survey = minimal();
        let model = ScoringModel::new(&survey);
        let mode = if scale_centred { CrosshairMode::ScaleCentred } else { CrosshairMode::DataCentred };
        let mut aggregation = Aggregation::new(&model, Filter::default(), Some(GroupBy::Region))
            .with_threshold(Threshold::NONE);
        for response in &responses {
            aggregation.add_response(&model, response).unwrap();
        }
        let report = aggregation.report(&model, mode);
        check_summary(&survey, report.overall.shown().unwrap())?;
        for group in &report.groups {
            check_summary(&survey, group.summary.shown().unwrap())?;
        }
    }

    /// A view is shown exactly when the threshold's rules allow it (docs/scoring.md), no group
    /// under the threshold is shown, and the withheld groups of a shown total are never one
    /// alone nor together fewer than the threshold.
    #[test]
    fn no_group_under_the_threshold_gets_through(
        responses in proptest::collection::vec(response(), 0..40),
        min in 1u64..8,
        by in prop_oneof![Just(GroupBy::Region), Just(GroupBy::PartnerType), Just(GroupBy::ProgramTier)],
        chosen in proptest::collection::vec(any::<bool>(), 3),
    ) {
        let survey = minimal();
        let model = ScoringModel::new(&survey);
        // The view: EMEA, resellers and gold, each chosen or not.
        let dims = [(GroupBy::Region, "emea"), (GroupBy::PartnerType, "reseller"), (GroupBy::ProgramTier, "gold")];
        let mut filter = Filter::default();
        for (&(dim, value), &on) in dims.iter().zip(&chosen) {
            if on {
                filter.set(dim, vec![value.into()]);
            }
        }
        let mut aggregation =
            Aggregation::new(&model, filter.clone(), Some(by)).with_threshold(Threshold::new(min));
        for response in &responses {
            aggregation.add_response(&model, response).unwrap();
        }
        let report = aggregation.report(&model, CrosshairMode::DataCentred);
        let rows: Vec<_> = responses
            .iter()
            .map(|r| model.row(r).keys)
            .filter(|keys| keys.side == Side::Partner)
            .collect();
        // The partners who give `value` for every dimension `keep` marks.
        let partners = |keep: &[bool]| {
            rows.iter()
                .filter(|keys| dims.iter().zip(keep).all(|(&(dim, value), &k)| !k || dim.key(keys) == value))
                .count() as u64
        };
        let small = |n: u64| n > 0 && n < min;
        let kept = partners(&chosen);
        let left_out = rows.len() as u64 - kept;
        // Every view wider than this one: each combination of its choices let go.
        let wider_ok = (0u32..8).all(|mask| {
            let keep: Vec<bool> = (0..3).map(|i| chosen[i] && mask & (1 << i) != 0).collect();
            !small(partners(&keep) - kept)
        });
        // With one choice let go, that choice's groups, withheld as "Compare by" does.
        let siblings_ok = (0..3).filter(|&i| chosen[i]).all(|i| {
            let mut groups = std::collections::BTreeMap::<&str, u64>::new();
            for keys in &rows {
                let others = dims.iter().enumerate().all(|(j, &(dim, value))| j == i || !chosen[j] || dim.key(keys) == value);
                if others {
                    *groups.entry(dims[i].0.key(keys)).or_default() += 1;
                }
            }
            let sizes: Vec<u64> = groups.values().copied().collect();
            let withheld = Threshold::new(min).withheld_groups(&sizes);
            !groups.keys().zip(withheld).any(|(key, w)| w && *key == dims[i].1)
        });
        prop_assert_eq!(
            report.overall.shown().is_some(),
            !small(kept) && !small(left_out) && wider_ok && siblings_ok
        );
        let matching = |r: &Response| filter.matches(&model.row(r).keys);
        let mut withheld = Vec::new();
        for group in &report.groups {
            let in_group = responses
                .iter()
                .filter(|r| r.profile.side == Some(Side::Partner) && matching(r) && by.key(&model.row(r).keys) == group.key)
                .count() as u64;
            match group.summary.shown() {
                Some(summary) => prop_assert!(!small(in_group), "{} shown with {} partners", group.key, summary.responses),
                None => withheld.push(in_group),
            }
        }
        if report.overall.shown().is_some() && !withheld.is_empty() {
            prop_assert!(withheld.len() > 1);
            prop_assert!(!small(withheld.iter().sum()));
        }
    }

    /// Subtraction gives no few partners away: in a shown view with one choice let go, the
    /// groups of that choice whose own views are withheld (with those who gave no answer,
    /// which no filter selects) hold none or at least the threshold together.
    #[test]
    fn shown_sibling_views_leave_no_few_partners_to_subtract(
        responses in proptest::collection::vec(response(), 0..40),
        min in 2u64..8,
        by in prop_oneof![Just(GroupBy::Region), Just(GroupBy::PartnerType), Just(GroupBy::ProgramTier)],
        parent_region in any::<bool>(),
    ) {
        let survey = minimal();
        let model = ScoringModel::new(&survey);
        let shown = |filter: &Filter| {
            let mut aggregation =
                Aggregation::new(&model, filter.clone(), None).with_threshold(Threshold::new(min));
            for response in &responses {
                aggregation.add_response(&model, response).unwrap();
            }
            aggregation.report(&model, CrosshairMode::DataCentred).overall.shown().is_some()
        };
        let mut parent = Filter::default();
        if parent_region && by != GroupBy::Region {
            parent.region = vec!["emea".into()];
        }
        prop_assume!(shown(&parent));
        let values: &[&str] = match by {
            GroupBy::Region => &["emea", "apac"],
            GroupBy::PartnerType => &["reseller", "analyst"],
            _ => &["gold", "silver"],
        };
        let in_parent: Vec<_> = responses
            .iter()
            .map(|r| model.row(r).keys)
            .filter(|keys| keys.side == Side::Partner && parent.matches(keys))
            .collect();
        let mut hidden = Vec::new();
        for value in values {
            let mut sibling = parent.clone();
            sibling.set(by, vec![(*value).into()]);
            let partners = in_parent.iter().filter(|keys| by.key(keys) == *value).count() as u64;
            if partners > 0 && !shown(&sibling) {
                hidden.push(partners);
            }
        }
        let unanswered = in_parent.iter().filter(|keys| !values.contains(&by.key(keys))).count() as u64;
        if unanswered > 0 {
            hidden.push(unanswered);
        }
        let revealed: u64 = hidden.iter().sum();
        prop_assert!(revealed == 0 || revealed >= min, "the parent less its shown groups: {:?}", hidden);
    }

    #[test]
    fn one_at_a_time_in_parts_or_shuffled_gives_the_same_tally(
        responses in proptest::collection::vec(response(), 0..25),
        split in any::<prop::sample::Index>(),
        shuffle_seed in any::<u64>(),
    ) {
        let survey = minimal();
        let model = ScoringModel::new(&survey);
        let rows: Vec<_> = responses.iter().map(|r| model.row(r)).collect();

        let mut one_by_one = Tally::new(&model);
        rows.iter().for_each(|row| one_by_one.add(row));

        let cut = if rows.is_empty() { 0 } else { split.index(rows.len() + 1) };
        let (mut first, mut second) = (Tally::new(&model), Tally::new(&model));
        rows[..cut].iter().for_each(|row| first.add(row));
        rows[cut..].iter().for_each(|row| second.add(row));
        first.merge(&second);
        prop_assert_eq!(&first, &one_by_one);

        let mut shuffled = rows.clone();
        fastrand::Rng::with_seed(shuffle_seed).shuffle(&mut shuffled);
        let mut reordered = Tally::new(&model);
        shuffled.iter().for_each(|row| reordered.add(row));
        prop_assert_eq!(&reordered, &one_by_one);

        let a = Summary::of(&model, &one_by_one, CrosshairMode::DataCentred, 5);
        let b = Summary::of(&model, &reordered, CrosshairMode::DataCentred, 5);
        prop_assert_eq!(a, b);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn streaming_rows_equal_rows_of_parsed_responses(
        responses in proptest::collection::vec(response(), 0..12),
        seed in any::<u64>(),
    ) {
        let survey = minimal();
        let model = ScoringModel::new(&survey);
        let json = serde_json::to_string(&responses).unwrap();
        let expected: Vec<_> = responses.iter().map(|r| model.row(r)).collect();
        prop_assert_eq!(rows_from_json(&model, &json).unwrap(), expected);

        let default_path = concat!(env!("CARGO_MANIFEST_DIR"), "/../web/public/surveys/partner-experience.json");
        let default = load_survey(&std::fs::read(default_path).unwrap()).unwrap();
        let model = ScoringModel::new(&default);
        let generated = generate(&default, 5, seed);
        let json = serde_json::to_string(&generated).unwrap();
        let expected: Vec<_> = generated.iter().map(|r| model.row(r)).collect();
        prop_assert_eq!(rows_from_json(&model, &json).unwrap(), expected);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn alignment_is_antisymmetric_and_a_side_agrees_with_itself(
        responses in proptest::collection::vec(response(), 0..25),
    ) {
        let survey = minimal();
        let model = ScoringModel::new(&survey);
        let rows: Vec<_> = responses.iter().map(|r| model.row(r)).collect();
        let side = |side: Side| Tally::of_rows(&model, &rows, |keys| keys.side == side);
        let (vendor, partners) = (side(Side::Vendor), side(Side::Partner));
        let mode = CrosshairMode::DataCentred;
        let forward = align(&model, &vendor, &partners, mode);
        let backward = align(&model, &partners, &vendor, mode);
        for (f, b) in forward.elements.iter().zip(&backward.elements) {
            prop_assert_eq!(f.delta_importance, b.delta_importance.map(|d| -d));
            prop_assert_eq!(f.delta_performance, b.delta_performance.map(|d| -d));
        }
        prop_assert_eq!(forward.importance_correlation, backward.importance_correlation);
        let same = align(&model, &partners, &partners, mode);
        prop_assert!(same.disagreements(usize::MAX).is_empty());
        for rho in [same.importance_correlation, same.performance_correlation].into_iter().flatten() {
            prop_assert!((rho - 1.0).abs() < 1e-9, "{}", rho);
        }
        // Every disagreement is as large as the next, and names both means.
        let all = forward.disagreements(usize::MAX);
        prop_assert!(all.windows(2).all(|w| w[0].delta().abs() >= w[1].delta().abs()));
        prop_assert!(all.iter().all(|d| d.delta() != 0.0 && d.vendor.is_finite() && d.partners.is_finite()));
    }

    #[test]
    fn a_wave_against_itself_moves_nothing(
        responses in proptest::collection::vec(response(), 0..25),
        scale_centred in any::<bool>(),
    ) {
        let survey = minimal();
        let model = ScoringModel::new(&survey);
        let rows: Vec<_> = responses.iter().map(|r| model.row(r)).collect();
        let tally = Tally::of_rows(&model, &rows, |_| true);
        let mode = if scale_centred { CrosshairMode::ScaleCentred } else { CrosshairMode::DataCentred };
        let comparison = compare_waves(&model, &tally, &tally, mode);
        prop_assert_eq!(comparison.movers().count(), 0);
        for e in &comparison.elements {
            prop_assert!(matches!(e.presence(), Presence::Both | Presence::Neither));
            prop_assert!(e.delta_performance().is_none_or(|d| d == 0.0));
            prop_assert!(e.delta_gap().is_none_or(|d| d == 0.0));
        }
    }

    #[test]
    fn the_portfolio_places_or_names_every_partner_once(
        responses in proptest::collection::vec(response(), 0..25),
        revenues in proptest::collection::vec(
            (proptest::option::of(0.0..1e7f64), proptest::option::of(0.0..1e7f64)),
            25,
        ),
    ) {
        let survey = minimal();
        let model = ScoringModel::new(&survey);
        let mut responses = responses;
        for (i, (response, (current, potential))) in responses.iter_mut().zip(revenues).enumerate() {
            response.id = format!("r{i}");
            response.profile.revenue_current = current;
            response.profile.revenue_potential = potential;
        }
        let rows: Vec<_> = responses.iter().map(|r| model.row(r)).collect();
        let placed = portfolio(&model, &rows);
        let partners = rows.iter().filter(|r| r.keys.side == Side::Partner).count();
        prop_assert_eq!(placed.partners.len() + placed.without_revenue.len(), partners);
        prop_assert_eq!(placed.categories.iter().map(|c| c.partners).sum::<usize>(), placed.partners.len());
        let current: f64 = placed.partners.iter().map(|p| p.current).sum();
        let by_category: f64 = placed.categories.iter().map(|c| c.current).sum();
        prop_assert!((current - by_category).abs() <= 1e-6 * current.max(1.0));
        prop_assert!(placed.partners.windows(2).all(|w| w[0].headroom() >= w[1].headroom()));
    }
}

/// The sums of `ratings`, a list of (importance, performance) pairs.
fn pair_sums(ratings: &[(i32, i32)]) -> engine::scoring::stats::PairSums {
    let mut sums = engine::scoring::stats::PairSums::default();
    for &(i, p) in ratings {
        sums.add(i, p);
    }
    sums
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// Every interval holds its mean, and the gap's is the interval of each partner's own gap.
    #[test]
    fn intervals_contain_their_mean(ratings in prop::collection::vec((1i32..=7, 1i32..=7), 2..60)) {
        let sums = pair_sums(&ratings);
        let n = sums.n;
        for (interval, mean) in [
            (sums.importance.interval(n), sums.importance.mean(n)),
            (sums.performance.interval(n), sums.performance.mean(n)),
            (sums.gap().interval(n), sums.gap().mean(n)),
        ] {
            let (interval, mean) = (interval.unwrap(), mean.unwrap());
            prop_assert!(interval.low <= mean && mean <= interval.high, "{interval:?} {mean}");
        }
        let mut direct = engine::scoring::stats::Sums::default();
        for &(i, p) in &ratings {
            direct.add(i - p);
        }
        prop_assert_eq!(sums.gap(), direct);
    }

    /// The same answers from more partners give a narrower interval (never a wider one).
    #[test]
    fn intervals_shrink_as_partners_are_added(
        ratings in prop::collection::vec((1i32..=5, 1i32..=5), 2..20),
        times in 2usize..5,
    ) {
        let once = pair_sums(&ratings);
        let repeated: Vec<(i32, i32)> = (0..times).flat_map(|_| ratings.iter().copied()).collect();
        let more = pair_sums(&repeated);
        let width = |s: &engine::scoring::stats::Sums, n| s.interval(n).map(|i| i.high - i.low).unwrap();
        prop_assert!(width(&more.importance, more.n) <= width(&once.importance, once.n) + 1e-12);
        prop_assert!(width(&more.gap(), more.n) <= width(&once.gap(), once.n) + 1e-12);
        if width(&once.importance, once.n) > 0.0 {
            prop_assert!(width(&more.importance, more.n) < width(&once.importance, once.n));
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// Adjusted p-values never fall below the raw ones, never pass 1, and keep their order.
    #[test]
    fn benjamini_hochberg_adjusts_upward_and_keeps_the_order(p in prop::collection::vec(0.0f64..=1.0, 0..40)) {
        let adjusted = engine::scoring::significance::benjamini_hochberg(&p);
        prop_assert_eq!(adjusted.len(), p.len());
        for (i, (&raw, &adj)) in p.iter().zip(&adjusted).enumerate() {
            prop_assert!(raw <= adj + 1e-15 && adj <= 1.0, "{raw} {adj}");
            for (j, &other) in p.iter().enumerate() {
                if raw < other {
                    prop_assert!(adj <= adjusted[j] + 1e-15, "{i} {j}");
                }
            }
        }
    }

    /// Welch's test does not care which group comes first, and its p-value is a probability.
    #[test]
    fn welch_is_symmetric(
        a in prop::collection::vec(1i32..=7, 2..30),
        b in prop::collection::vec(1i32..=7, 2..30),
    ) {
        let sums = |values: &[i32]| {
            let mut s = engine::scoring::stats::Sums::default();
            for &v in values {
                s.add(v);
            }
            s
        };
        let (na, nb) = (a.len() as u64, b.len() as u64);
        let there = engine::scoring::significance::welch(&sums(&a), na, &sums(&b), nb);
        let back = engine::scoring::significance::welch(&sums(&b), nb, &sums(&a), na);
        prop_assert_eq!(there.is_some(), back.is_some());
        if let (Some(there), Some(back)) = (there, back) {
            prop_assert!((there.t + back.t).abs() < 1e-9);
            prop_assert!((there.p - back.p).abs() < 1e-12);
            prop_assert!((0.0..=1.0).contains(&there.p), "{there:?}");
        }
    }
}
