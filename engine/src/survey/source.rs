//! Which survey file the app loads: the default, or a vendor's own via `?survey=`.

/// Where the default survey is served, relative to the app.
pub const DEFAULT_SURVEY_PATH: &str = "surveys/partner-experience.json";

/// A `?survey=` value that is not a relative address on the app's own site, cut to a
/// message's length.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NotRelative(pub String);

impl std::fmt::Display for NotRelative {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "the survey address \"{}\" is not a relative address on this site. \
             Put the survey file next to the app and link it as ?survey=surveys/your-survey.json",
            self.0
        )
    }
}

/// Checks a `?survey=` value. Only relative URLs on the app's own origin are accepted, so a
/// link cannot make the app load (and show as trusted) a survey from someone else's site.
pub fn survey_path(param: Option<&str>) -> Result<String, NotRelative> {
    let Some(path) = param.map(str::trim).filter(|p| !p.is_empty()) else {
        return Ok(DEFAULT_SURVEY_PATH.to_owned());
    };
    let has_scheme = path
        .split_once(':')
        .is_some_and(|(scheme, _)| !scheme.contains('/'));
    let refused = has_scheme
        || path.starts_with("//")
        || path.contains('\\')
        || path.chars().any(|c| c.is_control() || c.is_whitespace());
    if refused {
        Err(NotRelative(crate::survey::load::clip(path).into_owned()))
    } else {
        Ok(path.to_owned())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_parameter_means_the_default_survey() {
        assert_eq!(survey_path(None).as_deref(), Ok(DEFAULT_SURVEY_PATH));
        assert_eq!(survey_path(Some("  ")).as_deref(), Ok(DEFAULT_SURVEY_PATH));
    }

    #[test]
    fn relative_paths_on_this_site_are_accepted() {
        for ok in [
            "surveys/extended-example.json",
            "./acme.json",
            "../shared/acme.json",
            "/assess/surveys/acme.json",
            "acme.json?v=2",
        ] {
            assert_eq!(survey_path(Some(ok)).as_deref(), Ok(ok), "{ok}");
        }
    }

    #[test]
    fn a_refusal_quotes_a_long_address_cut_short() {
        let long = format!("https://{}", "x".repeat(100_000));
        let message = survey_path(Some(&long)).unwrap_err().to_string();
        assert!(message.len() < 300, "{} bytes", message.len());
        assert!(message.contains("\"https://xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…\""));
    }

    #[test]
    fn other_origins_and_schemes_are_refused() {
        for bad in [
            "https://evil.example/s.json",
            "//evil.example/s.json",
            "javascript:alert(1)",
            "data:application/json,{}",
            "/\\evil.example/s.json",
            "surveys/a b.json",
            "HTTP://EVIL.EXAMPLE/x.json",
        ] {
            assert!(survey_path(Some(bad)).is_err(), "{bad}");
        }
    }
}
