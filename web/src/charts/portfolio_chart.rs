//! The partner portfolio: current revenue across, potential revenue up, on the same scale,
//! one point per partner coloured by category and sized by its five-Cs score, with the line
//! where potential equals current.

use super::chart_canvas::{Chart, Measure};
use super::key;
use super::painter::{Anchor, Painter};
use engine::layout::chart::{Axis, Rect};

const FONT: f64 = 12.0;

/// One partner: current and potential revenue, colour (category), five-Cs score 0-100.
#[derive(Clone, Copy, PartialEq)]
pub struct PortfolioPoint {
    pub current: f64,
    pub potential: f64,
    /// The category's colour; None for the categories that share the neutral one.
    pub colour: Option<usize>,
    pub score: Option<f64>,
}

#[derive(Clone, PartialEq)]
pub struct PortfolioChart {
    pub points: Vec<PortfolioPoint>,
    /// Tick values and their labels, shared by both axes; the last is the axes' end.
    pub ticks: Vec<(f64, String)>,
    /// Category names, by colour; a last name beyond the colours takes the neutral one.
    pub key: Vec<String>,
    /// How many categories have a colour of their own.
    pub coloured: usize,
    pub x_title: String,
    pub y_title: String,
}

impl PortfolioChart {
    fn plot_height(width: f64) -> f64 {
        (width * 0.62).clamp(260.0, 520.0)
    }

    /// 2.5 px for a score of 0 (or none) up to 8 px for 100.
    fn radius(score: Option<f64>) -> f64 {
        2.5 + 5.5 * score.unwrap_or(0.0).clamp(0.0, 100.0) / 100.0
    }
}

impl Chart for PortfolioChart {
    fn height(&self, width: f64, measure: Measure) -> f64 {
        key::places(&self.key, width, measure).1 + 8.0 + Self::plot_height(width) + 40.0
    }

    fn draw(&self, p: &Painter) {
        let colours = p.palette;
        let colour = |c: Option<usize>| c.map_or(colours.neutral, |c| colours.area(c));
        let coloured = self.coloured;
        let top = key::draw(p, &self.key, |i| colour((i < coloured).then_some(i))) + 8.0;
        let widest = self
            .ticks
            .iter()
            .map(|(_, label)| p.measure(label, FONT))
            .fold(0.0, f64::max);
        let left = 24.0 + widest + 8.0;
        let plot = Rect {
            x: left,
            y: top,
            w: (p.width - left - 16.0).max(40.0),
            h: Self::plot_height(p.width),
        };
        let end = self.ticks.last().map_or(1.0, |(v, _)| *v).max(1.0);
        let x = Axis {
            lo: 0.0,
            hi: end,
            from: plot.x,
            to: plot.right(),
        };
        let y = Axis {
            lo: 0.0,
            hi: end,
            from: plot.bottom(),
            to: plot.y,
        };
        for (value, label) in &self.ticks {
            let (px, py) = (x.px(*value), y.px(*value));
            p.line(&[(px, plot.y), (px, plot.bottom())], colours.grid, 1.0);
            p.line(&[(plot.x, py), (plot.right(), py)], colours.grid, 1.0);
            p.text(
                label,
                px,
                plot.bottom() + 4.0,
                FONT,
                colours.muted,
                Anchor::Below,
            );
            p.text(label, plot.x - 6.0, py, FONT, colours.muted, Anchor::End);
        }
        p.stroke_rect(plot, colours.grid, 1.0);
        p.line(
            &[(x.px(0.0), y.px(0.0)), (x.px(end), y.px(end))],
            colours.muted,
            1.5,
        );
        // Larger points first, so that small ones stay visible on top.
        let mut order: Vec<&PortfolioPoint> = self.points.iter().collect();
        order.sort_by(|a, b| Self::radius(b.score).total_cmp(&Self::radius(a.score)));
        for point in order {
            p.dot(
                x.px(point.current.min(end)),
                y.px(point.potential.min(end)),
                Self::radius(point.score),
                colour(point.colour),
                colours.background,
            );
        }
        p.axis_titles(plot, &self.x_title, &self.y_title);
    }
}
