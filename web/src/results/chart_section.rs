//! One chart of the report: its heading, the canvas named by its summary, the PNG button,
//! and the same data as a table right under it. Every chart uses this one view.

use crate::charts::{Chart, ChartCanvas, ChartFn};
use crate::i18n::Strings;
use leptos::prelude::*;

/// A table of texts: what every chart's data table shows.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Table {
    pub headers: Vec<String>,
    pub rows: Vec<Vec<String>>,
    /// The column that names each row.
    pub key: usize,
    /// Columns of numbers, aligned right.
    pub numeric: Vec<usize>,
    /// A note under the table.
    pub note: Option<String>,
    /// The last row is a total.
    pub total_last: bool,
}

/// A chart's content: what it draws, its one-sentence summary, its table, and a note above it.
#[derive(Clone, PartialEq)]
pub struct Section<C> {
    pub chart: C,
    pub summary: String,
    pub table: Table,
    pub note: Option<String>,
}

/// The report section of a chart, shown while `section` has content.
pub fn chart_section<C>(
    strings: &'static Strings,
    id: &'static str,
    title: String,
    section: Memo<Option<Section<C>>>,
) -> impl IntoView
where
    C: Chart + Clone + PartialEq + Send + Sync + 'static,
{
    let chart: ChartFn = std::sync::Arc::new(move || {
        section
            .get()
            .map(|section| Box::new(section.chart) as Box<dyn Chart>)
    });
    let summary = Signal::derive(move || {
        section.with(|s| s.as_ref().map(|s| s.summary.clone()).unwrap_or_default())
    });
    let table = Signal::derive(move || {
        section.with(|s| s.as_ref().map(|s| s.table.clone()).unwrap_or_default())
    });
    let note = Signal::derive(move || section.with(|s| s.as_ref().and_then(|s| s.note.clone())));
    let shown = Memo::new(move |_| section.with(Option::is_some));
    let download = Strings::fill(strings.download_png, &[("chart", &title)]);
    let table_name = Strings::fill(strings.table_of, &[("chart", &title)]);
    view! {
        <ChartSection id title download table_name shown summary note chart table/>
    }
}

/// The view of one chart section.
#[component]
fn ChartSection(
    /// The heading's id; also the PNG's file name.
    id: &'static str,
    title: String,
    /// The PNG button's text.
    download: String,
    /// The table region's accessible name.
    table_name: String,
    shown: Memo<bool>,
    summary: Signal<String>,
    note: Signal<Option<String>>,
    chart: ChartFn,
    table: Signal<Table>,
) -> impl IntoView {
    move || {
        shown.get().then(|| {
            view! {
                <section class="report-section" aria-labelledby=id>
                    <h4 id=id>{title.clone()}</h4>
                    {move || note.get().map(|note| view! { <p class="note">{note}</p> })}
                    <ChartCanvas summary file_name=id.to_owned() download=download.clone() chart=chart.clone()/>
                    <DataTable id=format!("{id}-table") name=table_name.clone() table/>
                </section>
            }
        })
    }
}

/// A table in a region that scrolls sideways on its own when it is wider than the screen.
#[component]
pub(crate) fn DataTable(id: String, name: String, table: Signal<Table>) -> impl IntoView {
    let column_class = move |column: usize| {
        table.with(|t| {
            if t.numeric.contains(&column) {
                "num"
            } else {
                ""
            }
        })
    };
    let body = move || {
        table.with(|t| {
            let last = t.rows.len().saturating_sub(1);
            t.rows
                .iter()
                .enumerate()
                .map(|(r, row)| {
                    let cells = row
                        .iter()
                        .enumerate()
                        .map(|(c, text)| {
                            if c == t.key {
                                view! { <th scope="row">{text.clone()}</th> }.into_any()
                            } else {
                                view! { <td class=column_class(c)>{text.clone()}</td> }.into_any()
                            }
                        })
                        .collect_view();
                    view! { <tr class=(t.total_last && r == last).then_some("total")>{cells}</tr> }
                })
                .collect_view()
        })
    };
    view! {
        <div class="table-wrap" role="region" aria-label=name tabindex="0">
            <table class="data" id=id>
                <thead>
                    <tr>
                        {move || table.with(|t| {
                            t.headers.iter().map(|h| view! { <th scope="col">{h.clone()}</th> }).collect_view()
                        })}
                    </tr>
                </thead>
                <tbody>{body}</tbody>
            </table>
            {move || table.with(|t| t.note.clone()).map(|note| view! { <p class="table-note">{note}</p> })}
        </div>
    }
}
