//! #11 defect 5: every anonymous call that checks a code or password (start, resume, status,
//! sign-in) runs Argon2id, 19 MiB each. With no limit on how many ran at once, a burst of them
//! took memory without bound. A burst of 120 now waits its turn and stays within the stated
//! bound (`HASHES_AT_ONCE × HASH_MEMORY_KIB`), measured as the process's peak resident memory.
//! Linux only (it reads `/proc/self`), as the servers are.

mod common;

use axum::http::StatusCode;
use common::TestDb;
use common::web::{Browser, app};
use server::platform::secrets::{HASH_MEMORY_KIB, HASHES_AT_ONCE};

/// A field of `/proc/self/status`, in kB.
fn memory_kib(field: &str) -> usize {
    let status = std::fs::read_to_string("/proc/self/status").expect("/proc/self/status");
    let line = status.lines().find(|l| l.starts_with(field)).unwrap_or_else(|| panic!("no {field}"));
    line.split_whitespace().nth(1).and_then(|kb| kb.parse().ok()).expect("a number of kB")
}

/// Starts measuring the peak resident memory (`VmHWM`) afresh from now.
fn reset_peak() {
    std::fs::write("/proc/self/clear_refs", "5").expect("reset the peak resident memory");
}

/// Everything besides the hashes that 120 requests in flight may hold (pages, sessions, the
/// database): generous, and still far below the 120 × 19 MiB of hashing all at once.
const OTHER_WORK_KIB: usize = 48 * 1024;

/// One anonymous call that hashes: the `i`th of a burst.
async fn hashing_call(app: axum::Router, centre: String, reference: String, i: usize) -> StatusCode {
    let mut b = Browser::new(app);
    let email = format!("nobody{i}@example.org");
    let response = match i % 4 {
        0 => b.submit("/api/login", &[("email", &email), ("password", "not anyone's password")]).await,
        1 => b.submit("/api/refer/resume", &[("reference", &reference), ("code", "2222-2222-2222")]).await,
        2 => b.submit("/api/refer/status/check", &[("reference", &reference), ("code", "3333-3333-3333")]).await,
        _ => b.submit("/api/refer/start", &[("centre", &centre)]).await,
    };
    response.status
}

async fn a_burst_of_anonymous_hashing_stays_within_its_memory_bound(db: &TestDb) {
    let app = app(db).await;
    let centre = server::seed::demo_staff_centre().unwrap().to_string();
    // Warm up once each way (the decoy hashes, the first page renders), then measure the burst.
    for i in 0..4 {
        let reference = server::platform::secrets::new_reference().to_string();
        hashing_call(app.clone(), centre.clone(), reference, i).await;
    }
    reset_peak();
    let before = memory_kib("VmRSS:");
    let burst = (0..120).map(|i| {
        // Unknown references: each is refused after a decoy check, as long as a real one takes.
        let reference = server::platform::secrets::new_reference().to_string();
        tokio::spawn(hashing_call(app.clone(), centre.clone(), reference, i))
    });
    let statuses = futures_util::future::join_all(burst).await;
    let peak = memory_kib("VmHWM:");
    for status in statuses {
        let status = status.expect("the call ran");
        assert!(!status.is_server_error(), "every call answered: {status}");
    }
    let bound = HASHES_AT_ONCE * HASH_MEMORY_KIB + OTHER_WORK_KIB;
    let grew = peak.saturating_sub(before);
    println!("120 hashing calls: peak resident memory grew by {} MiB (bound {} MiB)", grew / 1024, bound / 1024);
    assert!(grew <= bound, "peak memory grew by {grew} kB, beyond the bound of {bound} kB");
}

on_both_backends!(a_burst_of_anonymous_hashing_stays_within_its_memory_bound);
