//! The scoring engine against the worked examples in docs/scoring.md, computed by hand.

use engine::analysis::alignment::align;
use engine::scoring::aggregate::{
    Aggregation, CrosshairMode, Filter, GroupBy, Quadrant, Summary, Tally, DEFAULT_PRIORITIES,
};
use engine::scoring::anonymity::Threshold;
use engine::scoring::model::ScoringModel;
use engine::scoring::ranking::{category_label, rank_partners};
use engine::scoring::scorecard::score;
use engine::{load_survey, Dimension, Response, Side, Survey};

const EPS: f64 = 1e-9;

fn survey(name: &str) -> Survey {
    let path = format!(
        "{}/../tests/fixtures/surveys/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    load_survey(&std::fs::read(path).unwrap()).unwrap()
}

fn close(actual: Option<f64>, expected: f64) {
    let actual = actual.unwrap_or_else(|| panic!("expected {expected}, got None"));
    assert!(
        (actual - expected).abs() < 1e-4,
        "expected {expected}, got {actual}"
    );
}

/// A respondent of minimal.json: (element, importance, performance) triples.
fn respondent(partner_type: &str, side: Side, ratings: &[(&str, i32, i32)]) -> Response {
    let mut response = Response {
        survey_id: "minimal".into(),
        ..Response::default()
    };
    response.profile.partner_type = Some(partner_type.into());
    response.profile.side = Some(side);
    for &(id, importance, performance) in ratings {
        response.rate(id, Dimension::Importance, Some(importance));
        response.rate(id, Dimension::Performance, Some(performance));
    }
    response
}

fn example_one() -> Vec<Response> {
    let r1 = respondent(
        "reseller",
        Side::Partner,
        &[("training", 5, 2), ("leads", 4, 4), ("ordering", 3, 1)],
    );
    let mut r2 = respondent(
        "reseller",
        Side::Partner,
        &[("training", 4, 3), ("leads", 2, 5)],
    );
    r2.set_not_applicable("ordering", true);
    let r3 = respondent(
        "analyst",
        Side::Partner,
        &[("training", 3, 3), ("leads", 5, 2), ("ordering", 5, 5)],
    );
    vec![r1, r2, r3]
}

fn summarize(survey: &Survey, responses: &[Response], mode: CrosshairMode) -> Summary {
    let model = ScoringModel::new(survey);
    // The worked examples hold fewer partners than any anonymity threshold.
    let mut aggregation =
        Aggregation::new(&model, Filter::default(), None).with_threshold(Threshold::NONE);
    for response in responses {
        aggregation.add_response(&model, response).unwrap();
    }
    let report = aggregation.report(&model, mode);
    report.overall.shown().cloned().expect("every group shown")
}

#[test]
fn example_one_elements() {
    let survey = survey("minimal.json");
    let summary = summarize(&survey, &example_one(), CrosshairMode::DataCentred);
    let [training, leads, ordering] = &summary.elements[..] else {
        panic!("three elements")
    };
    assert_eq!((training.n, leads.n, ordering.n), (3, 3, 1));
    close(training.importance, 4.0);
    close(training.performance, 8.0 / 3.0);
    close(training.importance_sd, 1.0);
    close(training.performance_sd, (1.0f64 / 3.0).sqrt());
    close(training.gap, 4.0 / 3.0);
    close(training.diagonal_distance, 0.942_809);
    close(leads.importance, 11.0 / 3.0);
    close(leads.performance_sd, (7.0f64 / 3.0).sqrt());
    close(leads.gap, 0.0);
    close(ordering.importance, 3.0);
    close(ordering.performance, 1.0);
    assert_eq!(ordering.importance_sd, None, "sd needs n >= 2");
    close(ordering.gap, 2.0);
    assert_eq!(
        (training.gap_rank, leads.gap_rank, ordering.gap_rank),
        (Some(2), Some(3), Some(1))
    );
}

#[test]
fn example_one_quadrants_with_a_data_centred_crosshair() {
    let survey = survey("minimal.json");
    let summary = summarize(&survey, &example_one(), CrosshairMode::DataCentred);
    close(summary.crosshair.importance, 32.0 / 9.0);
    close(summary.crosshair.performance, 22.0 / 9.0);
    let quadrants: Vec<_> = summary.elements.iter().map(|e| e.quadrant).collect();
    assert_eq!(
        quadrants,
        [
            Some(Quadrant::KeepUpTheGoodWork),
            Some(Quadrant::KeepUpTheGoodWork),
            Some(Quadrant::LowPriority)
        ]
    );
    assert!(summary.priorities.is_empty());
}

#[test]
fn the_report_counts_quadrants_and_ranks_gaps_like_example_one() {
    // Scale-centred, example one: two elements in Concentrate here, one in Keep up the
    // good work; ordering has the largest gap, then training, then leads.
    let survey = survey("minimal.json");
    let summary = summarize(&survey, &example_one(), CrosshairMode::ScaleCentred);
    assert_eq!(summary.quadrant_counts(), [2, 1, 0, 0]);
    let ranked: Vec<&str> = summary
        .ranked_by_gap()
        .iter()
        .map(|e| e.id.as_str())
        .collect();
    assert_eq!(ranked, ["ordering", "training", "leads"]);
}

#[test]
fn a_category_is_named_as_the_survey_names_it() {
    let survey = survey("minimal.json");
    assert_eq!(
        category_label(&survey, "reseller").map(|t| t.get("en")),
        Some("Reseller")
    );
    assert_eq!(category_label(&survey, "nobody"), None);
}

#[test]
fn example_one_quadrants_with_a_scale_centred_crosshair_on_the_line_counts_high() {
    let survey = survey("minimal.json");
    let summary = summarize(&survey, &example_one(), CrosshairMode::ScaleCentred);
    assert_eq!(
        (summary.crosshair.importance, summary.crosshair.performance),
        (Some(3.0), Some(3.0))
    );
    let quadrants: Vec<_> = summary.elements.iter().map(|e| e.quadrant).collect();
    assert_eq!(
        quadrants,
        [
            Some(Quadrant::ConcentrateHere),
            Some(Quadrant::KeepUpTheGoodWork),
            Some(Quadrant::ConcentrateHere)
        ]
    );
    assert_eq!(summary.priorities, ["ordering", "training"]);
}

/// docs/scoring.md, worked example 5: four partners rate training (5, 2), (4, 3), (4, 3),
/// (3, 4); a scale-centred crosshair at 3.
#[test]
fn example_five_intervals_and_a_quadrant_that_is_not_clear() {
    let survey = survey("minimal.json");
    let responses: Vec<Response> = [(5, 2), (4, 3), (4, 3), (3, 4)]
        .into_iter()
        .map(|(i, p)| respondent("reseller", Side::Partner, &[("training", i, p)]))
        .collect();
    let summary = summarize(&survey, &responses, CrosshairMode::ScaleCentred);
    let training = &summary.elements[0];
    let (importance, performance, gap) = (
        training.importance_ci.unwrap(),
        training.performance_ci.unwrap(),
        training.gap_ci.unwrap(),
    );
    close(Some(importance.low), 2.70076);
    close(Some(importance.high), 5.29924);
    close(Some(performance.low), 1.70076);
    close(Some(performance.high), 4.29924);
    close(Some(gap.low), -1.59848);
    close(Some(gap.high), 3.59848);
    assert_eq!(training.quadrant, Some(Quadrant::KeepUpTheGoodWork));
    assert_eq!(training.clear_quadrant, Some(false));
    // Leads has no ratings: no interval, and no say on its quadrant.
    assert_eq!(summary.elements[1].gap_ci, None);
    assert_eq!(summary.elements[1].clear_quadrant, None);
}

#[test]
fn example_one_areas_and_pxi() {
    let survey = survey("minimal.json");
    let summary = summarize(&survey, &example_one(), CrosshairMode::DataCentred);
    let enable = &summary.areas[0];
    assert_eq!(enable.elements_with_data, 2);
    close(enable.importance, 34.0 / 9.0);
    close(enable.performance, 10.0 / 3.0);
    close(enable.gap, 4.0 / 9.0);
    let transact = &summary.areas[1];
    close(transact.importance, 3.0);
    close(transact.gap, 2.0);
    close(summary.pxi, 100.0 * 59.0 / 129.0);
}

#[test]
fn example_two_five_cs_journey_and_maturity() {
    let survey = survey("scoring.json");
    let mut response = Response {
        survey_id: "scoring".into(),
        ..Response::default()
    };
    for (id, value) in [("c1", 5), ("c2", 2), ("m1", 4)] {
        response.items.insert(id.into(), value);
    }
    for (id, yes) in [("j1", true), ("j2", true), ("j3", false), ("j4", true)] {
        response.criteria.insert(id.into(), yes);
    }
    for (id, level) in [
        ("p1", "robust"),
        ("p2", "ad-hoc"),
        ("p3", "structured"),
        ("p4", "advanced"),
    ] {
        response.maturity.insert(id.into(), level.into());
    }
    let model = ScoringModel::new(&survey);
    let card = score(&model, &response, CrosshairMode::DataCentred).unwrap();
    let five_cs = card.summary.five_cs.as_ref().unwrap();
    close(five_cs.dimensions[0].score, 43.75);
    close(five_cs.dimensions[1].score, 75.0);
    close(five_cs.overall, 162.5 / 3.0);

    let journey = card.journey.unwrap();
    assert_eq!(journey.phase.as_deref(), Some("interest"));
    assert_eq!(journey.met, ["j1"]);
    assert_eq!(journey.next_phase_missing, ["j3"]);

    let maturity = card.maturity.unwrap();
    assert_eq!(maturity.median_level.as_deref(), Some("structured"));
    assert_eq!(maturity.deciding, ["p3"]);
    let lowest = maturity.lowest.unwrap();
    assert_eq!(
        (lowest.id.as_str(), lowest.level.as_deref()),
        ("p2", Some("ad-hoc"))
    );
    // No element is rated: three visible elements, none answered.
    assert_eq!(
        (card.completeness.given, card.completeness.possible),
        (0, 6)
    );
}

#[test]
fn example_three_ranking() {
    let survey = survey("scoring.json");
    let model = ScoringModel::new(&survey);
    let partner = |name: &str, partner_type: &str, answer: Option<i32>| {
        let mut response = Response {
            id: format!("id-{name}"),
            survey_id: "scoring".into(),
            ..Response::default()
        };
        response.profile.partner_name = name.into();
        response.profile.partner_type = Some(partner_type.into());
        for id in ["c1", "c2", "m1"] {
            if let Some(value) = answer {
                response.items.insert(id.into(), value);
            }
        }
        model.row(&response)
    };
    let rows = [
        partner("Beta", "reseller", Some(4)),
        partner("Alpha", "analyst", Some(4)),
        partner("Gamma", "reseller", Some(5)),
        partner("Delta", "reseller", None),
    ];
    let ranked = rank_partners(&model, &rows);
    let summary: Vec<_> = ranked
        .iter()
        .map(|p| {
            (
                p.name.as_str(),
                p.score,
                p.rank,
                p.category.as_deref(),
                p.category_rank,
            )
        })
        .collect();
    assert_eq!(
        summary,
        [
            ("Gamma", Some(100.0), Some(1), Some("reseller"), Some(1)),
            ("Alpha", Some(75.0), Some(2), Some("analyst"), Some(1)),
            ("Beta", Some(75.0), Some(3), Some("reseller"), Some(2)),
            ("Delta", None, None, Some("reseller"), None),
        ]
    );
}

#[test]
fn example_four_alignment() {
    let survey = survey("minimal.json");
    let model = ScoringModel::new(&survey);
    let vendor = respondent(
        "reseller",
        Side::Vendor,
        &[("training", 5, 4), ("leads", 3, 3), ("ordering", 4, 4)],
    );
    let mut by_side = Aggregation::new(&model, Filter::default(), Some(GroupBy::Side));
    for response in example_one().iter().chain([&vendor]) {
        by_side.add_response(&model, response).unwrap();
    }
    let alignment = align(
        &model,
        &by_side.groups["vendor"],
        &by_side.groups["partner"],
        CrosshairMode::DataCentred,
    );
    assert_eq!(
        (alignment.vendor_responses, alignment.partner_responses),
        (1, 3)
    );
    let deltas: Vec<_> = alignment
        .elements
        .iter()
        .map(|e| (e.delta_importance.unwrap(), e.delta_performance.unwrap()))
        .collect();
    for ((di, dp), (ei, ep)) in
        deltas
            .iter()
            .zip([(-1.0, -4.0 / 3.0), (2.0 / 3.0, 2.0 / 3.0), (-1.0, -3.0)])
    {
        assert!((di - ei).abs() < EPS && (dp - ep).abs() < EPS, "{deltas:?}");
    }
    close(alignment.importance_correlation, 0.5);
    close(alignment.performance_correlation, -1.5 / 3.0f64.sqrt());
}

#[test]
fn no_respondents_gives_no_data_and_never_nan() {
    let survey = survey("minimal.json");
    let summary = summarize(&survey, &[], CrosshairMode::DataCentred);
    assert_eq!(summary.responses, 0);
    assert_eq!(summary.pxi, None);
    assert_eq!(summary.crosshair.importance, None);
    assert!(summary
        .elements
        .iter()
        .all(|e| e.n == 0 && e.importance.is_none() && e.quadrant.is_none()));
    assert!(summary.areas.iter().all(|a| a.importance.is_none()));
    let json = serde_json::to_string(&summary).unwrap();
    assert!(!json.contains("NaN") && !json.contains("inf"));
}

#[test]
fn an_area_with_every_element_not_applicable_has_no_data() {
    let survey = survey("minimal.json");
    let mut response = respondent("reseller", Side::Partner, &[("ordering", 4, 2)]);
    response.set_not_applicable("training", true);
    response.set_not_applicable("leads", true);
    let summary = summarize(&survey, &[response], CrosshairMode::DataCentred);
    let enable = &summary.areas[0];
    assert_eq!(enable.elements_with_data, 0);
    assert_eq!(
        (enable.importance, enable.performance, enable.gap),
        (None, None, None)
    );
    // Only ordering has data: PXI = 100 * 4 * (2-1)/4 / 4 = 25.
    close(summary.pxi, 25.0);
}

#[test]
fn weights_of_zero_leave_no_index_and_no_area_score() {
    let mut survey = survey("minimal.json");
    for area in &mut survey.areas {
        area.weight = 0.0;
    }
    survey.areas[0].elements[0].weight = 0.0;
    survey.areas[0].elements[1].weight = 0.0;
    let summary = summarize(&survey, &example_one(), CrosshairMode::DataCentred);
    assert_eq!(summary.pxi, None);
    assert_eq!(summary.areas[0].importance, None);
    // Element means do not depend on weights.
    close(summary.elements[0].importance, 4.0);
}

#[test]
fn pxi_holds_on_seven_and_eleven_point_scales() {
    let mut survey = survey("minimal.json");
    survey.scale.min = 1;
    survey.scale.max = 7;
    // One element, P = 4 on 1-7: (4-1)/6 = 50.
    let one = respondent("reseller", Side::Partner, &[("training", 6, 4)]);
    close(
        summarize(&survey, &[one], CrosshairMode::DataCentred).pxi,
        50.0,
    );
    survey.scale.min = 0;
    survey.scale.max = 10;
    let top = respondent(
        "reseller",
        Side::Partner,
        &[("training", 10, 10), ("leads", 7, 0)],
    );
    // 100 * (1*10*1 + 2*7*0) / (1*10 + 2*7) = 1000/24 = 41.6667; 0 is a real answer, not "none".
    let summary = summarize(&survey, &[top], CrosshairMode::ScaleCentred);
    close(summary.pxi, 1000.0 / 24.0);
    assert_eq!(summary.crosshair.importance, Some(5.0));
}

#[test]
fn responses_of_another_survey_are_refused_by_name() {
    let survey = survey("minimal.json");
    let model = ScoringModel::new(&survey);
    let mut aggregation = Aggregation::new(&model, Filter::default(), None);
    let mut other = example_one().remove(0);
    other.survey_id = "acme-2025".into();
    let error = aggregation.add_response(&model, &other).unwrap_err();
    assert!(error.contains("survey \"acme-2025\""), "{error}");
    let mut changed = example_one().remove(0);
    changed.structure_hash = "0123456789abcdef".into();
    let error = aggregation.add_response(&model, &changed).unwrap_err();
    assert!(error.contains("another version"), "{error}");
    assert_eq!(aggregation.overall.responses, 0);
}

#[test]
fn filters_and_groups_select_responses() {
    let survey = survey("minimal.json");
    let model = ScoringModel::new(&survey);
    let filter = Filter {
        partner_type: vec!["reseller".into()],
        ..Filter::default()
    };
    let mut aggregation = Aggregation::new(&model, filter, Some(GroupBy::PartnerFunction))
        .with_threshold(Threshold::NONE);
    for response in example_one() {
        aggregation.add_response(&model, &response).unwrap();
    }
    assert_eq!(aggregation.overall.responses, 2);
    assert_eq!(aggregation.groups.keys().collect::<Vec<_>>(), ["sales"]);
    let report = aggregation.report(&model, CrosshairMode::DataCentred);
    // Resellers only: training (5,2), (4,3): I 4.5, P 2.5.
    let overall = report.overall.shown().unwrap();
    close(overall.elements[0].importance, 4.5);
    close(overall.elements[0].performance, 2.5);
    let tally = Tally::new(&model);
    assert_eq!(
        Summary::of(
            &model,
            &tally,
            CrosshairMode::DataCentred,
            DEFAULT_PRIORITIES
        )
        .responses,
        0
    );
}
