//! The CSV exports against rows written out by hand (docs/export-format.md).

use engine::codec::report_csv::{five_cs_csv, long_csv, results_csv};
use engine::scoring::aggregate::{CrosshairMode, Summary, Tally, DEFAULT_PRIORITIES};
use engine::scoring::model::ScoringModel;
use engine::{load_survey, Dimension, Response, Side};

fn minimal() -> engine::Survey {
    load_survey(include_bytes!("../../tests/fixtures/surveys/minimal.json")).unwrap()
}

fn respondent() -> Response {
    let mut response = Response {
        id: "r1".into(),
        survey_id: "minimal".into(),
        ..Response::default()
    };
    let profile = &mut response.profile;
    profile.partner_name = "Acme, \"the\" integrator".into();
    profile.partner_type = Some("reseller".into());
    profile.side = Some(Side::Partner);
    profile.wave = "2026".into();
    response.rate("training", Dimension::Importance, Some(5));
    response.rate("training", Dimension::Performance, Some(2));
    response.set_not_applicable("ordering", true);
    response
}

#[test]
fn the_long_form_has_a_row_per_element_with_empty_cells_for_missing_ratings() {
    let csv = long_csv(&minimal(), &[respondent()]);
    // A name with a comma and quotes is quoted, its quotes doubled.
    assert_eq!(
        csv,
        "respondent,partner,partner_type,region,program_tier,side,wave,area,element,importance,performance,not_applicable\n\
         r1,\"Acme, \"\"the\"\" integrator\",reseller,,,partner,2026,enable,training,5,2,false\n\
         r1,\"Acme, \"\"the\"\" integrator\",reseller,,,partner,2026,enable,leads,,,false\n\
         r1,\"Acme, \"\"the\"\" integrator\",reseller,,,partner,2026,transact,ordering,,,true\n"
    );
}

#[test]
fn a_name_a_spreadsheet_would_run_as_a_formula_is_kept_as_text() {
    let mut response = respondent();
    response.profile.partner_name = "=HYPERLINK(\"http://x\")".into();
    let csv = long_csv(&minimal(), &[response]);
    let row = csv.lines().nth(1).unwrap();
    assert!(
        row.starts_with("r1,\"'=HYPERLINK(\"\"http://x\"\")\",reseller,"),
        "{row}"
    );
}

#[test]
fn a_cell_behind_a_tab_or_carriage_return_is_kept_as_text_too() {
    let mut response = respondent();
    response.profile.region = Some("\t=1+1".into());
    response.profile.wave = "\r@SUM(A1)".into();
    let csv = long_csv(&minimal(), &[response]);
    let row = csv.lines().nth(1).unwrap();
    assert!(
        row.contains(",'\t=1+1,") || row.contains(",\"'\t=1+1\","),
        "{row:?}"
    );
    // The writer quotes a cell with a carriage return; the apostrophe comes first inside.
    assert!(row.contains(",\"'\r@SUM(A1)\","), "{row:?}");
}

#[test]
fn the_results_have_the_aggregate_columns_with_the_assessment_as_group() {
    let survey = minimal();
    let model = ScoringModel::new(&survey);
    let mut tally = Tally::new(&model);
    tally.add(&model.row(&respondent()));
    let summary = Summary::of(
        &model,
        &tally,
        CrosshairMode::ScaleCentred,
        DEFAULT_PRIORITIES,
    );
    let csv = results_csv("r1", &summary);
    let mut lines = csv.lines();
    assert_eq!(
        lines.next(),
        Some("group,element,area,n,importance,performance,importance_sd,performance_sd,gap,diagonal_distance,quadrant,gap_rank,importance_low,importance_high,performance_low,performance_high,gap_low,gap_high,clear_quadrant")
    );
    // Training alone has both ratings: gap 5 - 2 = 3, distance 3 / sqrt 2, importance 5 over
    // the scale's middle 3 and performance 2 under it: Concentrate here, rank 1. A spread,
    // and so an interval and whether the quadrant is clear, needs two respondents: empty.
    assert_eq!(
        lines.next(),
        Some("r1,training,enable,1,5,2,,,3,2.1213203435596424,concentrate_here,1,,,,,,,")
    );
    assert_eq!(lines.next(), Some("r1,leads,enable,0,,,,,,,,,,,,,,,"));
    assert_eq!(lines.next(), Some("r1,ordering,transact,0,,,,,,,,,,,,,,,"));
}

#[test]
fn one_partners_five_cs_come_in_the_rankings_columns_with_the_weights_used() {
    // docs/scoring.md, worked example 2: c1 = 5, c2 = 2, m1 = 4 give contribution
    // (100 · 1 + 25 · 3) / 4 = 43.75 and commitment 75; with the survey's weights (2 and 1)
    // the overall score is (43.75 · 2 + 75) / 3 = 54.1667.
    let survey = load_survey(include_bytes!("../../tests/fixtures/surveys/scoring.json")).unwrap();
    let model = ScoringModel::new(&survey);
    let mut response = Response {
        id: "p1".into(),
        survey_id: "scoring".into(),
        ..Response::default()
    };
    response.profile.partner_name = "Acme".into();
    for (item, answer) in [("c1", 5), ("c2", 2), ("m1", 4)] {
        response.items.insert(item.into(), answer);
    }
    let rows = |weights: &[f64]| -> Vec<Vec<f64>> {
        let csv = five_cs_csv(&model, &response, weights).unwrap();
        let mut lines = csv.lines();
        assert_eq!(
            lines.next().unwrap(),
            "rank,id,partner,category,category_rank,score,contribution,commitment,\
             weight_contribution,weight_commitment"
        );
        lines
            .map(|line| {
                let cells: Vec<&str> = line.split(',').collect();
                // Alone, the partner ranks first; without a partner type it has no category.
                assert_eq!(cells[..5], ["1", "p1", "Acme", "", "1"]);
                cells[5..].iter().map(|c| c.parse().unwrap()).collect()
            })
            .collect()
    };
    let close = |got: &[f64], want: &[f64]| {
        assert_eq!(got.len(), want.len());
        assert!(
            got.iter().zip(want).all(|(g, w)| (g - w).abs() < 1e-9),
            "{got:?}"
        );
    };
    let [row] = &rows(&[2.0, 1.0])[..] else {
        panic!("one row")
    };
    close(row, &[54.166666666666664, 43.75, 75.0, 2.0, 1.0]);
    // A what-if that weighs commitment 3 and contribution 1: (43.75 + 3 · 75) / 4 = 67.1875.
    let [row] = &rows(&[1.0, 3.0])[..] else {
        panic!("one row")
    };
    close(row, &[67.1875, 43.75, 75.0, 1.0, 3.0]);
    // A survey without five Cs has no such file.
    assert_eq!(
        five_cs_csv(&ScoringModel::new(&minimal()), &respondent(), &[]),
        None
    );
}
