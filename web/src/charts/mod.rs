//! Charts drawn with plotters on a canvas. The engine lays out what needs testing (the gap
//! chart's markers and labels); these modules paint.

mod area_bars;
mod chart_canvas;
mod five_cs_chart;
mod gap_bars;
mod gap_chart;
mod key;
mod painter;
mod palette;
mod portfolio_chart;
mod segment_bars;

pub use area_bars::AreaBars;
pub use chart_canvas::{render, Chart, ChartCanvas, ChartFn, DrawAtOnce};
pub use five_cs_chart::FiveCsChart;
pub use gap_bars::GapBars;
pub use gap_chart::{GapChart, Origin, XAxis};
pub use painter::Painter;
pub use palette::Palette;
pub use portfolio_chart::{PortfolioChart, PortfolioPoint};
pub use segment_bars::SegmentBars;
