//! Whatever the answers, the gap chart's labels never cover each other, a marker or a
//! quadrant name, and never leave the plot.

use engine::layout::chart::{segment_crosses, GapChartSpec, GapLayout, GapPoint, Rect};
use proptest::prelude::*;

fn measure(text: &str) -> f64 {
    6.5 * text.chars().count() as f64
}

proptest! {
    #[test]
    fn placed_labels_never_overlap(
        answers in prop::collection::vec((4..=20i32, 4..=20i32), 0..40),
        width in 300.0..900.0f64,
        numbered: bool,
    ) {
        // Means of four respondents on a 1-5 scale: quarter points, many of them shared.
        let points: Vec<GapPoint> = answers
            .iter()
            .enumerate()
            .map(|(i, &(p, imp))| GapPoint {
                performance: f64::from(p) / 4.0,
                importance: f64::from(imp) / 4.0,
                label: format!("Element number {i}"),
            })
            .collect();
        let spec = GapChartSpec {
            width,
            height: width * 0.7,
            scale: (1, 5),
            x_range: None,
            crosshair: (3.2, 2.9),
            numbered,
            font_px: 12.0,
            quadrant_names: ["Concentrate here", "Keep up the good work", "Low priority", "Possible overkill"].map(String::from),
            caption: "Data-centred crosshair: importance 3.2, performance 2.9".to_owned(),
            origins: Vec::new(),
        };
        let layout = GapLayout::new(&spec, &points, &measure);
        let members: usize = layout.markers.iter().map(|m| m.members.len()).sum();
        prop_assert_eq!(members, points.len());
        let labels: Vec<Rect> = layout.markers.iter().filter_map(|m| Some(m.label.as_ref()?.rect)).collect();
        // The first label placed has the whole plot to itself.
        prop_assert!(points.is_empty() || !labels.is_empty());
        for (i, a) in labels.iter().enumerate() {
            prop_assert!(layout.plot.contains(a));
            prop_assert!(labels[i + 1..].iter().all(|b| !a.overlaps(b)));
            prop_assert!(layout.quadrant_names.iter().flatten().all(|q| !a.overlaps(q)));
            let off_markers = layout.markers.iter().all(|m| {
                let dot = Rect { x: m.x - m.radius, y: m.y - m.radius, w: 2.0 * m.radius, h: 2.0 * m.radius };
                !a.overlaps(&dot)
            });
            prop_assert!(off_markers);
        }
    }
}

proptest! {
    /// The arrow charts (alignment, waves): no label crosses another, the crosshair's lines or
    /// an arrow, and a chart too dense for words numbers every marker.
    #[test]
    fn arrow_chart_labels_keep_off_the_crosshair_and_the_arrows(
        arrows in prop::collection::vec(((4..=20i32, 4..=20i32), (4..=20i32, 4..=20i32)), 1..35),
        width in 600.0..1000.0f64,
    ) {
        let points: Vec<GapPoint> = arrows
            .iter()
            .enumerate()
            .map(|(i, &((p, imp), _))| GapPoint {
                performance: f64::from(p) / 4.0,
                importance: f64::from(imp) / 4.0,
                label: format!("Element {i}"),
            })
            .collect();
        let origins = arrows
            .iter()
            .map(|&(_, (p, imp))| Some((f64::from(imp) / 4.0, f64::from(p) / 4.0)))
            .collect();
        let spec = GapChartSpec {
            width,
            height: width * 0.62,
            scale: (1, 5),
            x_range: None,
            crosshair: (3.1, 2.9),
            numbered: false,
            font_px: 12.0,
            quadrant_names: ["Concentrate here", "Keep up the good work", "Low priority", "Possible overkill"].map(String::from),
            caption: "Data-centred crosshair".to_owned(),
            origins,
        };
        let layout = GapLayout::new(&spec, &points, &measure);
        let labels: Vec<(&str, Rect)> = layout
            .markers
            .iter()
            .filter_map(|m| m.label.as_ref().map(|l| (l.text.as_str(), l.rect)))
            .collect();
        let (cx, cy) = layout.cross;
        for (i, (_, a)) in labels.iter().enumerate() {
            prop_assert!(labels[i + 1..].iter().all(|(_, b)| !a.overlaps(b)));
            prop_assert!(!(a.x < cx && cx < a.right()), "a label across the vertical line");
            prop_assert!(!(a.y < cy && cy < a.bottom()), "a label across the horizontal line");
            // Only a number, as a last resort, may lie over an arrow.
            if labels[i].0.parse::<usize>().is_ok() {
                continue;
            }
            for (marker, &(_, (p, imp))) in layout.markers.iter().flat_map(|m| m.members.iter().map(move |&i| (m, i))).map(|(m, i)| (m, &arrows[i])) {
                let from = (layout.x.px(f64::from(p) / 4.0), layout.y.px(f64::from(imp) / 4.0));
                prop_assert!(!segment_crosses(a, from, (marker.x, marker.y)), "a label across an arrow");
            }
        }
        // Words for at least three markers in four, or numbers only.
        let named = labels.iter().filter(|(t, _)| t.parse::<usize>().is_err()).count();
        prop_assert!(named == 0 || named as f64 >= 0.75 * layout.markers.len() as f64);
    }
}
