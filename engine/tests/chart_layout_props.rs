//! Whatever the answers, the gap chart's labels never cover each other, a marker or a
//! quadrant name, and never leave the plot.

use engine::layout::chart::{GapChartSpec, GapLayout, GapPoint, Rect};
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
            crosshair: (3.2, 2.9),
            numbered,
            font_px: 12.0,
            quadrant_names: ["Concentrate here", "Keep up the good work", "Low priority", "Possible overkill"].map(String::from),
            caption: "Data-centred crosshair: importance 3.2, performance 2.9".to_owned(),
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
