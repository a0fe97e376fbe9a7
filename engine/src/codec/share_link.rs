//! The share link's payload (`#r=<payload>`): one respondent's answers, small enough for a
//! URL. The answers are JSON (ids included, so a link still opens after the survey changes),
//! deflated, prefixed with a format byte and a checksum, and written in base64url.
//! The fragment never reaches a server, so nothing but the link's holder sees the answers.

use crate::answers::response::Response;
use crate::survey::definition::Survey;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;

/// The payload format this app writes and reads.
pub const SHARE_VERSION: u8 = 1;
/// Longer payloads are refused before decoding: no real set of answers comes near it.
pub const MAX_PAYLOAD_CHARS: usize = 64 * 1024;
/// A payload never inflates beyond this, whatever its compressed size: a bomb stops here.
pub const MAX_INFLATED_BYTES: usize = 1024 * 1024;
/// Format byte and checksum.
const HEADER: usize = 5;

/// Why a share link could not be opened. The app words each for the person who opened it,
/// in their language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ShareProblem {
    Empty,
    TooLong(usize),
    NotBase64,
    Truncated,
    NewerFormat(u8),
    Checksum,
    Corrupt,
    TooLarge,
    NotAnswers(String),
}

/// What a share link may carry beyond the profile and the answers to the survey's
/// questions; each only when the user asks for it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Extras {
    /// The revenue figures, which a partner may not want to pass on with the results.
    pub revenue: bool,
    /// Answers to questions the survey no longer has, which nobody who opens it sees scored.
    pub dropped_questions: bool,
}

/// The answers a share link carries: `response` less the extras not asked for.
pub fn shared(response: &Response, survey: &Survey, extras: Extras) -> Response {
    let mut shared = if extras.dropped_questions {
        response.clone()
    } else {
        response.known_only(survey)
    };
    if !extras.revenue {
        shared.profile.revenue_current = None;
        shared.profile.revenue_potential = None;
    }
    shared
}

/// FNV-1a over the compressed bytes: catches a changed or truncated link before inflating.
fn checksum(bytes: &[u8]) -> [u8; 4] {
    let hash = bytes.iter().fold(0x811c_9dc5_u32, |hash, &byte| {
        (hash ^ u32::from(byte)).wrapping_mul(0x0100_0193)
    });
    hash.to_be_bytes()
}

/// The payload for `#r=`. The response should carry its survey's id and structure hash.
pub fn encode(response: &Response) -> String {
    let json = serde_json::to_vec(response).unwrap_or_default();
    let deflated = miniz_oxide::deflate::compress_to_vec(&json, 10);
    let mut bytes = Vec::with_capacity(HEADER + deflated.len());
    bytes.push(SHARE_VERSION);
    bytes.extend_from_slice(&checksum(&deflated));
    bytes.extend_from_slice(&deflated);
    URL_SAFE_NO_PAD.encode(bytes)
}

/// The answers in a payload, or why there are none.
pub fn decode(payload: &str) -> Result<Response, ShareProblem> {
    let payload = payload.trim();
    if payload.is_empty() {
        return Err(ShareProblem::Empty);
    }
    if payload.len() > MAX_PAYLOAD_CHARS {
        return Err(ShareProblem::TooLong(payload.len()));
    }
    // A character outside the alphabet means the link was changed; a length or a last
    // character that cannot end base64 means it was cut.
    let bytes = URL_SAFE_NO_PAD
        .decode(payload)
        .map_err(|error| match error {
            base64::DecodeError::InvalidLength(_) | base64::DecodeError::InvalidLastSymbol(..) => {
                ShareProblem::Truncated
            }
            _ => ShareProblem::NotBase64,
        })?;
    if bytes.len() <= HEADER {
        return Err(ShareProblem::Truncated);
    }
    let (header, deflated) = bytes.split_at(HEADER);
    if header[0] != SHARE_VERSION {
        return Err(if header[0] > SHARE_VERSION {
            ShareProblem::NewerFormat(header[0])
        } else {
            ShareProblem::Corrupt
        });
    }
    if header[1..] != checksum(deflated) {
        return Err(ShareProblem::Checksum);
    }
    let json = miniz_oxide::inflate::decompress_to_vec_with_limit(deflated, MAX_INFLATED_BYTES)
        .map_err(|error| match error.status {
            miniz_oxide::inflate::TINFLStatus::HasMoreOutput => ShareProblem::TooLarge,
            _ => ShareProblem::Corrupt,
        })?;
    // Read as text, like stored answers: one reader of `Response` in the wasm, not two.
    let json = std::str::from_utf8(&json).map_err(|e| ShareProblem::NotAnswers(e.to_string()))?;
    serde_json::from_str(json).map_err(|e| ShareProblem::NotAnswers(e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answers::response::Dimension;

    fn answers() -> Response {
        let mut response = Response {
            id: "a1".into(),
            survey_id: "partner-experience".into(),
            structure_hash: "abc".into(),
            ..Response::default()
        };
        response.profile.partner_name = "Acme <b>Integration</b>".into();
        response.rate("leads", Dimension::Importance, Some(5));
        response.rate("leads", Dimension::Performance, Some(2));
        response
    }

    #[test]
    fn answers_survive_the_round_trip() {
        assert_eq!(decode(&encode(&answers())), Ok(answers()));
    }

    #[test]
    fn a_link_carries_revenue_and_dropped_questions_only_when_asked() {
        let survey = crate::default_survey();
        let mut response = answers();
        response.profile.revenue_current = Some(250_000.0);
        response.profile.revenue_potential = Some(900_000.0);
        response.rate("webinars", Dimension::Importance, Some(4));
        response.items.insert("old-item".into(), 3);
        let plain = shared(&response, &survey, Extras::default());
        assert_eq!(plain.profile.revenue_current, None);
        assert_eq!(plain.profile.revenue_potential, None);
        assert_eq!(plain.ratings.keys().collect::<Vec<_>>(), ["leads"]);
        assert!(plain.items.is_empty());
        assert_eq!(plain.profile.partner_name, response.profile.partner_name);
        let everything = Extras {
            revenue: true,
            dropped_questions: true,
        };
        assert_eq!(shared(&response, &survey, everything), response);
        let decoded = decode(&encode(&plain)).unwrap();
        assert!(!decoded.ratings.contains_key("webinars"));
        assert_eq!(decoded.profile.revenue_current, None);
    }

    #[test]
    fn the_payload_is_url_safe() {
        let payload = encode(&answers());
        assert!(payload
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_'));
    }

    #[test]
    fn each_kind_of_damage_has_its_own_message() {
        let payload = encode(&answers());
        assert_eq!(decode(""), Err(ShareProblem::Empty));
        assert_eq!(decode("not base64!"), Err(ShareProblem::NotBase64));
        assert_eq!(decode("AQID"), Err(ShareProblem::Truncated));
        // Five characters cannot end base64: a link cut in the middle of a group.
        assert_eq!(decode("AQIDB"), Err(ShareProblem::Truncated));
        assert_eq!(
            decode(&"A".repeat(MAX_PAYLOAD_CHARS + 1)),
            Err(ShareProblem::TooLong(MAX_PAYLOAD_CHARS + 1))
        );
        // Cut short: the checksum no longer matches what is left.
        assert_eq!(
            decode(&payload[..payload.len() - 4]),
            Err(ShareProblem::Checksum)
        );
        // One character changed in the compressed part.
        let mut bytes = URL_SAFE_NO_PAD.decode(&payload).unwrap();
        let last = bytes.len() - 1;
        bytes[last] ^= 0x10;
        assert_eq!(
            decode(&URL_SAFE_NO_PAD.encode(&bytes)),
            Err(ShareProblem::Checksum)
        );
        // A newer format byte.
        bytes = URL_SAFE_NO_PAD.decode(&payload).unwrap();
        bytes[0] = 2;
        assert_eq!(
            decode(&URL_SAFE_NO_PAD.encode(&bytes)),
            Err(ShareProblem::NewerFormat(2))
        );
    }

    /// A payload with a valid header around the given compressed bytes.
    fn wrap(deflated: &[u8]) -> String {
        let mut bytes = vec![SHARE_VERSION];
        bytes.extend_from_slice(&checksum(deflated));
        bytes.extend_from_slice(deflated);
        URL_SAFE_NO_PAD.encode(bytes)
    }

    #[test]
    fn a_decompression_bomb_stops_at_one_megabyte() {
        // 2 MB of spaces compress to about 2 KB.
        let bomb = miniz_oxide::deflate::compress_to_vec(&vec![b' '; 2 * 1024 * 1024], 10);
        assert!(bomb.len() < MAX_PAYLOAD_CHARS);
        assert_eq!(decode(&wrap(&bomb)), Err(ShareProblem::TooLarge));
    }

    #[test]
    fn intact_bytes_that_are_not_answers_are_named_as_such() {
        let survey_json = br#"{"format_version":"1.0","areas":[]}"#;
        let deflated = miniz_oxide::deflate::compress_to_vec(survey_json, 10);
        assert!(matches!(
            decode(&wrap(&deflated)),
            Err(ShareProblem::NotAnswers(_))
        ));
        assert_eq!(decode(&wrap(b"\xff\xfe\xfd")), Err(ShareProblem::Corrupt));
    }
}
