//! Aggregates as CSV: one row per group and element, for spreadsheets and BI tools.

use super::aggregate::{AggregateReport, ElementScore, Quadrant, Summary};

const HEADER: [&str; 12] = [
    "group",
    "element",
    "area",
    "n",
    "importance",
    "performance",
    "importance_sd",
    "performance_sd",
    "gap",
    "diagonal_distance",
    "quadrant",
    "gap_rank",
];

fn number(value: Option<f64>) -> String {
    value.map(|v| v.to_string()).unwrap_or_default()
}

fn quadrant(value: Option<Quadrant>) -> &'static str {
    match value {
        Some(Quadrant::ConcentrateHere) => "concentrate_here",
        Some(Quadrant::KeepUpTheGoodWork) => "keep_up_the_good_work",
        Some(Quadrant::LowPriority) => "low_priority",
        Some(Quadrant::PossibleOverkill) => "possible_overkill",
        None => "",
    }
}

fn element_row(group: &str, e: &ElementScore) -> Vec<String> {
    vec![
        group.to_owned(),
        e.id.clone(),
        e.area.clone().unwrap_or_default(),
        e.n.to_string(),
        number(e.importance),
        number(e.performance),
        number(e.importance_sd),
        number(e.performance_sd),
        number(e.gap),
        number(e.diagonal_distance),
        quadrant(e.quadrant).to_owned(),
        e.gap_rank.map(|r| r.to_string()).unwrap_or_default(),
    ]
}

/// The overall rows carry the group "all"; grouped rows carry the group's key.
pub fn aggregate_csv(report: &AggregateReport) -> String {
    let mut writer = csv::Writer::from_writer(Vec::new());
    let mut write = |record: &[String]| {
        // Writing to a Vec cannot fail.
        let _ = writer.write_record(record);
    };
    write(&HEADER.map(str::to_owned));
    let mut sections: Vec<(&str, &Summary)> = vec![("all", &report.overall)];
    sections.extend(report.groups.iter().map(|g| (g.key.as_str(), &g.summary)));
    for (group, summary) in sections {
        for element in &summary.elements {
            write(&element_row(group, element));
        }
    }
    String::from_utf8(writer.into_inner().unwrap_or_default()).unwrap_or_default()
}
