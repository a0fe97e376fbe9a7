//! The five Cs: one bar per C on 0-100, then the overall score.

use super::chart_canvas::{Chart, Measure};
use super::painter::{Anchor, Painter};
use engine::layout::chart::{Axis, Rect};

const FONT: f64 = 12.0;
const ROW: f64 = 26.0;

#[derive(Clone, PartialEq)]
pub struct FiveCsChart {
    /// (label, score 0-100); the last bar is the overall score.
    pub bars: Vec<(String, Option<f64>)>,
}

impl Chart for FiveCsChart {
    fn height(&self, _: f64, _: Measure) -> f64 {
        self.bars.len() as f64 * ROW + 30.0
    }

    fn draw(&self, p: &Painter) {
        let colours = p.palette;
        let widest = self
            .bars
            .iter()
            .map(|(l, _)| p.measure(l, FONT))
            .fold(0.0, f64::max);
        let left = (widest + 16.0).min(p.width * 0.4);
        let axis = Axis {
            lo: 0.0,
            hi: 100.0,
            from: left,
            to: p.width - 40.0,
        };
        let bottom = self.bars.len() as f64 * ROW + 4.0;
        for tick in [0, 25, 50, 75, 100] {
            let x = axis.px(f64::from(tick));
            p.line(&[(x, 4.0), (x, bottom)], colours.grid, 1.0);
            p.text(
                &tick.to_string(),
                x,
                bottom + 4.0,
                FONT,
                colours.muted,
                Anchor::Below,
            );
        }
        let overall = self.bars.len().saturating_sub(1);
        for (row, (label, score)) in self.bars.iter().enumerate() {
            let mid = 4.0 + row as f64 * ROW + ROW / 2.0;
            p.text(label, left - 8.0, mid, FONT, colours.text, Anchor::End);
            let Some(score) = score else { continue };
            let colour = if row == overall {
                colours.performance
            } else {
                colours.importance
            };
            let end = axis.px(*score);
            p.fill_rect(
                Rect {
                    x: left,
                    y: mid - 8.0,
                    w: (end - left).max(1.0),
                    h: 16.0,
                },
                colour,
            );
            p.text(
                &crate::i18n::Locale::whole(*score),
                end + 4.0,
                mid,
                FONT,
                colours.text,
                Anchor::Start,
            );
        }
    }
}
