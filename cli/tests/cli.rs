//! `partnerlens check`, run as a vendor would run it.

use std::process::Command;

/// The repository, where the CLI runs as a vendor would, with paths relative to it.
const ROOT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/..");

fn partnerlens(args: &[&str]) -> (i32, String, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_partnerlens"))
        .args(args)
        .current_dir(ROOT)
        .output()
        .expect("the CLI runs");
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

#[test]
fn check_summarises_both_shipped_surveys() {
    let (code, out, _) = partnerlens(&[
        "check",
        "web/public/surveys/partner-experience.json",
        "web/public/surveys/extended-example.json",
    ]);
    assert_eq!(code, 0);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 2);
    assert!(lines[0].contains("7 areas, 28 elements"), "{}", lines[0]);
    assert!(lines[0].contains("locales en,ar,de,fr"), "{}", lines[0]);
    assert!(lines[1].contains("9 areas, 33 elements"), "{}", lines[1]);
}

#[test]
fn check_lists_every_error_and_fails() {
    let (code, out, err) = partnerlens(&["check", "tests/fixtures/surveys/many-errors.json"]);
    assert_eq!(code, 1);
    assert!(out.is_empty());
    assert!(err.contains("4 error(s)"), "{err}");
    assert!(
        err.contains("areas[1].elements[0].id: duplicate id \"leads\""),
        "{err}"
    );
}

#[test]
fn a_valid_and_an_invalid_file_together_fail() {
    let (code, out, err) = partnerlens(&[
        "check",
        "tests/fixtures/surveys/minimal.json",
        "tests/fixtures/surveys/bad-scale.json",
    ]);
    assert_eq!(code, 1);
    assert!(out.contains("minimal.json: ok"));
    assert!(err.contains("bad-scale.json: 1 error(s)"));
}

#[test]
fn version_help_and_usage_errors() {
    let (code, out, _) = partnerlens(&["--version"]);
    assert_eq!(
        (code, out.trim()),
        (0, concat!("partnerlens ", env!("CARGO_PKG_VERSION")))
    );
    let (code, out, _) = partnerlens(&["--help"]);
    assert_eq!(code, 0);
    assert!(out.contains("partnerlens check FILE..."));
    let (code, _, err) = partnerlens(&["frobnicate"]);
    assert_eq!(code, 2);
    assert!(err.contains("unknown command 'frobnicate'"));
    let (code, _, err) = partnerlens(&["frobnicate", "--help"]);
    assert_eq!(code, 2);
    assert!(err.contains("unknown command 'frobnicate'"));
    let (code, _, err) = partnerlens(&["score", "--format", "xml"]);
    assert_eq!(code, 2);
    assert!(err.contains("--format xml: use json or csv"));
    let (code, _, err) = partnerlens(&["check", "no-such-file.json"]);
    assert_eq!(code, 1);
    assert!(err.contains("no-such-file.json: cannot read"));
}

#[test]
fn each_command_prints_its_own_help_and_exits_0() {
    let (code, out, err) = partnerlens(&["waves", "--help"]);
    assert_eq!((code, err.as_str()), (0, ""));
    assert!(out.starts_with("Usage:\n  partnerlens waves --survey SURVEY --earlier WAVE"));
    assert!(out.contains("Two waves of partner-side responses"));
    assert!(out.contains("Each FILE holds one response or an array of them"));
    assert!(out.contains("Exit status: 0 on success"));
    assert!(
        !out.contains("partnerlens rank"),
        "only the asked command: {out}"
    );
    // Help wins over what else is on the line, even a missing or wrong option.
    let (code, out, _) = partnerlens(&["generate", "--count", "3", "-h"]);
    assert_eq!(code, 0);
    assert!(out.contains("Print N realistic generated responses"));
    assert!(!out.contains("Each FILE"), "generate reads no FILE: {out}");
    for command in [
        "check",
        "score",
        "aggregate",
        "rank",
        "align",
        "portfolio",
        "answers",
    ] {
        let (code, out, _) = partnerlens(&[command, "--help"]);
        assert_eq!(code, 0, "{command}");
        assert!(
            out.contains(&format!("  partnerlens {command} ")),
            "{command}: {out}"
        );
    }
}

const SURVEY: &str = "web/public/surveys/partner-experience.json";

fn generated(count: &str, seed: &str) -> String {
    let (code, out, err) = partnerlens(&[
        "generate", "--survey", SURVEY, "--count", count, "--seed", seed,
    ]);
    assert_eq!(code, 0, "{err}");
    out
}

fn temp_file(name: &str, contents: &str) -> String {
    let path = std::env::temp_dir().join(format!("partnerlens-cli-{}-{name}", std::process::id()));
    std::fs::write(&path, contents).unwrap();
    path.to_string_lossy().into_owned()
}

#[test]
fn generate_is_repeatable_varied_regional_and_has_some_not_applicable() {
    let out = generated("400", "11");
    assert_eq!(
        out,
        generated("400", "11"),
        "the same seed gives the same set"
    );
    assert_ne!(out, generated("400", "12"));
    let responses: Vec<engine::Response> = serde_json::from_str(&out).unwrap();
    assert_eq!(responses.len(), 400);
    let not_applicable = responses
        .iter()
        .flat_map(|r| r.ratings.values())
        .filter(|r| r.not_applicable)
        .count();
    assert!(not_applicable > 0, "some answers are not applicable");
    let mean_performance = |region: &str| {
        let values: Vec<f64> = responses
            .iter()
            .filter(|r| r.profile.region.as_deref() == Some(region))
            .flat_map(|r| r.ratings.values().filter_map(|x| x.performance))
            .map(f64::from)
            .collect();
        values.iter().sum::<f64>() / values.len() as f64
    };
    assert!(
        mean_performance("emea") > mean_performance("apac") + 0.2,
        "regions differ: emea {} apac {}",
        mean_performance("emea"),
        mean_performance("apac")
    );
    let distinct: std::collections::BTreeSet<_> = responses
        .iter()
        .filter_map(|r| r.ratings.get("training").and_then(|t| t.importance))
        .collect();
    assert!(distinct.len() >= 3, "answers spread: {distinct:?}");
}

#[test]
fn aggregate_by_region_as_json_and_csv() {
    let file = temp_file("agg.json", &generated("60", "3"));
    let (code, out, err) = partnerlens(&["aggregate", "--survey", SURVEY, &file, "--by", "region"]);
    assert_eq!(code, 0, "{err}");
    let report: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(report["overall"]["responses"], 60);
    let group_total: u64 = report["groups"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| g["summary"]["responses"].as_u64().unwrap())
        .sum();
    assert_eq!(group_total, 60, "every response is in exactly one region");
    assert_eq!(report["overall"]["elements"].as_array().unwrap().len(), 28);

    let (code, csv, _) = partnerlens(&["aggregate", "--survey", SURVEY, &file, "--format", "csv"]);
    assert_eq!(code, 0);
    let mut lines = csv.lines();
    assert_eq!(
        lines.next(),
        Some("group,element,area,n,importance,performance,importance_sd,performance_sd,gap,diagonal_distance,quadrant,gap_rank,importance_low,importance_high,performance_low,performance_high,gap_low,gap_high,clear_quadrant,withheld_below")
    );
    assert_eq!(lines.count(), 28);
}

#[test]
fn min_n_withholds_small_groups_in_every_output() {
    let file = temp_file("min-n.json", &generated("60", "3"));
    // 60 partners in 4 regions: with --min-n 40 every region is under it, the total is not.
    let args = ["aggregate", "--survey", SURVEY, &file, "--by", "region"];
    let (code, out, err) = partnerlens(&[&args[..], &["--min-n", "40"]].concat());
    assert_eq!(code, 0, "{err}");
    let report: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(report["min_group_size"], 40);
    assert_eq!(report["overall"]["responses"], 60);
    for group in report["groups"].as_array().unwrap() {
        assert_eq!(
            group["summary"],
            serde_json::json!({"withheld": {"fewer_than": 40}})
        );
    }
    let (_, csv, _) = partnerlens(&[&args[..], &["--min-n", "40", "--format", "csv"]].concat());
    let withheld: Vec<&str> = csv.lines().filter(|l| l.ends_with(",40")).collect();
    assert_eq!(withheld.len(), 4, "{csv}");
    // The region, 18 empty columns, and the threshold: no number of the region's own.
    for line in &withheld {
        let fields: Vec<&str> = line.split(',').collect();
        assert_eq!(fields.len(), 20, "{line}");
        assert!(fields[1..19].iter().all(|f| f.is_empty()), "{line}");
    }
    // More than the partners there are: nothing is shown, and align and waves refuse.
    let (code, out, _) = partnerlens(&["aggregate", "--survey", SURVEY, &file, "--min-n", "61"]);
    assert_eq!(code, 0);
    let report: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(
        report["overall"],
        serde_json::json!({"withheld": {"fewer_than": 61}})
    );
    let (code, _, err) = partnerlens(&["align", "--survey", SURVEY, &file, "--min-n", "61"]);
    assert_eq!(code, 1);
    assert!(
        err.contains("withheld, as fewer than 61 partners' responses"),
        "{err}"
    );
    let (code, _, err) = partnerlens(&["aggregate", "--survey", SURVEY, &file, "--min-n", "0"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("--min-n 0: use a whole number of 1 or more"),
        "{err}"
    );
}

/// The generated responses as the app exports them: one envelope each.
fn exported(responses: &[engine::Response]) -> Vec<engine::codec::export::Envelope> {
    use engine::answers::assessment::Assessment;
    let survey =
        engine::load_survey(&std::fs::read(std::path::Path::new(ROOT).join(SURVEY)).unwrap())
            .unwrap();
    responses
        .iter()
        .enumerate()
        .map(|(i, response)| {
            let mut assessment = Assessment::new(&survey, format!("id-{i}"), 1_000);
            let response = engine::Response {
                id: format!("id-{i}"),
                ..response.clone()
            };
            assessment.record(&response, 2_000);
            engine::codec::export::Envelope::of(&assessment, &survey)
        })
        .collect()
}

#[test]
fn exported_files_score_and_aggregate_like_the_bare_answers() {
    let out = generated("40", "9");
    let responses: Vec<engine::Response> = serde_json::from_str(&out).unwrap();
    let envelopes = exported(&responses);
    let bare = temp_file("bare.json", &out);
    let files = temp_file(
        "exports.json",
        &serde_json::to_string_pretty(&envelopes).unwrap(),
    );
    let by_region =
        |file: &str| partnerlens(&["aggregate", "--survey", SURVEY, file, "--by", "region"]);
    let (code, from_exports, err) = by_region(&files);
    assert_eq!(code, 0, "{err}");
    assert_eq!(from_exports, by_region(&bare).1);

    let one = temp_file("one-export.json", &envelopes[0].to_json());
    let one_bare = temp_file(
        "one-bare.json",
        &serde_json::to_string(&responses[0]).unwrap(),
    );
    let (code, card, err) = partnerlens(&["score", "--survey", SURVEY, &one]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        card,
        partnerlens(&["score", "--survey", SURVEY, &one_bare]).1
    );

    // The answers in long form: 28 elements and 7 principles for each of the 40.
    let (code, long, err) = partnerlens(&["answers", "--survey", SURVEY, &files]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(long.lines().count(), 1 + 40 * (28 + 7));
    let (code, results, _) = partnerlens(&["score", "--survey", SURVEY, &one, "--format", "csv"]);
    assert_eq!(code, 0);
    assert_eq!(results.lines().count(), 1 + 28);
    assert!(results
        .lines()
        .nth(1)
        .unwrap()
        .starts_with("id-0,reputation,brand,"));
}

#[test]
fn score_prints_the_full_result_and_refuses_another_survey() {
    let responses: Vec<serde_json::Value> = serde_json::from_str(&generated("1", "5")).unwrap();
    let file = temp_file("one.json", &responses[0].to_string());
    let (code, out, err) = partnerlens(&["score", "--survey", SURVEY, &file]);
    assert_eq!(code, 0, "{err}");
    let card: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert!(card["summary"]["pxi"].is_f64());
    assert_eq!(card["completeness"]["possible"], 56);
    assert!(card["journey"].is_object() && card["maturity"].is_object());

    let mut foreign = responses[0].clone();
    foreign["survey_id"] = "acme-2025".into();
    let file = temp_file("foreign.json", &foreign.to_string());
    let (code, _, err) = partnerlens(&["aggregate", "--survey", SURVEY, &file]);
    assert_eq!(code, 1);
    assert!(
        err.contains("response 1: this response belongs to survey \"acme-2025\""),
        "{err}"
    );
}

#[test]
fn usage_errors_name_the_problem() {
    let (code, _, err) =
        partnerlens(&["aggregate", "--survey", SURVEY, "--by", "colour", "x.json"]);
    assert_eq!(code, 2);
    assert!(err.contains("--by colour: use region, function, type, tier, side or wave"));
    let (code, _, err) = partnerlens(&[
        "generate", "--survey", SURVEY, "--count", "ten", "--seed", "1",
    ]);
    assert_eq!(code, 2);
    assert!(err.contains("ten"), "{err}");
    let (code, _, err) = partnerlens(&["score", "--survey", SURVEY]);
    assert_eq!(code, 2);
    assert!(err.contains("score takes exactly one RESPONSE file"));
}

/// (element, rating, |delta|) of the largest partners-minus-vendor difference in an align CSV.
fn largest_delta(csv: &str) -> (String, &'static str, f64) {
    let mut rows = csv.lines();
    assert!(rows
        .next()
        .unwrap()
        .starts_with("element,vendor_importance,partner_importance,delta_importance,"));
    rows.flat_map(|line| {
        let cells: Vec<&str> = line.split(',').collect();
        [("importance", cells[3]), ("performance", cells[6])]
            .into_iter()
            .filter_map(|(rated, delta)| {
                Some((cells[0].to_owned(), rated, delta.parse::<f64>().ok()?.abs()))
            })
            .collect::<Vec<_>>()
    })
    .max_by(|a, b| a.2.total_cmp(&b.2))
    .unwrap()
}

#[test]
fn a_planted_vendor_view_is_what_align_finds_first() {
    let partners = temp_file("align-partners.json", &generated("100", "21"));
    let (code, vendor, _) = partnerlens(&[
        "generate",
        "--survey",
        SURVEY,
        "--count",
        "2",
        "--seed",
        "5",
        "--side",
        "vendor",
        "--shift",
        "training:importance:-9",
    ]);
    assert_eq!(code, 0);
    let parsed: Vec<serde_json::Value> = serde_json::from_str(&vendor).unwrap();
    assert!(parsed.iter().all(|r| r["profile"]["side"] == "vendor"
        && r["profile"]["region"].is_null()
        && r["profile"]["revenue_current"].is_null()));
    let vendor = temp_file("align-vendor.json", &vendor);
    let (code, out, _) = partnerlens(&["align", "--survey", SURVEY, &partners, &vendor]);
    assert_eq!(code, 0);
    let alignment: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(alignment["vendor_responses"], 2);
    assert_eq!(alignment["partner_responses"], 100);
    let (_, csv, _) = partnerlens(&[
        "align", "--survey", SURVEY, "--format", "csv", &partners, &vendor,
    ]);
    // 9 points down a 1-5 scale puts the vendor's training importance at 1, at least 2 below
    // the partners' (their typical importance is 45-95 % up the scale): the largest delta.
    let (element, rated, size) = largest_delta(&csv);
    assert_eq!((element.as_str(), rated), ("training", "importance"));
    assert!(size >= 2.0, "{size}");
    // Without the shift, training importance is no outlier.
    let (_, plain, _) = partnerlens(&[
        "generate", "--survey", SURVEY, "--count", "2", "--seed", "5", "--side", "vendor",
    ]);
    let plain = temp_file("align-plain.json", &plain);
    let (_, csv, _) = partnerlens(&[
        "align", "--survey", SURVEY, "--format", "csv", &partners, &plain,
    ]);
    let training = csv.lines().find(|l| l.starts_with("training,")).unwrap();
    let delta: f64 = training.split(',').nth(3).unwrap().parse().unwrap();
    assert!(delta.abs() < size - 1.0, "{training}");
}

#[test]
fn waves_find_a_planted_change_and_portfolio_counts_one_wave() {
    let (_, earlier, _) = partnerlens(&[
        "generate", "--survey", SURVEY, "--count", "60", "--seed", "1", "--wave", "2025",
    ]);
    let earlier = temp_file("wave-2025.json", &earlier);
    let (_, later, _) = partnerlens(&[
        "generate",
        "--survey",
        SURVEY,
        "--count",
        "60",
        "--seed",
        "2",
        "--wave",
        "2026",
        "--shift",
        "ordering:performance:-2",
    ]);
    let later = temp_file("wave-2026.json", &later);
    let (code, csv, _) = partnerlens(&[
        "waves",
        "--survey",
        SURVEY,
        "--earlier",
        "2025",
        "--later",
        "2026",
        "--format",
        "csv",
        &earlier,
        &later,
    ]);
    assert_eq!(code, 0, "{csv}");
    let ordering: Vec<&str> = csv
        .lines()
        .find(|l| l.starts_with("ordering,"))
        .unwrap()
        .split(',')
        .collect();
    // Performance planted 2 points lower: it falls by more than a point, and the gap widens.
    let (delta_p, delta_g): (f64, f64) =
        (ordering[9].parse().unwrap(), ordering[10].parse().unwrap());
    assert!(delta_p < -1.0 && delta_g > 1.0, "{ordering:?}");
    for (args, problem) in [
        (
            vec!["--earlier", "2025", "--later", "2025"],
            "waves compares two different waves",
        ),
        (
            vec!["--earlier", "2024", "--later", "2026"],
            "no partner answers in wave '2024'",
        ),
        (vec![], "--earlier WAVE and --later WAVE"),
    ] {
        let mut all = vec!["waves", "--survey", SURVEY];
        all.extend(args);
        all.extend([earlier.as_str(), later.as_str()]);
        let (code, _, err) = partnerlens(&all);
        assert_ne!(code, 0);
        assert!(err.contains(problem), "{err}");
    }
    // Both waves' 60 partners, but a partner counts once: the latest wave, or the one chosen.
    let (code, csv, _) = partnerlens(&[
        "portfolio",
        "--survey",
        SURVEY,
        "--format",
        "csv",
        &earlier,
        &later,
    ]);
    assert_eq!(code, 0);
    assert!(csv.starts_with("id,partner,category,score,revenue_current,revenue_potential,headroom"));
    assert_eq!(csv.lines().count(), 61);
    assert!(csv.lines().skip(1).all(|l| l.starts_with("generated-2-")));
    let (_, csv, _) = partnerlens(&[
        "rank", "--survey", SURVEY, "--format", "csv", "--wave", "2025", &earlier, &later,
    ]);
    assert_eq!(csv.lines().count(), 61);
    assert!(csv.lines().skip(1).all(|l| l.contains(",generated-1-")));
}

#[test]
fn a_shift_names_its_problem() {
    for (shift, problem) in [
        (
            "training:importance",
            "--shift training:importance: use ELEMENT:importance|performance:POINTS",
        ),
        (
            "training:colour:1",
            "use ELEMENT:importance|performance:POINTS",
        ),
        (
            "teleportation:importance:1",
            "the survey has no element 'teleportation'",
        ),
    ] {
        let (code, _, err) = partnerlens(&[
            "generate", "--survey", SURVEY, "--count", "1", "--seed", "1", "--shift", shift,
        ]);
        assert_ne!(code, 0);
        assert!(err.contains(problem), "{shift}: {err}");
    }
    let (code, _, err) = partnerlens(&[
        "generate", "--survey", SURVEY, "--count", "1", "--seed", "1", "--side", "reseller",
    ]);
    assert_eq!(code, 2);
    assert!(
        err.contains("--side reseller: use partner or vendor"),
        "{err}"
    );
}

#[test]
fn drivers_finds_a_planted_driver_and_reports_the_nps() {
    // 80 partners whose overall satisfaction is exactly their rating of leads' performance.
    let mut responses: Vec<engine::Response> =
        serde_json::from_str(&generated("80", "17")).unwrap();
    for response in &mut responses {
        match response.ratings.get("leads").and_then(|r| r.performance) {
            Some(p) => response.items.insert("overall-satisfaction".into(), p),
            None => response.items.remove("overall-satisfaction"),
        };
        // Promoters, passives and detractors in turn: 9, 7, 3, 10, 8, 0, ...
        let i = responses_index(&response.id);
        let likely = [9, 7, 3, 10, 8, 0][i % 6];
        response.items.insert("recommend".into(), likely);
    }
    let file = temp_file("drivers.json", &serde_json::to_string(&responses).unwrap());
    let (code, out, err) = partnerlens(&["drivers", "--survey", SURVEY, &file]);
    assert_eq!(code, 0, "{err}");
    let report: serde_json::Value = serde_json::from_str(&out).unwrap();
    let leads = report["elements"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["id"] == "leads")
        .unwrap();
    assert_eq!(leads["derived_importance"], 1.0);
    assert_eq!(leads["stable"], true);
    // Of 80 (indexes 0-79), each of the six answers comes 13 or 14 times: 0-1 mod 6 (9, 7)
    // 14 times, the rest 13. Promoters 9 and 10: 14 + 13 = 27; detractors 3 and 0: 13 + 13
    // = 26; NPS = (27 − 26) / 80 = 1.25.
    assert_eq!(report["nps"]["promoters"], 27);
    assert_eq!(report["nps"]["detractors"], 26);
    assert_eq!(report["nps"]["score"], 1.25);
    let (code, csv, _) = partnerlens(&["drivers", "--survey", SURVEY, &file, "--format", "csv"]);
    assert_eq!(code, 0);
    assert!(csv.starts_with(
        "element,stated_importance,derived_importance,derived_low,derived_high,n,stable,quadrant\n"
    ));
    assert!(
        csv.lines()
            .any(|l| l.starts_with("leads,") && l.contains(",1,1,1,")),
        "{csv}"
    );
    let (code, _, err) = partnerlens(&["drivers", "--survey", SURVEY, &file, "--min-n", "81"]);
    assert_eq!(code, 1);
    assert!(err.contains("withheld"), "{err}");
}

/// The position a generated response's id carries ("generated-17-42" is 42).
fn responses_index(id: &str) -> usize {
    id.rsplit('-').next().unwrap().parse().unwrap()
}

#[test]
fn summary_counts_the_segments_and_withholds_what_is_too_small() {
    // 20 partners: 12 in EMEA, 8 in Asia Pacific, and 3 vendor answers, which count as
    // responses but not as partners.
    let mut responses: Vec<engine::Response> = serde_json::from_str(&generated("23", "5")).unwrap();
    for (i, response) in responses.iter_mut().enumerate() {
        response.profile.region = Some(if i < 12 { "emea" } else { "apac" }.into());
        response.profile.side = Some(if i < 20 {
            engine::Side::Partner
        } else {
            engine::Side::Vendor
        });
        response.profile.wave = "2026".into();
    }
    let file = temp_file("summary.json", &serde_json::to_string(&responses).unwrap());
    let (code, out, err) = partnerlens(&["summary", "--survey", SURVEY, &file]);
    assert_eq!(code, 0, "{err}");
    let summary: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(summary["partners"], 20);
    assert_eq!(summary["by"], "region");
    // The vendor's three answers are in Asia Pacific too: 8 + 3.
    let segments = &summary["segments"];
    assert_eq!(
        segments[0],
        serde_json::json!({"key": "apac", "responses": 11})
    );
    assert_eq!(
        segments[1],
        serde_json::json!({"key": "emea", "responses": 12})
    );
    assert!(summary["disagreements"].is_array(), "{out}");
    assert_eq!(summary["waves"], serde_json::Value::Null);
    // With a threshold of 9, Asia Pacific's 8 partners are withheld, and so is EMEA, which
    // the total less Asia Pacific would otherwise give away.
    let (code, out, _) = partnerlens(&["summary", "--survey", SURVEY, &file, "--min-n", "9"]);
    assert_eq!(code, 0);
    let summary: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(summary["segments"][0]["responses"], serde_json::Value::Null);
    assert_eq!(summary["segments"][1]["responses"], serde_json::Value::Null);
    // With 21, the whole set is too few.
    let (code, _, err) = partnerlens(&["summary", "--survey", SURVEY, &file, "--min-n", "21"]);
    assert_eq!(code, 1);
    assert!(err.contains("withheld"), "{err}");
    let (code, _, err) = partnerlens(&["summary", "--survey", SURVEY, &file, "--format", "csv"]);
    assert_eq!(code, 2);
    assert!(err.contains("summary writes JSON only"), "{err}");
}
