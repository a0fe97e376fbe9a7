//! Ranked gap bars: one bar per element, largest gap at the top, coloured by quadrant.

use super::chart_canvas::{Chart, Measure};
use super::key;
use super::painter::{Anchor, Painter};
use engine::layout::chart::{Axis, Rect};

const FONT: f64 = 12.0;
const ROW: f64 = 22.0;
const KEY: f64 = 28.0;

#[derive(Clone, PartialEq)]
pub struct GapBars {
    /// (short label, gap, the gap as the locale writes it, quadrant position in
    /// `Quadrant::ALL`), largest gap first.
    pub bars: Vec<(String, f64, String, usize)>,
    pub quadrant_names: [String; 4],
}

impl GapBars {
    fn label_width(&self, width: f64, measure: Measure) -> f64 {
        let widest = self
            .bars
            .iter()
            .map(|(label, ..)| measure(label, FONT))
            .fold(0.0, f64::max);
        (widest + 12.0).min(width * 0.4)
    }
}

impl Chart for GapBars {
    fn height(&self, width: f64, measure: Measure) -> f64 {
        key::places(&self.quadrant_names, width, measure).1
            + 8.0
            + self.bars.len() as f64 * ROW
            + KEY
    }

    fn draw(&self, p: &Painter) {
        let colours = p.palette;
        let measure = |t: &str, s: f64| p.measure(t, s);
        let key_height = key::draw(p, &self.quadrant_names, |i| colours.quadrants[i]);
        let top = key_height + 8.0;
        let left = self.label_width(p.width, &measure);
        // Room on both sides for the value labels; the axis always shows zero.
        let (lo, hi) = self
            .bars
            .iter()
            .fold((0.0_f64, 0.0_f64), |(lo, hi), (_, gap, ..)| {
                (lo.min(*gap), hi.max(*gap))
            });
        let span = (hi - lo).max(1.0);
        let axis = Axis {
            lo: lo - span * 0.15,
            hi: hi + span * 0.15,
            from: left,
            to: p.width - 8.0,
        };
        let zero = axis.px(0.0);
        let bottom = top + self.bars.len() as f64 * ROW;
        p.line(&[(zero, top), (zero, bottom)], colours.muted, 1.0);
        for (row, (label, gap, value, quadrant)) in self.bars.iter().enumerate() {
            let y = top + row as f64 * ROW;
            let mid = y + ROW / 2.0;
            p.text(label, left - 8.0, mid, FONT, colours.text, Anchor::End);
            let end = axis.px(*gap);
            let bar = Rect {
                x: zero.min(end),
                y: y + 4.0,
                w: (end - zero).abs().max(1.0),
                h: ROW - 8.0,
            };
            p.fill_rect(bar, colours.quadrants[*quadrant]);
            if *gap < 0.0 {
                p.text(value, end - 4.0, mid, FONT, colours.text, Anchor::End);
            } else {
                p.text(value, end + 4.0, mid, FONT, colours.text, Anchor::Start);
            }
        }
        p.text("0", zero, bottom + 4.0, FONT, colours.muted, Anchor::Below);
    }
}
