//! A time of day as a language writes it, for "Saved at 8:40:55 PM". Written here rather than
//! with `Intl.DateTimeFormat`, whose first use in a page loads the locale's data: 33 ms on the
//! partner's first answer, unthrottled (docs/performance.md).

/// How a language counts the hours.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Clock {
    /// 1 to 12 with AM or PM ("8:40:55 PM", "12:05:00 AM" for five past midnight).
    TwelveHour,
    /// 0 to 23 ("20:40:55").
    TwentyFourHour,
}

impl Clock {
    /// The time `hour` (0-23), `minute`, `second` (0-59) with seconds, the hour unpadded.
    /// Values past their range wrap, so a bad clock reading never panics.
    pub fn time(self, hour: u32, minute: u32, second: u32) -> String {
        let (hour, minute, second) = (hour % 24, minute % 60, second % 60);
        match self {
            Clock::TwentyFourHour => format!("{hour}:{minute:02}:{second:02}"),
            Clock::TwelveHour => {
                let half = if hour < 12 { "AM" } else { "PM" };
                let shown = match hour % 12 {
                    0 => 12,
                    h => h,
                };
                format!("{shown}:{minute:02}:{second:02} {half}")
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Clock;

    #[test]
    fn twelve_hour_clock_names_midnight_and_noon_twelve() {
        assert_eq!(Clock::TwelveHour.time(0, 5, 3), "12:05:03 AM");
        assert_eq!(Clock::TwelveHour.time(8, 5, 3), "8:05:03 AM");
        assert_eq!(Clock::TwelveHour.time(12, 0, 0), "12:00:00 PM");
        assert_eq!(Clock::TwelveHour.time(20, 40, 55), "8:40:55 PM");
        assert_eq!(Clock::TwelveHour.time(23, 59, 59), "11:59:59 PM");
    }

    #[test]
    fn twenty_four_hour_clock_counts_from_zero() {
        assert_eq!(Clock::TwentyFourHour.time(0, 5, 3), "0:05:03");
        assert_eq!(Clock::TwentyFourHour.time(20, 40, 55), "20:40:55");
    }

    #[test]
    fn out_of_range_readings_wrap_instead_of_panicking() {
        assert_eq!(Clock::TwentyFourHour.time(24, 60, 61), "0:00:01");
        assert_eq!(
            Clock::TwelveHour.time(u32::MAX, u32::MAX, u32::MAX),
            "3:15:15 PM"
        );
    }
}
