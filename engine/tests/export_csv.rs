//! The CSV exports against rows written out by hand (docs/export-format.md).

use engine::codec::report_csv::{long_csv, results_csv};
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
