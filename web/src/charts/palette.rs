//! Chart colours for the light and the dark theme. The areas and quadrants use the
//! Okabe-Ito colours, which stay distinct for the common kinds of colour blindness; each
//! chart also has its table, so no reading depends on colour alone.

use plotters::style::RGBAColor;

pub struct Palette {
    pub background: RGBAColor,
    pub text: RGBAColor,
    pub muted: RGBAColor,
    pub grid: RGBAColor,
    /// The tint of each quadrant's region, in the order of `Quadrant::ALL`.
    pub quadrant_tints: [RGBAColor; 4],
    /// Bars and swatches of each quadrant, in the same order.
    pub quadrants: [RGBAColor; 4],
    /// Area colours, by the area's position in the survey (repeating past eight).
    pub areas: [RGBAColor; 8],
    pub importance: RGBAColor,
    pub performance: RGBAColor,
    /// What has no colour of its own (the smaller categories of the portfolio): a light grey
    /// that stays apart from the areas' dark grey.
    pub neutral: RGBAColor,
}

const fn rgb(r: u8, g: u8, b: u8) -> RGBAColor {
    RGBAColor(r, g, b, 1.0)
}

const fn tint(r: u8, g: u8, b: u8) -> RGBAColor {
    RGBAColor(r, g, b, 0.1)
}

pub const LIGHT: Palette = Palette {
    background: rgb(255, 255, 255),
    text: rgb(27, 31, 36),
    muted: rgb(74, 83, 97),
    grid: rgb(214, 219, 226),
    quadrant_tints: [
        tint(213, 94, 0),
        tint(0, 158, 115),
        tint(120, 120, 120),
        tint(0, 114, 178),
    ],
    // Dark enough for 4.5:1 against their own tints, where the quadrant names are drawn.
    quadrants: [
        rgb(170, 68, 0),
        rgb(0, 115, 84),
        rgb(100, 100, 100),
        rgb(0, 98, 156),
    ],
    areas: [
        rgb(0, 114, 178),
        rgb(213, 94, 0),
        rgb(0, 158, 115),
        rgb(204, 121, 167),
        rgb(230, 159, 0),
        rgb(86, 180, 233),
        rgb(60, 60, 60),
        rgb(150, 130, 0),
    ],
    importance: rgb(0, 104, 165),
    performance: rgb(230, 159, 0),
    neutral: rgb(190, 195, 203),
};

pub const DARK: Palette = Palette {
    background: rgb(27, 32, 40),
    text: rgb(232, 235, 240),
    muted: rgb(176, 184, 196),
    grid: rgb(58, 67, 80),
    quadrant_tints: [
        tint(255, 140, 60),
        tint(60, 220, 170),
        tint(200, 200, 200),
        tint(90, 170, 255),
    ],
    quadrants: [
        rgb(255, 140, 60),
        rgb(60, 210, 160),
        rgb(170, 170, 170),
        rgb(100, 175, 255),
    ],
    areas: [
        rgb(100, 175, 255),
        rgb(255, 140, 60),
        rgb(60, 210, 160),
        rgb(230, 150, 200),
        rgb(240, 190, 60),
        rgb(140, 210, 250),
        rgb(220, 220, 220),
        rgb(210, 200, 90),
    ],
    importance: rgb(100, 175, 255),
    performance: rgb(240, 190, 60),
    neutral: rgb(98, 106, 118),
};

impl Palette {
    pub fn of(dark: bool) -> &'static Palette {
        if dark {
            &DARK
        } else {
            &LIGHT
        }
    }

    pub fn area(&self, index: usize) -> RGBAColor {
        self.areas[index % self.areas.len()]
    }

    /// Near-black or white, whichever reads better on `fill`: text inside a marker.
    pub fn text_on(fill: RGBAColor) -> RGBAColor {
        let RGBAColor(r, g, b, _) = fill;
        // Perceived lightness (ITU-R BT.601 weights) of the fill.
        let light = 299 * u32::from(r) + 587 * u32::from(g) + 114 * u32::from(b) > 150_000;
        if light {
            rgb(27, 31, 36)
        } else {
            rgb(255, 255, 255)
        }
    }
}
