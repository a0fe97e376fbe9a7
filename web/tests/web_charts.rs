//! Each chart drawn onto a real canvas in headless Chromium, with pixels read back where the
//! chart's geometry (worked out by hand below) puts its marks.

use engine::layout::chart::GapPoint;
use partnerlens_web::charts::{
    render, AreaBars, Chart, FiveCsChart, GapBars, GapChart, Origin, Palette, PortfolioChart,
    PortfolioPoint,
};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

wasm_bindgen_test_configure!(run_in_browser);

const WIDTH: f64 = 640.0;

fn names() -> [String; 4] {
    [
        "Concentrate here",
        "Keep up the good work",
        "Low priority",
        "Possible overkill",
    ]
    .map(String::from)
}

/// Draws at one backing pixel per CSS pixel and returns a pixel reader.
fn draw(chart: &dyn Chart) -> impl Fn(f64, f64) -> (u8, u8, u8) {
    let canvas: HtmlCanvasElement = web_sys::window()
        .unwrap()
        .document()
        .unwrap()
        .create_element("canvas")
        .unwrap()
        .unchecked_into();
    render(&canvas, chart, WIDTH, 1.0, Palette::of(false));
    let context: CanvasRenderingContext2d =
        canvas.get_context("2d").unwrap().unwrap().unchecked_into();
    move |x, y| {
        let data = context.get_image_data(x, y, 1.0, 1.0).unwrap().data();
        (data[0], data[1], data[2])
    }
}

fn near(actual: (u8, u8, u8), expected: (u8, u8, u8)) -> bool {
    let d = |a: u8, b: u8| (i16::from(a) - i16::from(b)).abs() <= 3;
    d(actual.0, expected.0) && d(actual.1, expected.1) && d(actual.2, expected.2)
}

fn assert_colour(
    pixel: &impl Fn(f64, f64) -> (u8, u8, u8),
    x: f64,
    y: f64,
    expected: (u8, u8, u8),
) {
    let actual = pixel(x, y);
    assert!(
        near(actual, expected),
        "at ({x}, {y}): expected {expected:?}, got {actual:?}"
    );
}

const WHITE: (u8, u8, u8) = (255, 255, 255);

/// A gap chart of `points` on a 1-5 scale with the crosshair at 3, no arrows and no error bars.
fn gap_chart(points: Vec<GapPoint>, point_areas: Vec<usize>, legend: &[&str]) -> GapChart {
    GapChart {
        points,
        point_areas,
        scale: (1, 5),
        crosshair: (3.0, 3.0),
        diagonal: false,
        caption: "Scale-centred crosshair".into(),
        quadrant_names: names(),
        x_title: "Performance".into(),
        y_title: "Importance".into(),
        legend: legend.iter().map(|&l| l.into()).collect(),
        origins: Vec::new(),
        errors: Vec::new(),
        x_axis: None,
    }
}

#[wasm_bindgen_test]
fn a_concentrate_here_point_lands_in_the_upper_left_quadrant() {
    let chart = gap_chart(
        vec![
            GapPoint {
                performance: 1.5,
                importance: 4.5,
                label: "Upper left".into(),
            },
            GapPoint {
                performance: 4.5,
                importance: 1.5,
                label: "Lower right".into(),
            },
        ],
        vec![0, 1],
        &["Brand", "Enable"],
    );
    let pixel = draw(&chart);
    // 640 px wide: the plot is 576 x 326.8 from (52, 26). Across it shows 0.7..5.3; up, the
    // top and bottom 30 px are kept for the quadrant names, a pad of 30 x 4 / (326.8 - 60)
    // = 0.4498 points: 0.5502..5.4498, 4.8996 points.
    // (P 1.5, I 4.5): x = 52 + 0.8 / 4.6 * 576 = 152.2, y = 352.8 - 3.9498 / 4.8996 * 326.8
    // = 89.4.
    assert_colour(&pixel, 152.0, 89.0, (0, 114, 178));
    // (P 4.5, I 1.5): x = 527.8, y = 352.8 - 0.9498 / 4.8996 * 326.8 = 289.4, in the
    // second area's colour.
    assert_colour(&pixel, 528.0, 289.0, (213, 94, 0));
    // The crosshair at 3 is x = 340, y = 189.4: the first point is left of and above it,
    // on the Concentrate-here tint (vermillion at 10% over white); the lower right is blue.
    assert_colour(&pixel, 200.0, 150.0, (251, 239, 230));
    assert_colour(&pixel, 450.0, 250.0, (230, 241, 247));
    // The crosshair line itself is drawn in the text colour.
    assert_colour(&pixel, 340.0, 120.0, (27, 31, 36));
}

#[wasm_bindgen_test]
fn an_arrow_runs_from_where_an_element_started_to_where_it_ended() {
    let chart = GapChart {
        origins: vec![Some(Origin {
            performance: 1.5,
            importance: 4.5,
            strong: true,
        })],
        ..gap_chart(
            vec![GapPoint {
                performance: 4.5,
                importance: 4.5,
                label: "Now".into(),
            }],
            vec![0],
            &["Brand"],
        )
    };
    let pixel = draw(&chart);
    // The same plot as above: importance 4.5 is y = 89.4; performance 1.5 is x = 152.2 and
    // 4.5 is x = 527.8. The arrow, bold, runs along y = 89.4 between them in the area's colour,
    // over the Concentrate-here tint left of the crosshair and the Keep-up tint right of it.
    // 3 px wide, it covers the pixel row 88 in full; a thin one (1.25 px) would cover a fifth.
    assert_colour(&pixel, 250.0, 88.0, (0, 114, 178));
    assert_colour(&pixel, 420.0, 88.0, (0, 114, 178));
    // Above and below the line, the tints are untouched.
    assert_colour(&pixel, 250.0, 80.0, (251, 239, 230));
    assert_colour(&pixel, 250.0, 98.0, (251, 239, 230));
}

#[wasm_bindgen_test]
fn a_partner_sits_at_its_current_and_potential_revenue() {
    let chart = PortfolioChart {
        points: vec![
            PortfolioPoint {
                current: 500_000.0,
                potential: 750_000.0,
                colour: Some(0),
                score: Some(100.0),
            },
            PortfolioPoint {
                current: 750_000.0,
                potential: 250_000.0,
                colour: Some(1),
                score: Some(100.0),
            },
        ],
        ticks: vec![
            (0.0, "0".into()),
            (500_000.0, "500k".into()),
            (1_000_000.0, "1M".into()),
        ],
        key: vec!["Resellers".into(), "Integrators".into()],
        coloured: 8,
        x_title: "Current".into(),
        y_title: "Potential".into(),
    };
    let pixel = draw(&chart);
    // A key row (20 px) and 8 px: the plot starts at y = 28 and is 640 x 0.62 = 396.8 high,
    // so 0 is y = 424.8 and 1M is y = 28. It starts 32 px plus the widest tick label (about
    // 25 px for "500k") from the left and ends 16 px from the right: x = 312 + left / 2 for
    // 500k, about 341. Points of score 100 have a radius of 8 px.
    // (500k, 750k): y = 424.8 - 0.75 x 396.8 = 127.2.
    assert_colour(&pixel, 341.0, 127.0, (0, 114, 178));
    // (750k, 250k): x = 468 + left / 4, about 482; y = 424.8 - 0.25 x 396.8 = 325.6.
    assert_colour(&pixel, 482.0, 326.0, (213, 94, 0));
    // Nothing at (250k, 750k).
    assert_colour(&pixel, 200.0, 127.0, WHITE);
}

#[wasm_bindgen_test]
fn gap_bars_grow_right_for_a_positive_gap_and_left_for_a_negative_one() {
    let chart = GapBars {
        bars: vec![
            ("Big".into(), 2.0, "2.0".into(), 0),
            ("Negative".into(), -1.0, "-1.0".into(), 3),
        ],
        quadrant_names: names(),
    };
    let pixel = draw(&chart);
    // One key row (20 px) and 8 px of space: rows start at y = 28, 22 px each. Labels take
    // about 60 px; the axis runs from -1.45 to 2.45 across the remaining 570 px, zero near
    // x = 274: the first bar spans about 274..566 and the second about 128..274.
    assert_colour(&pixel, 440.0, 39.0, (170, 68, 0));
    assert_colour(&pixel, 180.0, 61.0, (0, 98, 156));
    assert_colour(&pixel, 440.0, 61.0, WHITE);
    assert_colour(&pixel, 180.0, 39.0, WHITE);
}

#[wasm_bindgen_test]
fn area_bars_stand_as_high_as_their_means() {
    let chart = AreaBars {
        areas: vec![("Transact".into(), Some(5.0), Some(3.0))],
        scale: (1, 5),
        series: ["Importance".into(), "Performance".into()],
    };
    let pixel = draw(&chart);
    // 288 px high; the scale runs from y = 248 (1) to y = 28 (5). One group centred at
    // x = 336: importance 308..336 up to 5, performance 336..364 up to 3 (y = 138).
    assert_colour(&pixel, 322.0, 100.0, (0, 104, 165));
    assert_colour(&pixel, 350.0, 200.0, (230, 159, 0));
    assert_colour(&pixel, 350.0, 100.0, WHITE);
}

#[wasm_bindgen_test]
fn five_cs_bars_are_as_long_as_their_scores() {
    let chart = FiveCsChart {
        bars: vec![
            ("Contribution".into(), Some(80.0)),
            ("Overall".into(), Some(40.0)),
        ],
    };
    let pixel = draw(&chart);
    // Labels take about 90 px; 0..100 runs from there to x = 600. Contribution (80) ends
    // near x = 500, the overall score (40) near x = 290. Rows are centred at y = 17 and 43.
    assert_colour(&pixel, 320.0, 17.0, (0, 104, 165));
    assert_colour(&pixel, 320.0, 43.0, WHITE);
    assert_colour(&pixel, 200.0, 43.0, (230, 159, 0));
}

#[wasm_bindgen_test]
fn an_error_bar_spans_the_performance_interval_and_no_further() {
    let interval = |low, high| engine::scoring::stats::Interval { low, high };
    let chart = GapChart {
        errors: vec![Some((interval(4.0, 5.0), interval(1.0, 2.0)))],
        ..gap_chart(
            vec![GapPoint {
                performance: 1.5,
                importance: 4.5,
                label: "Upper left".into(),
            }],
            vec![0],
            &["Brand"],
        )
    };
    let pixel = draw(&chart);
    // The plot of the first test: the point is at (152.2, 89.4). Performance 1.0 is
    // x = 52 + 0.3 / 4.6 * 576 = 89.6 and 2.0 is x = 214.8. The bar, a thin line along the
    // point's row, mixes the area's blue into the Concentrate-here tint (251, 239, 230) there:
    // its red falls well below the tint's.
    let bluish = |x: f64, y: f64| {
        let (red, _, blue) = pixel(x, y);
        red < 200 && blue > red
    };
    assert!(bluish(110.0, 89.0), "{:?}", pixel(110.0, 89.0));
    assert!(bluish(200.0, 89.0), "{:?}", pixel(200.0, 89.0));
    // The caps stand across the bar's ends, at x = 89.6 and 214.8, 4 px up and down.
    assert!(bluish(89.0, 86.0), "{:?}", pixel(89.0, 86.0));
    assert!(bluish(215.0, 86.0), "{:?}", pixel(215.0, 86.0));
    // Left of 1.0 and right of 2.0, and off the bar's row, the tint is untouched.
    assert_colour(&pixel, 75.0, 89.0, (251, 239, 230));
    assert_colour(&pixel, 230.0, 89.0, (251, 239, 230));
    assert_colour(&pixel, 110.0, 95.0, (251, 239, 230));
}
