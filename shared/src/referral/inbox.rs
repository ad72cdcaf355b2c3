//! A centre's referral inbox: what each row shows, the filters as typed into `/centre/referrals`,
//! the flags (no first response within 5 working days; a review due), counts per stage, and one
//! page of rows, newest first. The server loads the centre's rows (and only its own); these rules
//! choose and order them, the same in the browser and on the server.

use super::case::Stage;
use super::practical::ContactService;
use super::screening::Light;
use crate::IsoDate;
use serde::{Deserialize, Serialize};
use time::{Date, Weekday};

/// Rows on one page of the inbox.
pub const PAGE_SIZE: usize = 25;
/// A first response is due within this many working days of a referral arriving.
pub const FIRST_RESPONSE_WORKING_DAYS: i64 = 5;

/// One referral as the inbox lists it: no personal details, only what sorts and flags.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InboxRow {
    pub reference: String,
    pub submitted_at: i64,
    pub submitted_on: IsoDate,
    pub stage: Stage,
    pub light: Light,
    pub service: ContactService,
    pub assigned_to: Option<i64>,
    pub responded: bool,
    pub review_due: Option<IsoDate>,
    /// The other parent's part has arrived.
    pub other_part: bool,
}

/// Why a row needs attention.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Flag {
    /// No first response within 5 working days.
    FirstResponseOverdue,
    /// The 3- or 6-month review is due.
    ReviewDue,
}

/// Monday to Friday days after `from`, up to and including `to` (bank holidays are not known).
pub fn working_days_between(from: Date, to: Date) -> i64 {
    let mut days = 0;
    let mut day = from;
    while day < to {
        day = day.next_day().unwrap_or(to);
        if !matches!(day.weekday(), Weekday::Saturday | Weekday::Sunday) {
            days += 1;
        }
    }
    days
}

impl InboxRow {
    pub fn flags(&self, today: Date) -> Vec<Flag> {
        let mut flags = Vec::new();
        let waiting = matches!(self.stage, Stage::Submitted | Stage::AwaitingOtherParty);
        if waiting
            && !self.responded
            && working_days_between(self.submitted_on.date(), today) > FIRST_RESPONSE_WORKING_DAYS
        {
            flags.push(Flag::FirstResponseOverdue);
        }
        if self.stage == Stage::Active && self.review_due.is_some_and(|due| due.date() <= today) {
            flags.push(Flag::ReviewDue);
        }
        flags
    }
}

/// How old a referral is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Age {
    /// Arrived in the last 7 days.
    ThisWeek,
    /// Arrived in the last 30 days.
    ThisMonth,
    /// More than 30 days ago.
    Older,
    /// Flagged: a first response or a review is overdue.
    NeedsAttention,
}

impl Age {
    pub const ALL: [Self; 4] = [Self::ThisWeek, Self::ThisMonth, Self::Older, Self::NeedsAttention];

    pub fn code(self) -> &'static str {
        match self {
            Self::ThisWeek => "week",
            Self::ThisMonth => "month",
            Self::Older => "older",
            Self::NeedsAttention => "attention",
        }
    }
}

/// Whose referrals.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Assigned {
    Nobody,
    User(i64),
}

/// The inbox's filters as typed (query-string values; empty means any).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct InboxQuery {
    pub stage: String,
    pub age: String,
    pub assigned: String,
    pub q: String,
    pub page: String,
}

/// The filters once read. Anything unreadable is simply not a filter (the page shows all).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct InboxFilter {
    pub stage: Option<Stage>,
    /// "open" shows every stage still with the centre.
    pub open_only: bool,
    pub age: Option<Age>,
    pub assigned: Option<Assigned>,
    /// Upper-case letters and digits of a reference, or the start of one.
    pub reference: Option<String>,
    /// From 1.
    pub page: usize,
}

impl InboxQuery {
    pub fn parse(&self) -> InboxFilter {
        let reference: String =
            self.q.chars().filter(|c| c.is_ascii_alphanumeric()).map(|c| c.to_ascii_uppercase()).take(16).collect();
        InboxFilter {
            stage: Stage::from_code(&self.stage),
            open_only: self.stage.trim() == "open",
            age: Age::ALL.into_iter().find(|a| a.code() == self.age.trim()),
            assigned: match self.assigned.trim() {
                "nobody" => Some(Assigned::Nobody),
                id => id.parse().ok().map(Assigned::User),
            },
            reference: (!reference.is_empty()).then_some(reference),
            page: self.page.trim().parse().ok().filter(|p| *p >= 1).unwrap_or(1),
        }
    }
}

/// A page of the inbox, with the counts per stage of all the centre's referrals.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InboxPage {
    pub rows: Vec<InboxRow>,
    pub matching: usize,
    pub page: usize,
    pub pages: usize,
    pub counts: Vec<(Stage, usize)>,
}

impl InboxFilter {
    fn keeps(&self, row: &InboxRow, now: i64, today: Date) -> bool {
        let days_old = (now - row.submitted_at) / 86_400;
        self.stage.is_none_or(|s| row.stage == s)
            && (!self.open_only || row.stage.is_open())
            && match self.age {
                None => true,
                Some(Age::ThisWeek) => days_old < 7,
                Some(Age::ThisMonth) => days_old < 30,
                Some(Age::Older) => days_old >= 30,
                Some(Age::NeedsAttention) => !row.flags(today).is_empty(),
            }
            && match self.assigned {
                None => true,
                Some(Assigned::Nobody) => row.assigned_to.is_none(),
                Some(Assigned::User(id)) => row.assigned_to == Some(id),
            }
            && self.reference.as_ref().is_none_or(|r| {
                let plain: String = row.reference.chars().filter(|c| c.is_ascii_alphanumeric()).collect();
                plain.starts_with(r.as_str()) || plain.get(2..).is_some_and(|p| p.starts_with(r.as_str()))
            })
    }

    /// The page of `rows` this filter shows, newest first; `now` is Unix seconds, `today` its date.
    pub fn select(&self, mut rows: Vec<InboxRow>, now: i64, today: Date) -> InboxPage {
        let counts = Stage::ALL
            .into_iter()
            .map(|s| (s, rows.iter().filter(|r| r.stage == s).count()))
            .filter(|(_, n)| *n > 0)
            .collect();
        rows.retain(|r| self.keeps(r, now, today));
        rows.sort_by(|a, b| b.submitted_at.cmp(&a.submitted_at).then_with(|| a.reference.cmp(&b.reference)));
        let matching = rows.len();
        let pages = matching.div_ceil(PAGE_SIZE).max(1);
        let page = self.page.min(pages);
        let rows = rows.into_iter().skip((page - 1) * PAGE_SIZE).take(PAGE_SIZE).collect();
        InboxPage { rows, matching, page, pages, counts }
    }
}

#[cfg(test)]
#[path = "inbox_tests.rs"]
mod tests;
