//! What the centre workspace pages show, as it crosses the wire (decrypted answers only ever
//! reach the case page of the referral's own centre).

use serde::{Deserialize, Serialize};
use shared::IsoDate;
use shared::referral::case::CaseState;
use shared::referral::inbox::InboxPage;
use shared::referral::{ContactService, DraftAnswers, JoinAnswers, Light, Screening};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InboxView {
    pub centre: String,
    pub page: InboxPage,
    /// The centre's staff, for the "assigned to" filter and names: (id, name).
    pub staff: Vec<(i64, String)>,
    pub today: IsoDate,
    pub me: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HistoryEntry {
    pub at: String,
    pub who: String,
    pub action: String,
    pub from: Option<String>,
    pub to: String,
    pub detail: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NoteView {
    pub at: String,
    pub who: String,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CaseView {
    pub reference: String,
    pub centre: String,
    pub submitted_on: IsoDate,
    pub light: Light,
    pub service: ContactService,
    pub state: CaseState,
    pub answers: DraftAnswers,
    pub screening: Option<Screening>,
    pub other_part: Option<JoinAnswers>,
    pub history: Vec<HistoryEntry>,
    pub notes: Vec<NoteView>,
    pub assigned_to: Option<i64>,
    pub staff: Vec<(i64, String)>,
    pub today: IsoDate,
    /// The case's version as shown: an action posted from an older page is refused, so two
    /// coordinators (or a double-pressed button) cannot record the same change twice.
    pub version: i64,
    /// Carried by the note form, so a note sent twice is kept once.
    pub note_key: String,
}
