//! Personal links from vendors: query parameters that prefill the profile of a new assessment,
//! e.g. `?partner=Acme&region=emea&type=solution-reseller&tier=gold&side=partner&wave=2026`.

use crate::answers::response::ProfileAnswers;
use crate::survey::definition::{Choice, Survey};
use crate::survey::text::Side;

/// The longest partner name or wave a link may set; longer text is a mistake or an attack.
const MAX_TEXT: usize = 200;

/// What a link prefills, and what it asked for that this survey does not have.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Prefill {
    pub profile: ProfileAnswers,
    /// `name=value` of each parameter that was ignored, for the notice.
    pub ignored: Vec<String>,
}

fn choice(choices: &[Choice], value: &str) -> Option<String> {
    choices.iter().find(|c| c.id == value).map(|c| c.id.clone())
}

fn text(value: &str) -> Option<String> {
    let value = value.trim();
    (!value.is_empty() && value.chars().count() <= MAX_TEXT && !value.chars().any(char::is_control))
        .then(|| value.to_owned())
}

/// Reads the link's parameters against the survey: choices must be the survey's ids. Unknown
/// parameters and values are listed in `ignored`; `survey` selects the survey and is skipped.
pub fn prefill<'a>(
    survey: &Survey,
    params: impl IntoIterator<Item = (&'a str, &'a str)>,
) -> Prefill {
    let profile = &survey.profile;
    let mut out = Prefill::default();
    for (name, value) in params {
        let answer = &mut out.profile;
        let accepted = match name {
            "survey" => continue,
            "partner" => text(value).map(|v| answer.partner_name = v),
            "wave" => text(value).map(|v| answer.wave = v),
            "region" => choice(&profile.region.choices, value).map(|v| answer.region = Some(v)),
            "tier" => {
                choice(&profile.program_tier.choices, value).map(|v| answer.program_tier = Some(v))
            }
            "type" => survey
                .function_of(value)
                .map(|_| answer.partner_type = Some(value.to_owned())),
            "side" => Side::from_id(value).map(|side| answer.side = Some(side)),
            _ => None,
        };
        if accepted.is_none() {
            out.ignored.push(format!("{name}={value}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::default_survey;

    #[test]
    fn a_vendor_link_prefills_every_field_it_names() {
        let link = [
            ("survey", "surveys/partner-experience.json"),
            ("partner", " Acme "),
            ("region", "emea"),
            ("type", "solution-reseller"),
            ("tier", "gold"),
            ("side", "partner"),
            ("wave", "2026"),
        ];
        let got = prefill(&default_survey(), link);
        assert_eq!(
            got.profile,
            ProfileAnswers {
                partner_name: "Acme".into(),
                partner_type: Some("solution-reseller".into()),
                region: Some("emea".into()),
                program_tier: Some("gold".into()),
                side: Some(Side::Partner),
                wave: "2026".into(),
                ..ProfileAnswers::default()
            }
        );
        assert!(got.ignored.is_empty());
    }

    #[test]
    fn unknown_values_and_parameters_are_ignored_and_named() {
        let long = "x".repeat(MAX_TEXT + 1);
        let link = [
            ("region", "mars"),
            ("tier", "gold"),
            ("type", "emea"),
            ("side", "both"),
            ("colour", "blue"),
            ("partner", long.as_str()),
        ];
        let got = prefill(&default_survey(), link);
        assert_eq!(got.profile.program_tier.as_deref(), Some("gold"));
        assert_eq!(got.profile.region, None);
        assert_eq!(
            got.ignored,
            [
                "region=mars".to_owned(),
                "type=emea".into(),
                "side=both".into(),
                "colour=blue".into(),
                format!("partner={long}"),
            ]
        );
        assert_eq!(
            prefill(&default_survey(), [("survey", "x.json")]),
            Prefill::default()
        );
    }
}
