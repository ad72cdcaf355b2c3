//! The date in the United Kingdom, the one calendar the service's dates are in (today's date
//! for dates of birth and bookings, the day a referral arrived). GMT in winter; British Summer
//! Time (GMT+1) from 01:00 GMT on the last Sunday of March to 01:00 GMT on the last Sunday of
//! October (the Summer Time Order 2002). One fixed rule for one zone: a time-zone database
//! crate would bring every other zone for it.

use time::{Date, Duration, Month, OffsetDateTime, Weekday};

/// The UK's date at `unix` seconds.
pub fn uk_date(unix: i64) -> Date {
    let Ok(utc) = OffsetDateTime::from_unix_timestamp(unix) else { return Date::MIN };
    if in_summer_time(utc) { (utc + Duration::HOUR).date() } else { utc.date() }
}

/// The first second (Unix) of the UK's day `date`: midnight GMT in winter, 23:00 GMT the day
/// before in summer (no day begins at a change, which is at 01:00 GMT).
pub fn uk_day_start(date: Date) -> i64 {
    let midnight = date.midnight().assume_utc().unix_timestamp();
    if uk_date(midnight - 3_600) == date { midnight - 3_600 } else { midnight }
}

/// The UK's date and time of day at `unix` seconds, as people read them: "6 December 2026 at
/// 10:42".
pub fn uk_date_time_words(unix: i64) -> String {
    let Ok(utc) = OffsetDateTime::from_unix_timestamp(unix) else { return String::new() };
    let local = if in_summer_time(utc) { utc + Duration::HOUR } else { utc };
    format!("{} {} {} at {:02}:{:02}", local.day(), local.month(), local.year(), local.hour(), local.minute())
}

/// Whether the UK keeps British Summer Time at `utc`.
fn in_summer_time(utc: OffsetDateTime) -> bool {
    let year = utc.year();
    let (Some(starts), Some(ends)) = (last_sunday(year, Month::March), last_sunday(year, Month::October)) else {
        return false;
    };
    // Both changes happen at 01:00 GMT.
    let at_one = |day: Date| day.midnight().assume_utc() + Duration::HOUR;
    utc >= at_one(starts) && utc < at_one(ends)
}

fn last_sunday(year: i32, month: Month) -> Option<Date> {
    let last = Date::from_calendar_date(year, month, time::util::days_in_month(month, year)).ok()?;
    let back = i64::from(last.weekday().number_days_from_sunday());
    last.checked_sub(Duration::days(back)).filter(|d| d.weekday() == Weekday::Sunday)
}

#[cfg(test)]
mod tests {
    use super::{uk_date, uk_date_time_words, uk_day_start};
    use time::macros::datetime;

    fn at(t: time::OffsetDateTime) -> String {
        uk_date(t.unix_timestamp()).to_string()
    }

    #[test]
    fn in_summer_the_uk_day_starts_an_hour_before_midnight_gmt() {
        assert_eq!(at(datetime!(2026-06-01 23:30 UTC)), "2026-06-02");
        assert_eq!(at(datetime!(2026-06-01 22:59 UTC)), "2026-06-01");
    }

    #[test]
    fn a_uk_day_starts_at_its_first_second_in_summer_and_in_winter() {
        for day in [
            time::macros::date!(2026 - 07 - 01),
            time::macros::date!(2026 - 01 - 01),
            time::macros::date!(2026 - 10 - 25),
        ] {
            let start = uk_day_start(day);
            assert_eq!((uk_date(start), uk_date(start - 1)), (day, day.previous_day().unwrap()), "{day}");
        }
        assert_eq!(uk_day_start(time::macros::date!(2026 - 07 - 01)), datetime!(2026-06-30 23:00 UTC).unix_timestamp());
    }

    #[test]
    fn in_winter_the_uk_day_is_the_gmt_day() {
        assert_eq!(at(datetime!(2026-12-01 23:30 UTC)), "2026-12-01");
        assert_eq!(at(datetime!(2027-01-01 00:00 UTC)), "2027-01-01");
    }

    #[test]
    fn summer_time_begins_and_ends_at_one_gmt_on_the_last_sundays() {
        // 2026: 29 March and 25 October.
        assert_eq!(at(datetime!(2026-03-28 23:30 UTC)), "2026-03-28", "still GMT");
        assert_eq!(at(datetime!(2026-03-29 23:30 UTC)), "2026-03-30", "BST from 01:00 GMT on the 29th");
        assert_eq!(at(datetime!(2026-10-24 23:30 UTC)), "2026-10-25", "still BST");
        assert_eq!(at(datetime!(2026-10-25 23:30 UTC)), "2026-10-25", "GMT again from 01:00 GMT on the 25th");
        // 2027: 28 March and 31 October.
        assert_eq!(at(datetime!(2027-03-28 00:59 UTC)), "2027-03-28");
        assert_eq!(at(datetime!(2027-10-30 23:00 UTC)), "2027-10-31");
    }

    #[test]
    fn date_and_time_in_words_follow_summer_time() {
        assert_eq!(uk_date_time_words(datetime!(2026-12-06 10:42 UTC).unix_timestamp()), "6 December 2026 at 10:42");
        assert_eq!(uk_date_time_words(datetime!(2026-07-01 23:30 UTC).unix_timestamp()), "2 July 2026 at 00:30");
    }
}
