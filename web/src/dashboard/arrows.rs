//! The gap chart with arrows, shared by the alignment and the waves views: each element
//! drawn where it ends (the partners' mean, the later wave) with an arrow from where it
//! starts (the vendor's view, the earlier wave), numbered and tabled like the gap chart.

use crate::charts::{GapChart, Origin};
use crate::i18n::{Locale, Strings};
use crate::results::chart_section::{Section, Table};
use crate::results::sections::gap_chart_of;
use crate::results::{element_info, SHORT};
use engine::layout::chart::{marker_numbers, short_label, GapPoint};
use engine::scoring::aggregate::Crosshair;
use engine::Survey;

/// One element on the chart: where it ends and starts, as (importance, performance), and
/// its table cells after the number, the element and the area.
pub struct Arrow {
    /// Position in the survey's elements.
    pub element: usize,
    pub to: (f64, f64),
    pub from: Option<(f64, f64)>,
    /// The text names this one: its arrow is drawn bolder.
    pub strong: bool,
    pub cells: Vec<String>,
}

/// What the chart says besides its arrows.
pub struct Words {
    pub summary: String,
    pub note: String,
    /// The headers of `Arrow::cells`.
    pub headers: Vec<String>,
    /// How many of the cells, from the first, are numbers.
    pub numeric: usize,
}

/// The section of an arrow chart; None without an arrow or a crosshair.
pub fn arrow_section(
    survey: &Survey,
    locale: Locale,
    arrows: Vec<Arrow>,
    crosshair: Crosshair,
    diagonal: bool,
    words: Words,
) -> Option<Section<GapChart>> {
    let strings: &Strings = locale.strings();
    let code = locale.code();
    if arrows.is_empty() {
        return None;
    }
    let cross = (crosshair.importance?, crosshair.performance?);
    let info = element_info(survey);
    let points: Vec<GapPoint> = arrows
        .iter()
        .map(|a| GapPoint {
            importance: a.to.0,
            performance: a.to.1,
            label: short_label(info[a.element].1.get(code), SHORT),
        })
        .collect();
    let numbers = marker_numbers(&points);
    let rows = arrows
        .iter()
        .zip(&numbers)
        .map(|(a, number)| {
            let (area, label) = info[a.element];
            let mut row = vec![
                number.to_string(),
                label.get(code).to_owned(),
                survey.areas[area].title.get(code).to_owned(),
            ];
            row.extend(a.cells.iter().cloned());
            row
        })
        .collect();
    let mut headers: Vec<String> = [strings.col_number, strings.col_element, strings.col_area]
        .map(String::from)
        .to_vec();
    let numeric = std::iter::once(0).chain(3..3 + words.numeric).collect();
    headers.extend(words.headers);
    let mut chart = gap_chart_of(
        survey,
        locale,
        points,
        arrows.iter().map(|a| info[a.element].0).collect(),
        (cross, crosshair.mode),
        diagonal,
    );
    chart.origins = arrows
        .iter()
        .map(|a| {
            a.from.map(|(importance, performance)| Origin {
                performance,
                importance,
                strong: a.strong,
            })
        })
        .collect();
    Some(Section {
        chart,
        summary: words.summary,
        table: Table {
            headers,
            rows,
            key: 1,
            numeric,
            note: Some(strings.shared_point.to_owned()),
            total_last: false,
        },
        note: Some(words.note),
    })
}
