//! A chart's key: a coloured square and a name per series, flowed into rows across the width.

use super::chart_canvas::Measure;
use super::painter::{Anchor, Painter};
use engine::layout::chart::{flow, Rect};
use plotters::style::RGBAColor;

const FONT: f64 = 12.0;

/// Where each entry of the key goes, and the key's height.
pub fn places(names: &[String], width: f64, measure: Measure) -> (Vec<(f64, f64)>, f64) {
    let widths: Vec<f64> = names.iter().map(|t| 18.0 + measure(t, FONT)).collect();
    flow(&widths, width - 16.0, 20.0, 16.0)
}

/// Draws the key at the top of the chart, entry `i` in `colour(i)`; returns its height.
pub fn draw(p: &Painter, names: &[String], colour: impl Fn(usize) -> RGBAColor) -> f64 {
    let measure = |t: &str, s: f64| p.measure(t, s);
    let (places, height) = places(names, p.width, &measure);
    for (i, (name, (x, y))) in names.iter().zip(places).enumerate() {
        let (x, y) = (x + 8.0, y + 10.0);
        p.fill_rect(
            Rect {
                x,
                y: y - 5.0,
                w: 10.0,
                h: 10.0,
            },
            colour(i),
        );
        p.text(name, x + 14.0, y, FONT, p.palette.text, Anchor::Start);
    }
    height
}
