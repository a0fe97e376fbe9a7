//! Area summary: mean importance and mean performance of each area as grouped bars.

use super::chart_canvas::{Chart, Measure};
use super::painter::{Anchor, Painter};
use engine::layout::chart::{Axis, Rect};

const FONT: f64 = 12.0;

#[derive(Clone, PartialEq)]
pub struct AreaBars {
    /// (area title, mean importance, mean performance).
    pub areas: Vec<(String, Option<f64>, Option<f64>)>,
    pub scale: (i32, i32),
    /// "Importance" and "Performance", for the key.
    pub series: [String; 2],
}

impl Chart for AreaBars {
    fn height(&self, width: f64, _: Measure) -> f64 {
        (width * 0.45).clamp(240.0, 320.0)
    }

    fn draw(&self, p: &Painter) {
        let colours = p.palette;
        let series_colours = [colours.importance, colours.performance];
        let mut x = 40.0;
        for (name, colour) in self.series.iter().zip(series_colours) {
            p.fill_rect(
                Rect {
                    x,
                    y: 5.0,
                    w: 10.0,
                    h: 10.0,
                },
                colour,
            );
            p.text(name, x + 14.0, 10.0, FONT, colours.text, Anchor::Start);
            x += 32.0 + p.measure(name, FONT);
        }
        let (left, top, bottom) = (40.0, 28.0, p.height - 40.0);
        let right = p.width - 8.0;
        let axis = Axis {
            lo: f64::from(self.scale.0),
            hi: f64::from(self.scale.1),
            from: bottom,
            to: top,
        };
        for value in self.scale.0..=self.scale.1 {
            let y = axis.px(f64::from(value));
            p.line(&[(left, y), (right, y)], colours.grid, 1.0);
            p.text(
                &value.to_string(),
                left - 6.0,
                y,
                FONT,
                colours.muted,
                Anchor::End,
            );
        }
        let group = (right - left) / self.areas.len().max(1) as f64;
        let bar = (group * 0.32).min(28.0);
        // Titles that do not fit their group are cut, then given in full by the table.
        let room = group - 4.0;
        for (i, (title, importance, performance)) in self.areas.iter().enumerate() {
            let centre = left + group * (i as f64 + 0.5);
            for (offset, value, colour) in [
                (-bar, importance, series_colours[0]),
                (0.0, performance, series_colours[1]),
            ] {
                if let Some(value) = value {
                    let y = axis.px(*value);
                    p.fill_rect(
                        Rect {
                            x: centre + offset,
                            y,
                            w: bar,
                            h: bottom - y,
                        },
                        colour,
                    );
                }
            }
            let mut shown = title.clone();
            while shown.chars().count() > 2 && p.measure(&shown, FONT) > room {
                shown = engine::layout::chart::short_label(title, shown.chars().count() - 1);
            }
            p.text(
                &shown,
                centre,
                bottom + 6.0,
                FONT,
                colours.text,
                Anchor::Below,
            );
        }
        p.line(&[(left, bottom), (right, bottom)], colours.muted, 1.0);
    }
}
