//! Localized text: every text field of a survey is a map from locale to string.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The locale every text must have, and the one others fall back to.
pub const FALLBACK_LOCALE: &str = "en";

/// A text in several locales, e.g. `{"en": "Training", "de": "Schulungen"}`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Text(pub BTreeMap<String, String>);

impl Text {
    /// The text in `locale`, else in English, else empty.
    pub fn get(&self, locale: &str) -> &str {
        self.0
            .get(locale)
            .or_else(|| self.0.get(FALLBACK_LOCALE))
            .map_or("", String::as_str)
    }

    /// True when the English text is missing or blank.
    pub fn lacks_fallback(&self) -> bool {
        self.0
            .get(FALLBACK_LOCALE)
            .is_none_or(|text| text.trim().is_empty())
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn locales(&self) -> impl Iterator<Item = &str> {
        self.0.keys().map(String::as_str)
    }
}

/// Control characters and the invisible marks that reorder text (bidi overrides and
/// isolates).
fn hidden(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// Text without `hidden` characters: a name from an imported file cannot hide or disguise
/// itself on screen, in a file name or in a CSV cell.
pub fn printable(text: &str) -> String {
    text.chars().filter(|&c| !hidden(c)).collect()
}

/// Reads a free-text answer (a partner's name, a wave) as `printable` text, whatever file or
/// link it came from.
pub fn printable_string<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<String, D::Error> {
    let text = String::deserialize(deserializer)?;
    Ok(if text.chars().any(hidden) {
        printable(&text)
    } else {
        text
    })
}

/// Which side answers the survey: a partner about its vendor, or the vendor about itself.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Side {
    #[default]
    Partner,
    Vendor,
}

impl Side {
    pub const ALL: [Side; 2] = [Side::Partner, Side::Vendor];

    pub fn id(self) -> &'static str {
        match self {
            Side::Partner => "partner",
            Side::Vendor => "vendor",
        }
    }

    pub fn from_id(id: &str) -> Option<Side> {
        Side::ALL.into_iter().find(|side| side.id() == id)
    }
}

/// A question worded for each side; the vendor wording falls back to the partner's.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct SidedText {
    pub partner: Text,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub vendor: Option<Text>,
}

impl SidedText {
    pub fn get(&self, side: Side, locale: &str) -> &str {
        match (side, &self.vendor) {
            (Side::Vendor, Some(vendor)) => vendor.get(locale),
            _ => self.partner.get(locale),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(pairs: &[(&str, &str)]) -> Text {
        Text(
            pairs
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
        )
    }

    #[test]
    fn falls_back_to_english_for_a_missing_locale() {
        let t = text(&[("en", "Training"), ("de", "Schulungen")]);
        assert_eq!(t.get("de"), "Schulungen");
        assert_eq!(t.get("fr"), "Training");
    }

    #[test]
    fn vendor_wording_falls_back_to_partner_wording() {
        let only_partner = SidedText {
            partner: text(&[("en", "How well does the vendor deliver this?")]),
            vendor: None,
        };
        assert_eq!(
            only_partner.get(Side::Vendor, "en"),
            "How well does the vendor deliver this?"
        );
        let both = SidedText {
            vendor: Some(text(&[("en", "How well do we deliver this?")])),
            ..only_partner
        };
        assert_eq!(both.get(Side::Vendor, "en"), "How well do we deliver this?");
        assert_eq!(
            both.get(Side::Partner, "en"),
            "How well does the vendor deliver this?"
        );
    }

    #[test]
    fn blank_english_counts_as_missing() {
        assert!(text(&[("en", "  ")]).lacks_fallback());
        assert!(text(&[("de", "Marke")]).lacks_fallback());
        assert!(!text(&[("en", "Brand")]).lacks_fallback());
    }
}
