//! CSV for spreadsheets and BI tools (docs/export-format.md): computed results, one row per
//! group and element; and the answers in long form, one row per element per respondent.

use crate::analysis::alignment::Alignment;
use crate::analysis::drivers::{DriverQuadrant, DriversReport};
use crate::analysis::portfolio::Portfolio;
use crate::analysis::waves::WaveComparison;
use crate::answers::response::Response;
use crate::scoring::aggregate::{AggregateReport, ElementScore, Quadrant, Reported, Summary};
use crate::scoring::model::ScoringModel;
use crate::scoring::ranking::{rank_partners_with, ranking_report, RankingReport};
use crate::survey::definition::Survey;

const HEADER: [&str; 19] = [
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
    "importance_low",
    "importance_high",
    "performance_low",
    "performance_high",
    "gap_low",
    "gap_high",
    "clear_quadrant",
];

fn number(value: Option<f64>) -> String {
    value.map(|v| v.to_string()).unwrap_or_default()
}

/// A p-value: in full, or in scientific notation when tiny, rather than fifty zeros.
fn p_value(value: Option<f64>) -> String {
    match value {
        Some(p) if p < 1e-6 => format!("{p:e}"),
        _ => number(value),
    }
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
        number(e.importance_ci.map(|i| i.low)),
        number(e.importance_ci.map(|i| i.high)),
        number(e.performance_ci.map(|i| i.low)),
        number(e.performance_ci.map(|i| i.high)),
        number(e.gap_ci.map(|i| i.low)),
        number(e.gap_ci.map(|i| i.high)),
        e.clear_quadrant.map(|c| c.to_string()).unwrap_or_default(),
    ]
}

/// A text a spreadsheet would run as a formula (`=HYPERLINK(…)` as a partner name, or one
/// behind a tab or carriage return, which some spreadsheets skip) gets a leading apostrophe;
/// numbers, negative ones included, stay as they are.
fn inert(field: &str) -> std::borrow::Cow<'_, str> {
    let formula =
        field.starts_with(['=', '+', '-', '@', '\t', '\r']) && field.parse::<f64>().is_err();
    if formula {
        format!("'{field}").into()
    } else {
        field.into()
    }
}

/// CSV text of a header and rows.
fn write_csv(header: &[&str], rows: impl Iterator<Item = Vec<String>>) -> String {
    let mut writer = csv::Writer::from_writer(Vec::new());
    // Writing to a Vec cannot fail.
    let _ = writer.write_record(header);
    for row in rows {
        let _ = writer.write_record(row.iter().map(|field| inert(field).into_owned()));
    }
    String::from_utf8(writer.into_inner().unwrap_or_default()).unwrap_or_default()
}

/// The overall rows carry the group "all"; grouped rows carry the group's key. A group
/// withheld for anonymity is one row: its key, and the threshold in `withheld_below`.
pub fn aggregate_csv(report: &AggregateReport) -> String {
    let mut sections: Vec<(&str, &Reported)> = vec![("all", &report.overall)];
    sections.extend(report.groups.iter().map(|g| (g.key.as_str(), &g.summary)));
    let rows = sections
        .into_iter()
        .flat_map(|(group, reported)| -> Vec<Vec<String>> {
            match reported {
                Reported::Shown(summary) => summary
                    .elements
                    .iter()
                    .map(|e| {
                        let mut row = element_row(group, e);
                        row.push(String::new());
                        row
                    })
                    .collect(),
                Reported::Withheld { withheld } => {
                    let mut row = vec![String::new(); HEADER.len() + 1];
                    row[0] = group.to_owned();
                    row[HEADER.len()] = withheld.fewer_than.to_string();
                    vec![row]
                }
            }
        });
    let mut header = HEADER.to_vec();
    header.push("withheld_below");
    write_csv(&header, rows)
}

/// One assessment's computed results, in the same columns as the aggregate, its group
/// being the assessment's id.
pub fn results_csv(id: &str, summary: &Summary) -> String {
    write_csv(&HEADER, summary.elements.iter().map(|e| element_row(id, e)))
}

/// One assessment's five Cs in the ranking's columns, as `partnerlens rank` writes them for its
/// export: each C's score, the overall score and category under `weights` (the survey's, or a
/// what-if), and the weights. None when the survey has no five-Cs section.
pub fn five_cs_csv(model: &ScoringModel, response: &Response, weights: &[f64]) -> Option<String> {
    model.survey.sections.five_cs.as_ref()?;
    let row = model.row(response);
    let partners = rank_partners_with(model, [&row], weights);
    Some(ranking_csv(
        model.survey,
        &ranking_report(model.survey, partners, weights),
    ))
}

/// The partner ranking: overall and category rank, the category, the overall five-Cs score
/// and one column per C (named by the survey's ids), then the weight each C had in the
/// overall score (`weight_<id>`, the same on every row): the survey's, or a what-if.
pub fn ranking_csv(survey: &Survey, report: &RankingReport) -> String {
    let dimensions: Vec<&str> = survey
        .sections
        .five_cs
        .iter()
        .flat_map(|section| section.dimensions.iter().map(|d| d.id.as_str()))
        .collect();
    let mut header: Vec<String> = [
        "rank",
        "id",
        "partner",
        "category",
        "category_rank",
        "score",
    ]
    .map(str::to_owned)
    .to_vec();
    header.extend(dimensions.iter().map(|d| (*d).to_owned()));
    header.extend(report.weights.iter().map(|w| format!("weight_{}", w.id)));
    let weights: Vec<String> = report
        .weights
        .iter()
        .map(|w| w.weight.to_string())
        .collect();
    let rank = |r: Option<usize>| r.map(|r| r.to_string()).unwrap_or_default();
    let rows = report.partners.iter().map(|p| {
        let mut row = vec![
            rank(p.rank),
            p.id.clone(),
            p.name.clone(),
            p.category.clone().unwrap_or_default(),
            rank(p.category_rank),
            number(p.score),
        ];
        row.extend(p.dimensions.iter().map(|d| number(*d)));
        row.extend(weights.iter().cloned());
        row
    });
    let header: Vec<&str> = header.iter().map(String::as_str).collect();
    write_csv(&header, rows)
}

/// The vendor's view against the partners', per element; deltas are partners minus vendor.
pub fn alignment_csv(alignment: &Alignment) -> String {
    let header = [
        "element",
        "vendor_importance",
        "partner_importance",
        "delta_importance",
        "vendor_performance",
        "partner_performance",
        "delta_performance",
    ];
    let rows = alignment.elements.iter().map(|e| {
        vec![
            e.id.clone(),
            number(e.vendor_importance),
            number(e.partner_importance),
            number(e.delta_importance),
            number(e.vendor_performance),
            number(e.partner_performance),
            number(e.delta_performance),
        ]
    });
    write_csv(&header, rows)
}

/// Two waves per element: each wave's means, gap and quadrant, and the changes (later minus
/// earlier), empty for an element only one wave has.
pub fn waves_csv(comparison: &WaveComparison) -> String {
    let header = [
        "element",
        "earlier_importance",
        "earlier_performance",
        "earlier_gap",
        "earlier_quadrant",
        "later_importance",
        "later_performance",
        "later_gap",
        "later_quadrant",
        "delta_performance",
        "delta_gap",
        "gap_change_p",
        "gap_change_adjusted_p",
    ];
    let rows = comparison.elements.iter().map(|e| {
        let mut row = vec![e.id.clone()];
        for position in [e.earlier, e.later] {
            row.extend([
                number(position.map(|p| p.importance)),
                number(position.map(|p| p.performance)),
                number(position.map(|p| p.gap)),
                quadrant(position.and_then(|p| p.quadrant)).to_owned(),
            ]);
        }
        row.extend([
            number(e.delta_performance()),
            number(e.delta_gap()),
            p_value(e.gap_change.map(|t| t.p)),
            p_value(e.gap_change.map(|t| t.adjusted)),
        ]);
        row
    });
    write_csv(&header, rows)
}

/// Each element's stated and derived importance (`partnerlens drivers`): the correlation of
/// its performance with overall satisfaction, its 95 % interval, how many partners gave both,
/// whether that is enough for a stable estimate, and its place on the map.
pub fn drivers_csv(report: &DriversReport) -> String {
    let header = [
        "element",
        "stated_importance",
        "derived_importance",
        "derived_low",
        "derived_high",
        "n",
        "stable",
        "quadrant",
    ];
    let rows = report.elements.iter().map(|e| {
        vec![
            e.id.clone(),
            number(e.stated_importance),
            number(e.derived_importance),
            number(e.interval.map(|i| i.low)),
            number(e.interval.map(|i| i.high)),
            e.n.to_string(),
            e.stable.to_string(),
            match e.quadrant {
                Some(DriverQuadrant::KeyDriver) => "key_driver",
                Some(DriverQuadrant::SaidNotShown) => "said_not_shown",
                Some(DriverQuadrant::Hidden) => "hidden_driver",
                Some(DriverQuadrant::Secondary) => "secondary",
                None => "",
            }
            .to_owned(),
        ]
    });
    write_csv(&header, rows)
}

/// Every placed partner, largest headroom first; partners without revenue follow with the
/// revenue columns empty, so the file names them too.
pub fn portfolio_csv(portfolio: &Portfolio) -> String {
    let header = [
        "id",
        "partner",
        "category",
        "score",
        "revenue_current",
        "revenue_potential",
        "headroom",
    ];
    let placed = portfolio.partners.iter().map(|p| {
        vec![
            p.id.clone(),
            p.name.clone(),
            p.category.clone().unwrap_or_default(),
            number(p.score),
            p.current.to_string(),
            p.potential.to_string(),
            p.headroom().to_string(),
        ]
    });
    let unplaced = portfolio.without_revenue.iter().map(|u| {
        let mut row = vec![u.id.clone(), u.name.clone()];
        row.resize(header.len(), String::new());
        row
    });
    write_csv(&header, placed.chain(unplaced))
}

const LONG_HEADER: [&str; 12] = [
    "respondent",
    "partner",
    "partner_type",
    "region",
    "program_tier",
    "side",
    "wave",
    "area",
    "element",
    "importance",
    "performance",
    "not_applicable",
];

/// The answers in long form: a row for every rated element of the survey (the areas' in
/// order, then the program principles, with the area "principles") for every respondent,
/// empty where a rating was not given.
pub fn long_csv(survey: &Survey, responses: &[Response]) -> String {
    let elements: Vec<(&str, &str)> = survey
        .areas
        .iter()
        .flat_map(|a| {
            a.elements
                .iter()
                .map(move |e| (a.id.as_str(), e.id.as_str()))
        })
        .chain(
            survey
                .sections
                .principles
                .iter()
                .flat_map(|p| p.elements.iter().map(|e| ("principles", e.id.as_str()))),
        )
        .collect();
    let rows = responses.iter().flat_map(|response| {
        let profile = &response.profile;
        let who = [
            response.id.clone(),
            profile.partner_name.clone(),
            profile.partner_type.clone().unwrap_or_default(),
            profile.region.clone().unwrap_or_default(),
            profile.program_tier.clone().unwrap_or_default(),
            profile.side.map(|s| s.id().to_owned()).unwrap_or_default(),
            profile.wave.clone(),
        ];
        elements.iter().map(move |&(area, element)| {
            let rating = response.rating(element);
            let value = |v: Option<i32>| v.map(|v| v.to_string()).unwrap_or_default();
            let mut row = who.to_vec();
            row.extend([
                area.to_owned(),
                element.to_owned(),
                value(rating.importance),
                value(rating.performance),
                rating.not_applicable.to_string(),
            ]);
            row
        })
    });
    write_csv(&LONG_HEADER, rows)
}
