//! The share link: a fully answered default survey fits in a short link, any answers survive
//! the round trip, and no input, however damaged, makes the decoder panic.

use engine::codec::share_link::{decode, encode};
use engine::generate::generate;
use engine::{load_survey, Response};
use proptest::prelude::*;

fn default_survey() -> engine::Survey {
    load_survey(include_bytes!(
        "../../web/public/surveys/partner-experience.json"
    ))
    .unwrap()
}

/// How many questions of the default survey a response answers.
fn answered(response: &Response) -> usize {
    response.ratings.len()
        + response.items.len()
        + response.criteria.len()
        + response.maturity.len()
}

#[test]
fn a_fully_answered_default_survey_fits_a_link_under_2000_characters() {
    let survey = default_survey();
    // The generator answers every question shown to the respondent; take the fullest.
    let responses = generate(&survey, 200, 7);
    let fullest = responses.iter().max_by_key(|r| answered(r)).unwrap();
    assert!(
        answered(fullest) >= 28 + 20,
        "only {} answers",
        answered(fullest)
    );
    let link = format!("https://partners.example.com/assess/#r={}", encode(fullest));
    println!(
        "share link for {} answers: {} characters",
        answered(fullest),
        link.len()
    );
    assert!(link.len() < 2000, "{} characters", link.len());
    assert_eq!(decode(&encode(fullest)).as_ref(), Ok(fullest));
}

proptest! {
    #[test]
    fn generated_answers_survive_the_round_trip(seed in any::<u64>()) {
        let survey = default_survey();
        for response in generate(&survey, 3, seed) {
            prop_assert_eq!(decode(&encode(&response)), Ok(response));
        }
    }

    #[test]
    fn any_text_decodes_to_answers_or_a_message(text in ".{0,300}") {
        let _ = decode(&text);
    }

    #[test]
    fn damaged_links_never_panic(seed in any::<u64>(), cut in 0usize..2000, flip in 0usize..2000, bit in 0u8..8) {
        let survey = default_survey();
        let payload = encode(&generate(&survey, 1, seed)[0]);
        let mut bytes = payload.into_bytes();
        bytes.truncate(cut.max(1));
        let at = flip % bytes.len();
        bytes[at] ^= 1 << bit;
        let _ = decode(&String::from_utf8_lossy(&bytes));
    }
}
