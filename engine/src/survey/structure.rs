//! The structure hash: a fingerprint of what answers are keyed by, and nothing else.
//!
//! Two survey files with the same id and structure hash accept each other's answers. The hash
//! covers ids, the scale and the choices, never text or weights, so a fixed typo, a new
//! translation or a re-weighted area keeps old results compatible.

use crate::survey::definition::{Choice, Element, Item, Survey, FORMAT_MAJOR};
use std::fmt::Write;
use std::hash::Hasher;

impl Survey {
    /// 16 lowercase hex digits (FNV-1a, 64 bits) over `canonical_structure`.
    pub fn structure_hash(&self) -> String {
        let mut hasher = fnv::FnvHasher::default();
        hasher.write(self.canonical_structure().as_bytes());
        format!("{:016x}", hasher.finish())
    }

    /// One line per part of the structure, in survey order. Changing this text changes every
    /// hash, so it is pinned by a test.
    pub fn canonical_structure(&self) -> String {
        let mut out = String::new();
        let mut line = |key: &str, value: String| {
            let _ = writeln!(out, "{key}={value}");
        };
        line("format", FORMAT_MAJOR.to_string());
        line("survey", self.id.clone());
        let scale = &self.scale;
        line(
            "scale",
            format!("{}..{} na={}", scale.min, scale.max, scale.not_applicable),
        );
        let profile = &self.profile;
        for function in &profile.partner_type.functions {
            line(
                &format!("partner_type.{}", function.id),
                choice_ids(&function.types),
            );
        }
        line("region", choice_ids(&profile.region.choices));
        line("program_tier", choice_ids(&profile.program_tier.choices));
        line("side", choice_ids(&profile.side.choices));
        if let Some(revenue) = &profile.revenue {
            line("revenue", revenue.currency.clone());
        }
        for area in &self.areas {
            line(&format!("area.{}", area.id), element_ids(&area.elements));
        }
        let sections = &self.sections;
        for (name, section) in [
            ("five_cs", &sections.five_cs),
            ("proposition", &sections.proposition),
        ] {
            for dimension in section.iter().flat_map(|s| &s.dimensions) {
                line(
                    &format!("{name}.{}", dimension.id),
                    item_ids(&dimension.items),
                );
            }
        }
        for phase in sections.journey.iter().flat_map(|s| &s.phases) {
            line(&format!("journey.{}", phase.id), item_ids(&phase.criteria));
        }
        if let Some(maturity) = &sections.maturity {
            line("maturity.levels", choice_ids(&maturity.levels));
            line("maturity.processes", item_ids(&maturity.processes));
        }
        if let Some(principles) = &sections.principles {
            line("principles", element_ids(&principles.elements));
        }
        // The overall section is left out on purpose: adding it to a survey (as the default
        // survey did in 2026.2) keeps last year's answers comparable; they simply have no
        // overall answers.
        out
    }
}

fn choice_ids(choices: &[Choice]) -> String {
    join(choices.iter().map(|c| c.id.as_str()))
}

fn element_ids(elements: &[Element]) -> String {
    join(elements.iter().map(|e| e.id.as_str()))
}

fn item_ids(items: &[Item]) -> String {
    join(items.iter().map(|i| i.id.as_str()))
}

fn join<'a>(ids: impl Iterator<Item = &'a str>) -> String {
    ids.collect::<Vec<_>>().join(",")
}
