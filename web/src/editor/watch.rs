//! Change notices by place. The form has about a thousand fields; if each followed the whole
//! draft, every keystroke would run them all again, and Leptos unsubscribes each from the
//! draft in time proportional to the draft's subscribers: 30 ms a keystroke, growing with
//! the square of the fields (docs/performance.md). A field follows its own place instead.

use leptos::prelude::*;
use std::collections::HashMap;
use std::hash::Hash;

/// One trigger per place that some view reads, made on its first read and kept: places are
/// positions in the survey, so there are no more of them than the largest survey opened.
pub struct Watchers<K: Send + Sync + 'static> {
    triggers: StoredValue<HashMap<K, ArcTrigger>>,
}

impl<K: Send + Sync + 'static> Clone for Watchers<K> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<K: Send + Sync + 'static> Copy for Watchers<K> {}

impl<K: Hash + Eq + Clone + Send + Sync + 'static> Watchers<K> {
    pub fn new() -> Self {
        Watchers {
            triggers: StoredValue::new(HashMap::new()),
        }
    }

    /// Makes the running view (or memo) run again when `place` is notified.
    pub fn track(self, place: &K) {
        let trigger = self.triggers.try_update_value(|triggers| {
            if let Some(trigger) = triggers.get(place) {
                return trigger.clone();
            }
            let trigger = ArcTrigger::new();
            triggers.insert(place.clone(), trigger.clone());
            trigger
        });
        if let Some(trigger) = trigger {
            trigger.track();
        }
    }

    /// Runs again the views of every place for which `touched` holds.
    pub fn notify(self, touched: impl Fn(&K) -> bool) {
        let hit: Vec<ArcTrigger> = self.triggers.with_value(|triggers| {
            triggers
                .iter()
                .filter(|(place, _)| touched(place))
                .map(|(_, trigger)| trigger.clone())
                .collect()
        });
        for trigger in hit {
            trigger.notify();
        }
    }
}
