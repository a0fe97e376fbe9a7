//! The one place that talks to plotters: shapes and text in CSS pixels on a canvas whose
//! backing store is `scale` times larger, so charts are sharp on HiDPI screens and in print.

use super::palette::Palette;
use engine::layout::chart::Rect;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters_canvas::CanvasBackend;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

/// The font every chart uses; the canvas resolves it like CSS does.
const FONT: &str = "system-ui, sans-serif";

/// A text's width in CSS pixels on an unscaled context, in the charts' font.
pub fn measure_text(context: &CanvasRenderingContext2d, text: &str, size: f64) -> f64 {
    context.set_font(&format!("{size}px {FONT}"));
    context.measure_text(text).map_or(0.0, |m| m.width())
}

/// A letter of a right-to-left script (Hebrew, Arabic and their presentation forms).
fn right_to_left(c: char) -> bool {
    matches!(c, '\u{0590}'..='\u{08ff}' | '\u{fb1d}'..='\u{fdff}' | '\u{fe70}'..='\u{feff}')
}

/// How a text sits on its point.
#[derive(Clone, Copy)]
pub enum Anchor {
    /// Left edge, vertical middle: labels right of a mark.
    Start,
    /// Right edge, vertical middle: labels left of a mark, y tick labels.
    End,
    /// Horizontal centre, top edge: x tick labels, captions under a bar.
    Below,
    /// Dead centre: a count inside a marker.
    Centre,
}

/// Shapes and text for one drawing of one canvas.
pub struct Painter {
    area: DrawingArea<CanvasBackend, Shift>,
    context: CanvasRenderingContext2d,
    scale: f64,
    /// The page runs right to left (Arabic).
    rtl: bool,
    pub width: f64,
    pub height: f64,
    pub palette: &'static Palette,
}

impl Painter {
    /// Sizes the canvas (CSS size times `scale`) and clears it to the background colour.
    pub fn new(
        canvas: &HtmlCanvasElement,
        context: CanvasRenderingContext2d,
        width: f64,
        height: f64,
        scale: f64,
        palette: &'static Palette,
    ) -> Option<Painter> {
        canvas.set_width((width * scale).round() as u32);
        canvas.set_height((height * scale).round() as u32);
        let rtl = canvas
            .closest("[dir]")
            .ok()
            .flatten()
            .and_then(|element| element.get_attribute("dir"))
            .is_some_and(|dir| dir == "rtl");
        let area = CanvasBackend::with_canvas_object(canvas.clone())?.into_drawing_area();
        let _ = area.fill(&palette.background);
        Some(Painter {
            area,
            context,
            scale,
            rtl,
            width,
            height,
            palette,
        })
    }

    fn at(&self, x: f64, y: f64) -> (i32, i32) {
        (
            (x * self.scale).round() as i32,
            (y * self.scale).round() as i32,
        )
    }

    fn stroke(&self, width: f64) -> u32 {
        (width * self.scale).round().max(1.0) as u32
    }

    pub fn fill_rect(&self, rect: Rect, color: RGBAColor) {
        let shape = Rectangle::new(
            [
                self.at(rect.x, rect.y),
                self.at(rect.right(), rect.bottom()),
            ],
            color.filled(),
        );
        let _ = self.area.draw(&shape);
    }

    pub fn stroke_rect(&self, rect: Rect, color: RGBAColor, width: f64) {
        let style = color.stroke_width(self.stroke(width));
        let shape = Rectangle::new(
            [
                self.at(rect.x, rect.y),
                self.at(rect.right(), rect.bottom()),
            ],
            style,
        );
        let _ = self.area.draw(&shape);
    }

    pub fn line(&self, points: &[(f64, f64)], color: RGBAColor, width: f64) {
        let points: Vec<(i32, i32)> = points.iter().map(|&(x, y)| self.at(x, y)).collect();
        let _ = self.area.draw(&PathElement::new(
            points,
            color.stroke_width(self.stroke(width)),
        ));
    }

    pub fn dot(&self, x: f64, y: f64, radius: f64, fill: RGBAColor, ring: RGBAColor) {
        let r = (radius * self.scale).round() as i32;
        let _ = self
            .area
            .draw(&Circle::new(self.at(x, y), r, fill.filled()));
        let _ = self.area.draw(&Circle::new(
            self.at(x, y),
            r,
            ring.stroke_width(self.stroke(1.0)),
        ));
    }

    /// Sets the canvas's text direction for `text`: right to left for a text with Arabic or
    /// Hebrew letters on a right-to-left page, so that its words read in order; left to right
    /// otherwise, so that a number keeps its minus sign in front ("-3.0", not "3.0-").
    /// True when it is right to left.
    fn direction_for(&self, text: &str) -> bool {
        let rtl = self.rtl && text.chars().any(right_to_left);
        let direction = if rtl { "rtl" } else { "ltr" };
        let _ = js_sys::Reflect::set(&self.context, &"direction".into(), &direction.into());
        rtl
    }

    pub fn text(&self, text: &str, x: f64, y: f64, size: f64, color: RGBAColor, anchor: Anchor) {
        // plotters' canvas backend aligns text to "start" and "end", which right to left swaps;
        // swapping back keeps each label on the side the layout gave it room.
        let (left, right) = if self.direction_for(text) {
            (HPos::Right, HPos::Left)
        } else {
            (HPos::Left, HPos::Right)
        };
        let pos = match anchor {
            Anchor::Start => Pos::new(left, VPos::Center),
            Anchor::End => Pos::new(right, VPos::Center),
            Anchor::Below => Pos::new(HPos::Center, VPos::Top),
            Anchor::Centre => Pos::new(HPos::Center, VPos::Center),
        };
        let style = (FONT, size * self.scale).into_font().color(&color).pos(pos);
        let _ = self.area.draw_text(text, &style, self.at(x, y));
    }

    /// Text read bottom to top, centred on its point: the y axis title.
    pub fn text_up(&self, text: &str, x: f64, y: f64, size: f64, color: RGBAColor) {
        self.direction_for(text);
        let style = (FONT, size * self.scale)
            .into_font()
            .transform(FontTransform::Rotate270)
            .color(&color)
            .pos(Pos::new(HPos::Center, VPos::Center));
        let _ = self.area.draw_text(text, &style, self.at(x, y));
    }

    /// The axes' titles: across under the plot, and up along the chart's left edge.
    pub fn axis_titles(&self, plot: Rect, x_title: &str, y_title: &str) {
        let (size, colour) = (12.0, self.palette.text);
        let below = plot.bottom() + 22.0;
        self.text(
            x_title,
            plot.x + plot.w / 2.0,
            below,
            size,
            colour,
            Anchor::Below,
        );
        self.text_up(y_title, 12.0, plot.y + plot.h / 2.0, size, colour);
    }

    /// The text's width in CSS pixels, as the canvas will draw it.
    pub fn measure(&self, text: &str, size: f64) -> f64 {
        measure_text(&self.context, text, size)
    }
}
