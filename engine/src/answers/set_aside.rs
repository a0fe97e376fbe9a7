//! Stored entries that this version cannot read, kept apart so that autosave never writes
//! over them (docs/storage-format.md). A damaged entry is copied under a set-aside key and
//! listed until the user restores, downloads or discards it; an entry saved by a newer
//! version stays where it is, untouched. Copies are bounded, so that they never fill the
//! browser's quota.

use crate::answers::assessment::Millis;

/// Set-aside keys: `partnerlens.quarantine.<millis>.<the entry's own key>`.
pub const SET_ASIDE_PREFIX: &str = "partnerlens.quarantine.";
/// Copies kept of one entry: a damaged entry that keeps coming back (an old tab, a broken
/// extension) keeps its latest copies only.
pub const MAX_COPIES: usize = 3;

/// The set-aside key of an entry stored under `key`, set aside at `now`.
pub fn set_aside_key(key: &str, now: Millis) -> String {
    format!("{SET_ASIDE_PREFIX}{now}.{key}")
}

/// When a set-aside copy was made and the key of the entry it copies.
pub fn parse_set_aside_key(set_aside: &str) -> Option<(Millis, &str)> {
    let (at, key) = set_aside.strip_prefix(SET_ASIDE_PREFIX)?.split_once('.')?;
    Some((at.parse().ok()?, key))
}

/// What setting an entry aside writes and removes.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SetAsidePlan {
    /// The key to copy the entry to; None when an identical copy is kept already.
    pub write: Option<String>,
    /// Older copies of the same entry beyond `MAX_COPIES`, oldest first.
    pub remove: Vec<String>,
}

/// Plans setting aside `raw`, stored under `key`, given the set-aside copies there are
/// (key, text). The same text is never copied twice, and at most `MAX_COPIES` copies of
/// one entry are kept, the latest.
pub fn plan_set_aside(
    existing: &[(String, String)],
    key: &str,
    raw: &str,
    now: Millis,
) -> SetAsidePlan {
    let mut copies: Vec<(Millis, &str, &str)> = existing
        .iter()
        .filter_map(|(set_aside, text)| {
            let (at, of) = parse_set_aside_key(set_aside)?;
            (of == key).then_some((at, set_aside.as_str(), text.as_str()))
        })
        .collect();
    if copies.iter().any(|(_, _, text)| *text == raw) {
        return SetAsidePlan::default();
    }
    // The oldest go, one at a time: there is rarely more than one, and no sort is needed.
    let mut remove = Vec::new();
    while copies.len() + 1 > MAX_COPIES {
        let Some(oldest) = (0..copies.len()).min_by_key(|&i| (copies[i].0, copies[i].1)) else {
            break;
        };
        remove.push(copies.swap_remove(oldest).1.to_owned());
    }
    SetAsidePlan {
        write: Some(set_aside_key(key, now)),
        remove,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn copy(at: Millis, key: &str, text: &str) -> (String, String) {
        (set_aside_key(key, at), text.to_owned())
    }

    #[test]
    fn keys_name_the_time_and_the_entry() {
        let key = set_aside_key("partnerlens.assessment.a1", 42);
        assert_eq!(key, "partnerlens.quarantine.42.partnerlens.assessment.a1");
        assert_eq!(
            parse_set_aside_key(&key),
            Some((42, "partnerlens.assessment.a1"))
        );
        assert_eq!(parse_set_aside_key("partnerlens.quarantine.x.y"), None);
        assert_eq!(parse_set_aside_key("partnerlens.assessment.a1"), None);
    }

    #[test]
    fn the_same_text_is_set_aside_once() {
        let existing = [copy(10, "k", "{broken")];
        assert_eq!(
            plan_set_aside(&existing, "k", "{broken", 20),
            SetAsidePlan::default()
        );
        // Another entry with the same text is its own copy.
        assert_eq!(
            plan_set_aside(&existing, "j", "{broken", 20).write,
            Some(set_aside_key("j", 20))
        );
    }

    #[test]
    fn at_most_three_copies_of_an_entry_are_kept_the_latest() {
        let existing = [
            copy(30, "k", "c"),
            copy(10, "k", "a"),
            copy(20, "k", "b"),
            copy(5, "other", "z"),
        ];
        let plan = plan_set_aside(&existing, "k", "d", 40);
        assert_eq!(plan.write, Some(set_aside_key("k", 40)));
        // Three kept: 20, 30 and the new 40; the copy made at 10 goes.
        assert_eq!(plan.remove, [set_aside_key("k", 10)]);
        let plan = plan_set_aside(&existing[..2], "k", "d", 40);
        assert!(plan.remove.is_empty());
    }
}
