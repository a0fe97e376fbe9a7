//! Chart geometry in CSS pixels: where the gap chart's plot, crosshair, markers and labels go.
//! It is pure, so merging coincident points and nudging labels apart are tested on the host;
//! the UI only paints what this returns. Text widths come from the caller (the canvas
//! measures them), so the layout matches the font the browser actually draws.

/// An axis-aligned box; `x`, `y` is the top-left corner.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rect {
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
}

impl Rect {
    pub fn right(&self) -> f64 {
        self.x + self.w
    }

    pub fn bottom(&self) -> f64 {
        self.y + self.h
    }

    /// Boxes that only touch do not overlap.
    pub fn overlaps(&self, other: &Rect) -> bool {
        self.x < other.right()
            && other.x < self.right()
            && self.y < other.bottom()
            && other.y < self.bottom()
    }

    pub fn contains(&self, other: &Rect) -> bool {
        other.x >= self.x
            && other.y >= self.y
            && other.right() <= self.right()
            && other.bottom() <= self.bottom()
    }
}

/// A linear map from data values (`lo..hi`) to pixels (`from..to`); `to < from` flips it,
/// as the y axis of a chart does.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Axis {
    pub lo: f64,
    pub hi: f64,
    pub from: f64,
    pub to: f64,
}

impl Axis {
    pub fn px(&self, value: f64) -> f64 {
        self.from + (value - self.lo) / (self.hi - self.lo) * (self.to - self.from)
    }
}

/// Round tick values from 0 up to at least `max`, steps of 1, 2 or 5 times a power of ten,
/// at most `most` steps, never below 1: the axes of a chart of whole amounts. At least one
/// step, even for 0.
pub fn nice_ticks(max: f64, most: usize) -> Vec<f64> {
    let max = if max.is_finite() && max > 0.0 {
        max
    } else {
        1.0
    };
    let rough = max / most.max(1) as f64;
    let power = 10f64.powf(rough.log10().floor());
    let step = [1.0, 2.0, 5.0, 10.0]
        .into_iter()
        .map(|m| m * power)
        .find(|step| step * most.max(1) as f64 >= max - max * 1e-12)
        .unwrap_or(10.0 * power)
        .max(1.0);
    let steps = (max / step - 1e-9).ceil().max(1.0) as usize;
    (0..=steps).map(|i| i as f64 * step).collect()
}

/// One element on the gap chart; its position in the input is its row in the table.
#[derive(Clone, Debug, PartialEq)]
pub struct GapPoint {
    pub performance: f64,
    pub importance: f64,
    /// The short label drawn beside the marker.
    pub label: String,
}

/// What the gap chart is drawn into and over.
#[derive(Clone, Debug, PartialEq)]
pub struct GapChartSpec {
    /// The chart's size in CSS pixels (without the legend).
    pub width: f64,
    pub height: f64,
    /// The survey's scale, on the y axis, and on the x axis too unless `x_range` says otherwise.
    pub scale: (i32, i32),
    /// Another range across, such as a correlation's (derived importance).
    pub x_range: Option<(f64, f64)>,
    /// The crosshair as (importance, performance).
    pub crosshair: (f64, f64),
    /// Narrow charts label markers with numbers keyed to the table instead of text.
    pub numbered: bool,
    pub font_px: f64,
    /// The four quadrant names, in the order of `QUADRANT_CORNERS`.
    pub quadrant_names: [String; 4],
    /// The line above the plot that states the crosshair.
    pub caption: String,
    /// Per point, where its arrow starts as (importance, performance): the vendor's view or
    /// the earlier wave. Empty for a chart without arrows. Labels keep off the arrows.
    pub origins: Vec<Option<(f64, f64)>>,
}

/// Below this share of markers named in words, a chart is too dense for words: every marker
/// carries its number instead, keyed to the table.
const NAMED_SHARE: f64 = 0.75;

/// The corner of the plot each quadrant name sits in: Concentrate here (top left), Keep up
/// the good work (top right), Low priority (bottom left), Possible overkill (bottom right).
pub const QUADRANT_CORNERS: [(bool, bool); 4] =
    [(false, true), (true, true), (false, false), (true, false)];

/// A marker stands for every element at exactly its point.
#[derive(Clone, Debug, PartialEq)]
pub struct Marker {
    pub x: f64,
    pub y: f64,
    pub radius: f64,
    /// Positions in the input, first one first.
    pub members: Vec<usize>,
    /// 1-based, in order of each marker's first member: the key to the table.
    pub number: usize,
    pub label: Option<Label>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Label {
    pub text: String,
    pub rect: Rect,
}

#[derive(Clone, Debug, PartialEq)]
pub struct GapLayout {
    pub plot: Rect,
    /// Performance, left to right.
    pub x: Axis,
    /// Importance, bottom to top.
    pub y: Axis,
    /// Where the crosshair lines cross, in pixels.
    pub cross: (f64, f64),
    /// Where the quadrant names go in the plot; None on narrow charts.
    pub quadrant_names: Option<[Rect; 4]>,
    /// The caption, on two lines when one is too wide.
    pub caption: TextBlock,
    pub markers: Vec<Marker>,
}

/// Lines of text in a box; each line is `line_height` high, from the top.
#[derive(Clone, Debug, PartialEq)]
pub struct TextBlock {
    pub lines: Vec<String>,
    pub rect: Rect,
    pub line_height: f64,
}

/// Room around the plot for the caption, tick labels and axis titles: right, bottom, left;
/// the top is `CAPTION_TOP` plus the caption's lines.
const MARGIN: (f64, f64, f64) = (12.0, 44.0, 52.0);
const CAPTION_TOP: f64 = 10.0;
/// The scale's ends sit this far (in scale points) inside the plot, so edge markers show whole.
const PAD: f64 = 0.3;
/// Room for a quadrant name (its inset and height) and the largest marker beside it.
const NAME_BAND: f64 = 30.0;
const DOT: f64 = 5.0;
const MERGED_DOT: f64 = 9.0;

impl GapLayout {
    pub fn new(
        spec: &GapChartSpec,
        points: &[GapPoint],
        measure: &dyn Fn(&str) -> f64,
    ) -> GapLayout {
        let (right, bottom, left) = MARGIN;
        let line_height = spec.font_px * 4.0 / 3.0;
        let caption_lines = if measure(&spec.caption) > spec.width - left {
            split_in_two(&spec.caption)
        } else {
            vec![spec.caption.clone()]
        };
        let top = CAPTION_TOP + line_height * caption_lines.len() as f64;
        let caption = TextBlock {
            rect: Rect {
                x: left,
                y: CAPTION_TOP / 2.0,
                w: caption_lines.iter().map(|l| measure(l)).fold(0.0, f64::max),
                h: line_height * caption_lines.len() as f64,
            },
            lines: caption_lines,
            line_height,
        };
        let plot = Rect {
            x: left,
            y: top,
            w: (spec.width - left - right).max(1.0),
            h: (spec.height - top - bottom).max(1.0),
        };
        let (min, max) = (f64::from(spec.scale.0), f64::from(spec.scale.1));
        let (x_min, x_max) = spec.x_range.unwrap_or((min, max));
        // The same padding in pixels as the scale's on a range of another width.
        let pad_x = PAD * (x_max - x_min) / (max - min);
        let x = Axis {
            lo: x_min - pad_x,
            hi: x_max + pad_x,
            from: plot.x,
            to: plot.right(),
        };
        // Where the quadrant names are drawn, the first and last scale points sit NAME_BAND
        // pixels inside the plot, so a marker there never covers a name: a band of b pixels
        // on a plot h high needs a pad of b * range / (h - 2b) scale points.
        let pad_y = if spec.numbered {
            PAD
        } else {
            (NAME_BAND * (max - min) / (plot.h - 2.0 * NAME_BAND).max(1.0)).max(PAD)
        };
        let y = Axis {
            lo: min - pad_y,
            hi: max + pad_y,
            from: plot.bottom(),
            to: plot.y,
        };
        let cross = (x.px(spec.crosshair.1), y.px(spec.crosshair.0));

        let text_height = spec.font_px * 1.25;
        let inset = 4.0;
        // Narrow charts name the quadrants in their legend: in the plot, the names would cover
        // the markers in the corners.
        let quadrant_names = (!spec.numbered).then(|| {
            std::array::from_fn(|q| {
                let (right_side, top_side) = QUADRANT_CORNERS[q];
                let w = measure(&spec.quadrant_names[q]);
                Rect {
                    x: if right_side {
                        plot.right() - inset - w
                    } else {
                        plot.x + inset
                    },
                    y: if top_side {
                        plot.y + inset
                    } else {
                        plot.bottom() - inset - text_height
                    },
                    w,
                    h: text_height,
                }
            })
        });

        let mut markers: Vec<Marker> = coincident(points)
            .into_iter()
            .enumerate()
            .map(|(i, members)| {
                let point = &points[members[0]];
                Marker {
                    x: x.px(point.performance),
                    y: y.px(point.importance),
                    radius: if members.len() > 1 { MERGED_DOT } else { DOT },
                    members,
                    number: i + 1,
                    label: None,
                }
            })
            .collect();

        let mut fixed: Vec<Rect> = quadrant_names.iter().flatten().copied().collect();
        fixed.extend(markers.iter().map(|m| Rect {
            x: m.x - m.radius - 1.0,
            y: m.y - m.radius - 1.0,
            w: 2.0 * m.radius + 2.0,
            h: 2.0 * m.radius + 2.0,
        }));
        // The crosshair's lines: a label across one would be read as in two quadrants.
        fixed.push(Rect {
            x: cross.0 - 1.0,
            y: plot.y,
            w: 2.0,
            h: plot.h,
        });
        fixed.push(Rect {
            x: plot.x,
            y: cross.1 - 1.0,
            w: plot.w,
            h: 2.0,
        });
        // Each arrow's shaft, and the small ring where it starts.
        let mut shafts = Vec::new();
        for marker in &markers {
            for &member in &marker.members {
                if let Some(Some((importance, performance))) = spec.origins.get(member) {
                    let from = (x.px(*performance), y.px(*importance));
                    shafts.push((from, (marker.x, marker.y)));
                    fixed.push(Rect {
                        x: from.0 - 4.0,
                        y: from.1 - 4.0,
                        w: 8.0,
                        h: 8.0,
                    });
                }
            }
        }
        // The largest gaps are what the reader looks for first, so they get the best places.
        let mut order: Vec<usize> = (0..markers.len()).collect();
        let gap = |m: &Marker| {
            let p = &points[m.members[0]];
            p.importance - p.performance
        };
        order.sort_unstable_by(|&a, &b| {
            gap(&markers[b])
                .total_cmp(&gap(&markers[a]))
                .then(a.cmp(&b))
        });
        let place = |numbers_only: bool| {
            let mut obstacles = fixed.clone();
            let mut labels: Vec<Option<Label>> = vec![None; markers.len()];
            for &m in &order {
                let marker = &markers[m];
                let number = marker.number.to_string();
                let text = if numbers_only {
                    number.clone()
                } else {
                    let first = &points[marker.members[0]].label;
                    match marker.members.len() {
                        1 => first.clone(),
                        n => format!("{first} +{}", n - 1),
                    }
                };
                let fits = |text: &str, off_arrows: bool| {
                    candidates(marker, measure(text), text_height)
                        .find(|rect| {
                            plot.contains(rect)
                                && !obstacles.iter().any(|o| o.overlaps(rect))
                                && !(off_arrows
                                    && shafts.iter().any(|&(a, b)| segment_crosses(rect, a, b)))
                        })
                        .map(|rect| Label {
                            text: text.to_owned(),
                            rect,
                        })
                };
                // A label that fits nowhere falls back to the marker's number, then to the
                // number over an arrow, then to none: the table still names every element.
                let label = fits(&text, true)
                    .or_else(|| (!numbers_only).then(|| fits(&number, true)).flatten())
                    .or_else(|| fits(&number, false));
                if let Some(label) = &label {
                    obstacles.push(label.rect);
                }
                labels[m] = label;
            }
            labels
        };
        let mut labels = place(spec.numbered);
        if !spec.numbered {
            let named = markers
                .iter()
                .zip(&labels)
                .filter(|(m, l)| l.as_ref().is_some_and(|l| l.text != m.number.to_string()))
                .count();
            if (named as f64) < NAMED_SHARE * markers.len() as f64 {
                labels = place(true);
            }
        }
        for (marker, label) in markers.iter_mut().zip(labels) {
            marker.label = label;
        }

        GapLayout {
            plot,
            x,
            y,
            cross,
            quadrant_names,
            caption,
            markers,
        }
    }
}

/// Each point's marker number (1-based, as `coincident` numbers the markers): the key from the
/// table to the chart.
pub fn marker_numbers(points: &[GapPoint]) -> Vec<usize> {
    let mut numbers = vec![0; points.len()];
    for (marker, members) in coincident(points).iter().enumerate() {
        for &member in members {
            numbers[member] = marker + 1;
        }
    }
    numbers
}

/// The points grouped by exact position, each group in input order and the groups in order
/// of their first point: marker `i + 1` holds group `i`.
pub fn coincident(points: &[GapPoint]) -> Vec<Vec<usize>> {
    let mut groups: Vec<Vec<usize>> = Vec::new();
    for (index, point) in points.iter().enumerate() {
        let same = groups.iter_mut().find(|group| {
            let first = &points[group[0]];
            first.performance == point.performance && first.importance == point.importance
        });
        match same {
            Some(group) => group.push(index),
            None => groups.push(vec![index]),
        }
    }
    groups
}

/// Places to try for a label, nearest first: right, left, above, below, then the diagonals,
/// each at three distances.
fn candidates(marker: &Marker, w: f64, h: f64) -> impl Iterator<Item = Rect> + '_ {
    [3.0, 10.0, 20.0].into_iter().flat_map(move |extra| {
        let d = marker.radius + extra;
        let (x, y) = (marker.x, marker.y);
        [
            (x + d, y - h / 2.0),
            (x - d - w, y - h / 2.0),
            (x - w / 2.0, y - d - h),
            (x - w / 2.0, y + d),
            (x + d * 0.7, y - d * 0.7 - h),
            (x + d * 0.7, y + d * 0.7),
            (x - d * 0.7 - w, y - d * 0.7 - h),
            (x - d * 0.7 - w, y + d * 0.7),
        ]
        .into_iter()
        .map(move |(x, y)| Rect { x, y, w, h })
    })
}

/// Whether the segment from `a` to `b` passes through the box (Liang-Barsky clipping).
pub fn segment_crosses(rect: &Rect, a: (f64, f64), b: (f64, f64)) -> bool {
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let (mut t0, mut t1) = (0.0_f64, 1.0_f64);
    for (p, q) in [
        (-dx, a.0 - rect.x),
        (dx, rect.right() - a.0),
        (-dy, a.1 - rect.y),
        (dy, rect.bottom() - a.1),
    ] {
        if p == 0.0 {
            if q < 0.0 {
                return false;
            }
        } else {
            let t = q / p;
            if p < 0.0 {
                t0 = t0.max(t);
            } else {
                t1 = t1.min(t);
            }
            if t0 > t1 {
                return false;
            }
        }
    }
    true
}

/// A text cut at the space nearest its middle into two lines (one line if it has no space).
fn split_in_two(text: &str) -> Vec<String> {
    let middle = text.len() / 2;
    let cut = text
        .match_indices(' ')
        .map(|(i, _)| i)
        .min_by_key(|&i| i.abs_diff(middle));
    match cut {
        Some(i) => vec![text[..i].to_owned(), text[i + 1..].to_owned()],
        None => vec![text.to_owned()],
    }
}

/// Lays out boxes of the given widths in rows no wider than `max_width`: a legend that wraps.
/// Returns each box's top-left corner and the height of all rows.
pub fn flow(widths: &[f64], max_width: f64, row_height: f64, gap: f64) -> (Vec<(f64, f64)>, f64) {
    let (mut x, mut y) = (0.0, 0.0);
    let mut places = Vec::with_capacity(widths.len());
    for &w in widths {
        if x > 0.0 && x + w > max_width {
            x = 0.0;
            y += row_height;
        }
        places.push((x, y));
        x += w + gap;
    }
    let height = if widths.is_empty() {
        0.0
    } else {
        y + row_height
    };
    (places, height)
}

/// A label cut to at most `max` characters, with an ellipsis when cut.
pub fn short_label(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let cut: String = text.chars().take(max.saturating_sub(1)).collect();
    format!("{}…", cut.trim_end())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn points_at_one_place_share_a_marker_number() {
        let at = |performance, importance| GapPoint {
            performance,
            importance,
            label: String::new(),
        };
        let points = [at(1.0, 1.0), at(2.0, 2.0), at(1.0, 1.0), at(3.0, 1.0)];
        assert_eq!(marker_numbers(&points), [1, 2, 1, 3]);
    }

    #[test]
    fn ticks_are_round_and_cover_the_largest_value() {
        // 1,234,000 over at most 5 steps: 246,800 a step rounds up to 500,000; 3 steps.
        assert_eq!(
            nice_ticks(1_234_000.0, 5),
            [0.0, 500_000.0, 1_000_000.0, 1_500_000.0]
        );
        // 2,000,000 exactly: 400,000 rounds up to 500,000; 4 steps end on the value.
        assert_eq!(
            nice_ticks(2_000_000.0, 5),
            [0.0, 500_000.0, 1_000_000.0, 1_500_000.0, 2_000_000.0]
        );
        assert_eq!(nice_ticks(0.0, 5), [0.0, 1.0]);
        assert_eq!(nice_ticks(f64::NAN, 5), [0.0, 1.0]);
        assert_eq!(nice_ticks(7.0, 5), [0.0, 2.0, 4.0, 6.0, 8.0]);
    }

    /// A monospace stand-in for the canvas: 7 px a character.
    fn measure(text: &str) -> f64 {
        7.0 * text.chars().count() as f64
    }

    fn spec(numbered: bool) -> GapChartSpec {
        GapChartSpec {
            width: 640.0,
            height: 480.0,
            scale: (1, 5),
            x_range: None,
            crosshair: (3.0, 3.0),
            numbered,
            font_px: 12.0,
            quadrant_names: [
                "Concentrate here",
                "Keep up the good work",
                "Low priority",
                "Possible overkill",
            ]
            .map(String::from),
            caption: "Scale-centred crosshair".to_owned(),
            origins: Vec::new(),
        }
    }

    fn point(performance: f64, importance: f64, label: &str) -> GapPoint {
        GapPoint {
            performance,
            importance,
            label: label.to_owned(),
        }
    }

    #[test]
    fn the_scale_maps_onto_the_plot_with_high_importance_at_the_top() {
        let layout = GapLayout::new(&spec(false), &[], &measure);
        // Plot: x 52..628 (576 wide), y 26..436 (410 high). Across, 0.7..5.3 (4.6 points).
        // Up, the top and bottom 30 px are kept for the quadrant names: a pad of
        // 30 x 4 / (410 - 60) = 0.343 points, so 5 sits at 26 + 30 = 56.
        assert_eq!(
            layout.plot,
            Rect {
                x: 52.0,
                y: 26.0,
                w: 576.0,
                h: 410.0
            }
        );
        assert!((layout.x.px(3.0) - (52.0 + 2.3 / 4.6 * 576.0)).abs() < 1e-9);
        assert!((layout.y.px(5.0) - 56.0).abs() < 1e-9);
        assert!((layout.y.px(1.0) - 406.0).abs() < 1e-9);
        assert!(layout.y.px(5.0) < layout.y.px(1.0));
        // The crosshair at the scale's midpoint is the plot's centre.
        assert!((layout.cross.0 - 340.0).abs() < 1e-9);
        assert!((layout.cross.1 - 231.0).abs() < 1e-9);
    }

    #[test]
    fn elements_on_the_same_point_share_one_numbered_marker() {
        let points = [
            point(2.0, 5.0, "Leads"),
            point(4.0, 4.0, "Training"),
            point(2.0, 5.0, "Ordering"),
            point(2.0, 5.0, "Invoicing"),
        ];
        let layout = GapLayout::new(&spec(false), &points, &measure);
        assert_eq!(layout.markers.len(), 2);
        assert_eq!(layout.markers[0].members, vec![0, 2, 3]);
        assert_eq!(layout.markers[0].number, 1);
        assert_eq!(layout.markers[1].members, vec![1]);
        assert_eq!(layout.markers[1].number, 2);
        assert!(layout.markers[0].radius > layout.markers[1].radius);
        assert_eq!(layout.markers[0].label.as_ref().unwrap().text, "Leads +2");
    }

    #[test]
    fn narrow_charts_label_markers_with_their_numbers() {
        let points = [point(2.0, 5.0, "Leads"), point(4.0, 4.0, "Training")];
        let layout = GapLayout::new(&spec(true), &points, &measure);
        let texts: Vec<&str> = layout
            .markers
            .iter()
            .map(|m| m.label.as_ref().unwrap().text.as_str())
            .collect();
        assert_eq!(texts, ["1", "2"]);
    }

    #[test]
    fn crowded_labels_are_nudged_apart_and_off_the_markers() {
        // Nine elements a tenth of a point apart: their natural places all collide.
        let points: Vec<GapPoint> = (0..9)
            .map(|i| point(2.0 + f64::from(i) * 0.1, 4.0, &format!("Element {i}")))
            .collect();
        let layout = GapLayout::new(&spec(false), &points, &measure);
        let labels: Vec<&Rect> = layout
            .markers
            .iter()
            .filter_map(|m| Some(&m.label.as_ref()?.rect))
            .collect();
        assert!(
            labels.len() >= 7,
            "only {} of 9 labels placed",
            labels.len()
        );
        for (i, a) in labels.iter().enumerate() {
            assert!(layout.plot.contains(a));
            for b in &labels[i + 1..] {
                assert!(!a.overlaps(b), "{a:?} overlaps {b:?}");
            }
            for marker in &layout.markers {
                let dot = Rect {
                    x: marker.x - marker.radius,
                    y: marker.y - marker.radius,
                    w: 2.0 * marker.radius,
                    h: 2.0 * marker.radius,
                };
                assert!(!a.overlaps(&dot));
            }
            for name in layout.quadrant_names.iter().flatten() {
                assert!(!a.overlaps(name));
            }
        }
    }

    #[test]
    fn the_largest_gap_is_labelled_first_and_keeps_the_nearest_place() {
        // Two markers a tenth of a point apart vertically: their right-hand places overlap,
        // so whichever is placed first decides. The larger gap (4.1 - 2) wins it; the other
        // label moves to the left of its marker.
        let points = [
            point(2.0, 4.0, "Smaller gap"),
            point(2.0, 4.1, "Larger gap"),
        ];
        let layout = GapLayout::new(&spec(false), &points, &measure);
        let (smaller, larger) = (&layout.markers[0], &layout.markers[1]);
        assert_eq!(larger.label.as_ref().unwrap().rect.x, larger.x + DOT + 3.0);
        assert!(smaller.label.as_ref().unwrap().rect.right() < smaller.x);
    }

    #[test]
    fn a_narrow_chart_wraps_a_long_caption_and_leaves_the_quadrant_names_to_its_legend() {
        let narrow = GapChartSpec {
            width: 300.0,
            height: 300.0,
            caption: "Data-centred crosshair: importance 3.1, performance 2.9".to_owned(),
            ..spec(true)
        };
        let layout = GapLayout::new(&narrow, &[], &measure);
        assert_eq!(layout.quadrant_names, None);
        // 7 px a character: the caption (55 characters, 385 px) is wider than 300 - 52 px, so
        // it is cut at the space nearest its middle (after the colon), and the plot starts
        // below its two lines, 10 + 2 x 16 px from the top.
        assert_eq!(
            layout.caption.lines,
            ["Data-centred crosshair:", "importance 3.1, performance 2.9"]
        );
        assert!((layout.plot.y - 42.0).abs() < 1e-9);
        assert!(GapLayout::new(&spec(false), &[], &measure)
            .quadrant_names
            .is_some());
    }

    #[test]
    fn markers_in_the_corners_leave_the_quadrant_names_clear() {
        // Two elements at each corner of the scale: merged markers, the largest there are.
        let corners = [(1.0, 5.0), (5.0, 5.0), (1.0, 1.0), (5.0, 1.0)];
        let points: Vec<GapPoint> = corners
            .iter()
            .flat_map(|&(p, i)| [point(p, i, "A"), point(p, i, "B")])
            .collect();
        for height in [320.0, 480.0, 640.0] {
            let layout = GapLayout::new(
                &GapChartSpec {
                    height,
                    ..spec(false)
                },
                &points,
                &measure,
            );
            let names = layout.quadrant_names.unwrap();
            for marker in &layout.markers {
                let r = marker.radius;
                let dot = Rect {
                    x: marker.x - r,
                    y: marker.y - r,
                    w: 2.0 * r,
                    h: 2.0 * r,
                };
                assert!(
                    names.iter().all(|name| !name.overlaps(&dot)),
                    "at height {height}"
                );
            }
        }
    }

    #[test]
    fn legends_wrap_into_rows() {
        let (places, height) = flow(&[100.0, 100.0, 100.0], 250.0, 20.0, 10.0);
        assert_eq!(places, vec![(0.0, 0.0), (110.0, 0.0), (0.0, 20.0)]);
        assert_eq!(height, 40.0);
        assert_eq!(flow(&[], 250.0, 20.0, 10.0).1, 0.0);
    }

    #[test]
    fn long_labels_are_cut_with_an_ellipsis() {
        assert_eq!(short_label("Deal registration", 18), "Deal registration");
        assert_eq!(
            short_label("Business management tools", 18),
            "Business manageme…"
        );
        assert_eq!(short_label("Quartalsgespräche (QBR)", 12), "Quartalsges…");
    }

    #[test]
    fn a_segment_crosses_a_box_only_where_it_passes_through() {
        let rect = Rect {
            x: 10.0,
            y: 10.0,
            w: 20.0,
            h: 10.0,
        };
        assert!(
            segment_crosses(&rect, (0.0, 15.0), (40.0, 15.0)),
            "straight through"
        );
        assert!(segment_crosses(&rect, (15.0, 12.0), (16.0, 13.0)), "inside");
        assert!(!segment_crosses(&rect, (0.0, 0.0), (40.0, 5.0)), "above");
        assert!(!segment_crosses(&rect, (0.0, 0.0), (9.0, 30.0)), "beside");
        // The diagonal from (0, 30) to (30, 0) passes (20, 10), the box's top edge.
        assert!(segment_crosses(&rect, (0.0, 30.0), (30.0, 0.0)));
    }

    #[test]
    fn a_chart_too_dense_for_words_numbers_every_marker() {
        // 30 distinct points packed into a quarter of the plot: most names find no room.
        let points: Vec<GapPoint> = (0..30)
            .map(|i| {
                point(
                    3.0 + f64::from(i % 6) * 0.1,
                    3.0 + f64::from(i / 6) * 0.1,
                    "A rather long name",
                )
            })
            .collect();
        let layout = GapLayout::new(&spec(false), &points, &measure);
        let texts: Vec<&str> = layout
            .markers
            .iter()
            .filter_map(|m| Some(m.label.as_ref()?.text.as_str()))
            .collect();
        assert!(!texts.is_empty());
        assert!(
            texts.iter().all(|t| t.parse::<usize>().is_ok()),
            "{texts:?}"
        );
        // A sparse chart keeps its words.
        let sparse = [
            point(1.5, 4.5, "Upper left"),
            point(4.5, 1.5, "Lower right"),
        ];
        let layout = GapLayout::new(&spec(false), &sparse, &measure);
        assert_eq!(layout.markers[0].label.as_ref().unwrap().text, "Upper left");
    }
}
