//! The IPA gap chart: performance across, importance up, the crosshair's four quadrants
//! shaded and named, one marker per point coloured by area, labels nudged apart.

use super::chart_canvas::{Chart, Measure};
use super::painter::{Anchor, Painter};
use super::palette::Palette;
use engine::layout::chart::{flow, GapChartSpec, GapLayout, GapPoint, Rect};
use engine::scoring::stats::Interval;
use plotters::style::RGBAColor;

/// Below this width, markers carry numbers keyed to the table instead of labels.
pub const NARROW: f64 = 600.0;
const FONT: f64 = 12.0;
const LEGEND_ROW: f64 = 20.0;

#[derive(Clone, PartialEq)]
pub struct GapChart {
    pub points: Vec<GapPoint>,
    /// Each point's area, by position in the survey.
    pub point_areas: Vec<usize>,
    pub scale: (i32, i32),
    /// (importance, performance).
    pub crosshair: (f64, f64),
    pub diagonal: bool,
    /// "Data-centred crosshair: importance 3.4, performance 2.9".
    pub caption: String,
    pub quadrant_names: [String; 4],
    pub x_title: String,
    pub y_title: String,
    /// Area titles, by position in the survey.
    pub legend: Vec<String>,
    /// Per point, where its arrow starts: the vendor's view or the earlier wave. Empty for a
    /// chart without arrows.
    pub origins: Vec<Option<Origin>>,
    /// Per point, the 95 % intervals of its (importance, performance), drawn as error bars.
    /// Empty for a chart without them.
    pub errors: Vec<Option<(Interval, Interval)>>,
    /// Another quantity across than the scale's performance (derived importance, a
    /// correlation); None for the gap chart itself.
    pub x_axis: Option<XAxis>,
}

/// A range across, with its ticks already written in the reader's language.
#[derive(Clone, Debug, PartialEq)]
pub struct XAxis {
    pub range: (f64, f64),
    pub ticks: Vec<(f64, String)>,
}

/// Where an arrow starts, and whether it is one the text names (drawn bolder).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Origin {
    pub performance: f64,
    pub importance: f64,
    pub strong: bool,
}

impl GapChart {
    fn plot_height(width: f64) -> f64 {
        if width < NARROW {
            width
        } else {
            (width * 0.62).clamp(320.0, 540.0)
        }
    }

    /// The legend's entries: the areas, then on narrow charts the quadrants.
    fn legend_entries(&self, width: f64) -> impl Iterator<Item = &String> {
        let quadrants = if width < NARROW {
            &self.quadrant_names[..]
        } else {
            &[]
        };
        self.legend.iter().chain(quadrants)
    }

    fn legend_places(&self, width: f64, measure: Measure) -> (Vec<(f64, f64)>, f64) {
        let widths: Vec<f64> = self
            .legend_entries(width)
            .map(|t| 18.0 + measure(t, FONT))
            .collect();
        flow(&widths, width - 16.0, LEGEND_ROW, 16.0)
    }
}

impl Chart for GapChart {
    fn height(&self, width: f64, measure: Measure) -> f64 {
        Self::plot_height(width) + self.legend_places(width, measure).1 + 8.0
    }

    fn draw(&self, p: &Painter) {
        let colours = p.palette;
        let spec = GapChartSpec {
            width: p.width,
            height: Self::plot_height(p.width),
            scale: self.scale,
            x_range: self.x_axis.as_ref().map(|a| a.range),
            crosshair: self.crosshair,
            numbered: p.width < NARROW,
            font_px: FONT,
            quadrant_names: self.quadrant_names.clone(),
            caption: self.caption.clone(),
            origins: self
                .origins
                .iter()
                .map(|o| o.map(|o| (o.importance, o.performance)))
                .collect(),
        };
        let layout = GapLayout::new(&spec, &self.points, &|text| p.measure(text, FONT));
        let plot = layout.plot;
        let (cx, cy) = layout.cross;

        let regions = [
            Rect {
                x: plot.x,
                y: plot.y,
                w: cx - plot.x,
                h: cy - plot.y,
            },
            Rect {
                x: cx,
                y: plot.y,
                w: plot.right() - cx,
                h: cy - plot.y,
            },
            Rect {
                x: plot.x,
                y: cy,
                w: cx - plot.x,
                h: plot.bottom() - cy,
            },
            Rect {
                x: cx,
                y: cy,
                w: plot.right() - cx,
                h: plot.bottom() - cy,
            },
        ];
        for (region, tint) in regions.into_iter().zip(colours.quadrant_tints) {
            p.fill_rect(region, tint);
        }
        let points = || (self.scale.0..=self.scale.1).map(|v| (f64::from(v), v.to_string()));
        let x_ticks: Vec<(f64, String)> = match &self.x_axis {
            Some(axis) => axis.ticks.clone(),
            None => points().collect(),
        };
        for (value, text) in x_ticks {
            let x = layout.x.px(value);
            p.line(&[(x, plot.y), (x, plot.bottom())], colours.grid, 1.0);
            p.text(
                &text,
                x,
                plot.bottom() + 4.0,
                FONT,
                colours.muted,
                Anchor::Below,
            );
        }
        for (value, text) in points() {
            let y = layout.y.px(value);
            p.line(&[(plot.x, y), (plot.right(), y)], colours.grid, 1.0);
            p.text(&text, plot.x - 6.0, y, FONT, colours.muted, Anchor::End);
        }
        p.stroke_rect(plot, colours.grid, 1.0);
        // The diagonal compares like with like: only where both axes are the scale.
        if self.diagonal && self.x_axis.is_none() {
            let (lo, hi) = (f64::from(self.scale.0), f64::from(self.scale.1));
            let ends = [
                (layout.x.px(lo), layout.y.px(lo)),
                (layout.x.px(hi), layout.y.px(hi)),
            ];
            p.line(&ends, colours.muted, 1.5);
        }
        p.line(&[(cx, plot.y), (cx, plot.bottom())], colours.text, 1.5);
        p.line(&[(plot.x, cy), (plot.right(), cy)], colours.text, 1.5);
        for (n, line) in layout.caption.lines.iter().enumerate() {
            let caption = &layout.caption;
            let y = caption.rect.y + caption.line_height * (n as f64 + 0.5);
            p.text(line, caption.rect.x, y, FONT, colours.text, Anchor::Start);
        }
        for ((name, rect), colour) in self
            .quadrant_names
            .iter()
            .zip(layout.quadrant_names.iter().flatten())
            .zip(colours.quadrants)
        {
            p.text(
                name,
                rect.x,
                rect.y + rect.h / 2.0,
                FONT,
                colour,
                Anchor::Start,
            );
        }
        p.axis_titles(plot, &self.x_title, &self.y_title);

        // Error bars under the markers, clipped to the ranges the axes show.
        let (lo, hi) = (f64::from(self.scale.0), f64::from(self.scale.1));
        let (x_lo, x_hi) = self.x_axis.as_ref().map_or((lo, hi), |a| a.range);
        for marker in &layout.markers {
            for &member in &marker.members {
                if let Some(Some((importance, performance))) = self.errors.get(member) {
                    let colour = colours.area(self.point_areas[member]);
                    let (left, right) = (
                        layout.x.px(performance.low.clamp(x_lo, x_hi)),
                        layout.x.px(performance.high.clamp(x_lo, x_hi)),
                    );
                    let (bottom, top) = (
                        layout.y.px(importance.low.clamp(lo, hi)),
                        layout.y.px(importance.high.clamp(lo, hi)),
                    );
                    let (x, y, cap) = (marker.x, marker.y, 4.0);
                    p.line(&[(left, y), (right, y)], colour, 1.25);
                    p.line(&[(x, bottom), (x, top)], colour, 1.25);
                    for end in [left, right] {
                        p.line(&[(end, y - cap), (end, y + cap)], colour, 1.25);
                    }
                    for end in [bottom, top] {
                        p.line(&[(x - cap, end), (x + cap, end)], colour, 1.25);
                    }
                }
            }
        }
        for marker in &layout.markers {
            for &member in &marker.members {
                if let Some(Some(origin)) = self.origins.get(member) {
                    let from = (
                        layout.x.px(origin.performance),
                        layout.y.px(origin.importance),
                    );
                    let colour = colours.area(self.point_areas[member]);
                    let width = if origin.strong { 3.0 } else { 1.25 };
                    arrow(p, from, (marker.x, marker.y), marker.radius, colour, width);
                }
            }
        }
        for marker in &layout.markers {
            let fill = colours.area(self.point_areas[marker.members[0]]);
            p.dot(marker.x, marker.y, marker.radius, fill, colours.background);
            if marker.members.len() > 1 {
                let count = marker.members.len().to_string();
                p.text(
                    &count,
                    marker.x,
                    marker.y,
                    FONT - 1.0,
                    Palette::text_on(fill),
                    Anchor::Centre,
                );
            }
            if let Some(label) = &marker.label {
                let mid = label.rect.y + label.rect.h / 2.0;
                p.text(
                    &label.text,
                    label.rect.x,
                    mid,
                    FONT,
                    colours.text,
                    Anchor::Start,
                );
            }
        }

        let top = spec.height + 4.0;
        let (places, _) = self.legend_places(p.width, &|t, s| p.measure(t, s));
        let areas = self.legend.len();
        for (entry, (title, (x, y))) in self.legend_entries(p.width).zip(places).enumerate() {
            let (x, y) = (x + 8.0, top + y + LEGEND_ROW / 2.0);
            match entry.checked_sub(areas) {
                None => p.dot(x + 5.0, y, 5.0, colours.area(entry), colours.background),
                // A quadrant: a swatch of its tint, outlined in its colour.
                Some(q) => {
                    let swatch = Rect {
                        x,
                        y: y - 5.0,
                        w: 10.0,
                        h: 10.0,
                    };
                    p.fill_rect(swatch, colours.quadrant_tints[q]);
                    p.stroke_rect(swatch, colours.quadrants[q], 1.0);
                }
            }
            p.text(title, x + 14.0, y, FONT, colours.text, Anchor::Start);
        }
    }
}

/// A line from `from` to the edge of the marker at `to`, with a head, and a small ring where
/// it starts.
fn arrow(
    p: &Painter,
    from: (f64, f64),
    to: (f64, f64),
    radius: f64,
    colour: RGBAColor,
    width: f64,
) {
    let (dx, dy) = (to.0 - from.0, to.1 - from.1);
    // sqrt is one wasm instruction; hypot would bring in a library routine.
    let length = (dx * dx + dy * dy).sqrt();
    p.dot(from.0, from.1, 2.5, p.palette.background, colour);
    // Shorter than the marker: the marker says where it ended.
    if length <= radius + 2.0 {
        return;
    }
    let (ux, uy) = (dx / length, dy / length);
    let tip = (to.0 - ux * (radius + 1.0), to.1 - uy * (radius + 1.0));
    p.line(&[from, tip], colour, width);
    let head = 5.0 + 2.0 * width;
    // The head's sides turn 0.45 rad either way from the shaft: cos and sin as constants,
    // which keeps the trigonometry code out of the wasm.
    let (cos, sin) = (0.900_447_1, 0.434_965_5);
    let side = |sin: f64| {
        (
            tip.0 - head * (ux * cos - uy * sin),
            tip.1 - head * (ux * sin + uy * cos),
        )
    };
    p.line(&[side(sin), tip, side(-sin)], colour, width);
}
