//! Segments side by side: each element's gap in every segment, as grouped horizontal bars
//! around zero, a colour per segment.

use super::chart_canvas::{Chart, Measure};
use super::key;
use super::painter::{Anchor, Painter};
use engine::layout::chart::{short_label, Axis, Rect};

const FONT: f64 = 12.0;
const BAR: f64 = 7.0;
const GAP_BETWEEN: f64 = 8.0;

#[derive(Clone, PartialEq)]
pub struct SegmentBars {
    /// Segment names, for the key, in the order of each element's gaps.
    pub segments: Vec<String>,
    /// (short element label, gap per segment).
    pub elements: Vec<(String, Vec<Option<f64>>)>,
}

impl SegmentBars {
    fn row(&self) -> f64 {
        self.segments.len().max(1) as f64 * BAR + GAP_BETWEEN
    }

    /// The largest gap either way, rounded up to a whole point (at least one).
    fn reach(&self) -> f64 {
        self.elements
            .iter()
            .flat_map(|(_, gaps)| gaps.iter().flatten())
            .fold(1.0_f64, |m, g| m.max(g.abs()))
            .ceil()
    }
}

impl Chart for SegmentBars {
    fn height(&self, width: f64, measure: Measure) -> f64 {
        key::places(&self.segments, width, measure).1
            + 8.0
            + self.elements.len() as f64 * self.row()
            + 28.0
    }

    fn draw(&self, p: &Painter) {
        let colours = p.palette;
        let key_height = key::draw(p, &self.segments, |i| colours.area(i));
        let widest = self
            .elements
            .iter()
            .map(|(label, _)| p.measure(label, FONT))
            .fold(0.0, f64::max);
        let left = (widest + 12.0).min(p.width * 0.4);
        let (right, top) = (p.width - 12.0, key_height + 8.0);
        let bottom = top + self.elements.len() as f64 * self.row();
        let reach = self.reach();
        let axis = Axis {
            lo: -reach,
            hi: reach,
            from: left,
            to: right,
        };
        let mut tick = -reach;
        while tick <= reach {
            let x = axis.px(tick);
            p.line(&[(x, top), (x, bottom)], colours.grid, 1.0);
            p.text(
                &format!("{tick:+}").replace("+0", "0"),
                x,
                bottom + 6.0,
                FONT,
                colours.muted,
                Anchor::Below,
            );
            tick += 1.0;
        }
        let zero = axis.px(0.0);
        for (row, (label, gaps)) in self.elements.iter().enumerate() {
            let y = top + row as f64 * self.row() + GAP_BETWEEN / 2.0;
            // Labels wider than their column are cut; the table gives them in full.
            let mut shown = label.clone();
            while shown.chars().count() > 2 && p.measure(&shown, FONT) > left - 12.0 {
                shown = short_label(label, shown.chars().count() - 1);
            }
            p.text(
                &shown,
                left - 8.0,
                y + self.row() / 2.0 - GAP_BETWEEN / 2.0,
                FONT,
                colours.text,
                Anchor::End,
            );
            for (i, gap) in gaps.iter().enumerate() {
                let Some(gap) = gap else { continue };
                let end = axis.px(*gap);
                p.fill_rect(
                    Rect {
                        x: zero.min(end),
                        y: y + i as f64 * BAR,
                        w: (end - zero).abs().max(1.0),
                        h: BAR - 1.0,
                    },
                    colours.area(i),
                );
            }
        }
        p.line(&[(zero, top), (zero, bottom)], colours.muted, 1.0);
    }
}
