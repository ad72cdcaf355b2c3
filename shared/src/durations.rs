//! How long things last, once: the server enforces these and pages and emails say them in words
//! made from the same values, so the two can never disagree.

/// A length of time in whole seconds, said in words for people.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Lifetime(i64);

const MINUTE: i64 = 60;
const HOUR: i64 = 60 * MINUTE;
const DAY: i64 = 24 * HOUR;

impl Lifetime {
    pub const fn days(n: i64) -> Self {
        Self(n * DAY)
    }
    pub const fn hours(n: i64) -> Self {
        Self(n * HOUR)
    }
    pub const fn minutes(n: i64) -> Self {
        Self(n * MINUTE)
    }
    pub const fn as_secs(self) -> i64 {
        self.0
    }

    /// "2 years", "30 days", "1 hour", "15 minutes": the largest whole unit (a year: 365 days).
    pub fn words(self) -> String {
        let (n, unit) = self.largest_unit();
        let unit = match unit {
            Unit::Year => "year",
            Unit::Day => "day",
            Unit::Hour => "hour",
            Unit::Minute => "minute",
            Unit::Second => "second",
        };
        count(n, unit, &format!("{unit}s"))
    }

    /// The same in `locale`. Welsh keeps the noun singular after a number ("30 diwrnod",
    /// "2 awr", "15 munud"); years are "1 flwyddyn", "3 o flynyddoedd".
    pub fn words_in(self, locale: crate::Locale) -> String {
        match locale {
            crate::Locale::English => self.words(),
            crate::Locale::Welsh => {
                let (n, unit) = self.largest_unit();
                match unit {
                    Unit::Year => welsh_years(n),
                    Unit::Day => format!("{n} diwrnod"),
                    Unit::Hour => format!("{n} awr"),
                    Unit::Minute => format!("{n} munud"),
                    Unit::Second => format!("{n} eiliad"),
                }
            }
        }
    }

    fn largest_unit(self) -> (i64, Unit) {
        if self.0 % (365 * DAY) == 0 && self.0 > 0 {
            (self.0 / (365 * DAY), Unit::Year)
        } else if self.0 % DAY == 0 && self.0 >= DAY {
            (self.0 / DAY, Unit::Day)
        } else if self.0 % HOUR == 0 && self.0 >= HOUR {
            (self.0 / HOUR, Unit::Hour)
        } else if self.0 % MINUTE == 0 && self.0 >= MINUTE {
            (self.0 / MINUTE, Unit::Minute)
        } else {
            (self.0, Unit::Second)
        }
    }
}

enum Unit {
    Year,
    Day,
    Hour,
    Minute,
    Second,
}

fn welsh_years(n: i64) -> String {
    if n == 1 { "1 flwyddyn".to_owned() } else { format!("{n} o flynyddoedd") }
}

impl std::fmt::Display for Lifetime {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.words())
    }
}

/// "1 referral", "3 referrals": a number with its noun in the right form.
pub fn count(n: i64, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// A referral draft is kept this long after it was last saved.
pub const DRAFT: Lifetime = Lifetime::days(30);
/// The other party's invitation stays open this long after it was made or last saved.
pub const INVITATION: Lifetime = Lifetime::days(30);
/// An emailed invitation to a staff account works this long.
pub const STAFF_INVITATION_LINK: Lifetime = Lifetime::days(7);
/// An emailed password-reset link works this long.
pub const PASSWORD_RESET_LINK: Lifetime = Lifetime::hours(1);
/// Too many wrong guesses (passwords, authenticator codes, referral codes) lock for this long.
pub const GUESS_LOCK: Lifetime = Lifetime::minutes(15);
/// A browser's open referral (draft, sent referral, invitation) is forgotten by that browser
/// after this long without a request; the draft itself stays for [`DRAFT`].
pub const PUBLIC_SESSION_IDLE: Lifetime = Lifetime::hours(2);
/// A signed-in session ends after this long without the person doing anything.
pub const IDLE_SIGN_OUT: Lifetime = Lifetime::minutes(30);
/// A signed-in session ends this long after signing in, however busy.
pub const LONGEST_SESSION: Lifetime = Lifetime::hours(12);
/// A quarterly statistics return is due this long after its quarter ends (NACCC may configure it).
pub const RETURN_DUE: Lifetime = Lifetime::days(28);
/// A return still missing this long after it was due makes the centre lapsed.
pub const RETURN_GRACE: Lifetime = Lifetime::days(28);

/// A span of calendar months ("6 months", "3 years"), for clocks that run by the calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Months(pub u16);

impl Months {
    /// "6 months", "1 year", "3 years", "18 months".
    pub fn words(self) -> String {
        let n = i64::from(self.0);
        if n >= 12 && n % 12 == 0 { count(n / 12, "year", "years") } else { count(n, "month", "months") }
    }
}

impl Months {
    /// The same in `locale`: "6 mis", "1 flwyddyn", "3 o flynyddoedd", "18 mis".
    pub fn words_in(self, locale: crate::Locale) -> String {
        let n = i64::from(self.0);
        match locale {
            crate::Locale::English => self.words(),
            crate::Locale::Welsh if n >= 12 && n % 12 == 0 => welsh_years(n / 12),
            crate::Locale::Welsh => format!("{n} mis"),
        }
    }
}

impl std::fmt::Display for Months {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.words())
    }
}

/// NACCC confirms a candidate's application within this long of receiving it.
pub const CANDIDATE_CONFIRMATION: Lifetime = Lifetime::days(14);
/// A confirmed candidate completes accreditation within this long.
pub const CANDIDATE_COMPLETION: Months = Months(6);
/// A candidate is reminded this long before its completion deadline.
pub const CANDIDATE_REMINDER: Months = Months(1);
/// Accreditation lasts this long before it must be renewed, unless NACCC sets another cycle.
pub const RENEWAL_CYCLE: Months = Months(36);
/// A centre is reminded of its renewal this long before it falls due, and again this long.
pub const RENEWAL_REMINDERS: [Months; 2] = [Months(12), Months(3)];
/// A centre is reminded of an action-plan item this long before it is due.
pub const ACTION_ITEM_REMINDER: Lifetime = Lifetime::days(14);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_are_said_in_years_when_whole() {
        assert_eq!(CANDIDATE_COMPLETION.words(), "6 months");
        assert_eq!(RENEWAL_CYCLE.words(), "3 years");
        assert_eq!(Months(12).words(), "1 year");
        assert_eq!(Months(18).words(), "18 months");
        assert_eq!(Months(1).words(), "1 month");
    }

    #[test]
    fn lifetimes_are_said_in_their_largest_whole_unit() {
        assert_eq!(DRAFT.words(), "30 days");
        assert_eq!(PASSWORD_RESET_LINK.words(), "1 hour");
        assert_eq!(GUESS_LOCK.words(), "15 minutes");
        assert_eq!(Lifetime::days(730).words(), "2 years");
        assert_eq!(Lifetime::days(366).words(), "366 days");
        assert_eq!(Lifetime::minutes(90).words(), "90 minutes");
        assert_eq!(Lifetime(1).words(), "1 second");
        assert_eq!(DRAFT.as_secs(), 30 * 24 * 60 * 60);
    }

    #[test]
    fn lifetimes_and_months_in_welsh_keep_the_noun_singular_after_a_number() {
        use crate::Locale::{English, Welsh};
        assert_eq!(DRAFT.words_in(Welsh), "30 diwrnod");
        assert_eq!(PUBLIC_SESSION_IDLE.words_in(Welsh), "2 awr");
        assert_eq!(GUESS_LOCK.words_in(Welsh), "15 munud");
        assert_eq!(Lifetime(30).words_in(Welsh), "30 eiliad");
        assert_eq!(Lifetime::days(365).words_in(Welsh), "1 flwyddyn");
        assert_eq!(Lifetime::days(730).words_in(Welsh), "2 o flynyddoedd");
        assert_eq!(CANDIDATE_COMPLETION.words_in(Welsh), "6 mis");
        assert_eq!(RENEWAL_CYCLE.words_in(Welsh), "3 o flynyddoedd");
        assert_eq!(Months(12).words_in(Welsh), "1 flwyddyn");
        assert_eq!(DRAFT.words_in(English), DRAFT.words());
        assert_eq!(Months(18).words_in(English), "18 months");
    }

    #[test]
    fn counts_agree_with_their_number() {
        assert_eq!(count(1, "session", "sessions"), "1 session");
        assert_eq!(count(0, "session", "sessions"), "0 sessions");
        assert_eq!(count(2, "referral", "referrals"), "2 referrals");
    }
}
