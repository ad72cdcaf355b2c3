//! Accreditation evidence on real databases: files checked by content, stored once or not at
//! all, and served only as attachments to those allowed.

mod common;

use app::pages::accreditation::model::StepOutcome;
use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use common::TestDb;
use common::accreditation::*;
use common::staff::{NOW, setup, sign_in};
use shared::account::Role;

/// A multipart upload as a browser without JavaScript sends it.
fn upload_request(cookie: &str, case: i64, standard: &str, name: &str, bytes: &[u8]) -> Request<Body> {
    let boundary = "----naccc-test-boundary";
    let mut body = Vec::new();
    for (k, v) in [("case", case.to_string()), ("standard", standard.to_owned()), ("section", "national-1".to_owned())]
    {
        body.extend_from_slice(
            format!("--{boundary}\r\nContent-Disposition: form-data; name=\"{k}\"\r\n\r\n{v}\r\n").as_bytes(),
        );
    }
    body.extend_from_slice(
        format!("--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{name}\"\r\nContent-Type: application/pdf\r\n\r\n")
            .as_bytes(),
    );
    body.extend_from_slice(bytes);
    body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
    Request::post(server::web::evidence::UPLOAD_PATH)
        .header(header::CONTENT_TYPE, format!("multipart/form-data; boundary={boundary}"))
        .header(header::ACCEPT, "text/html")
        .header("sec-fetch-site", "same-origin")
        .header(header::COOKIE, cookie)
        .body(Body::from(body))
        .unwrap()
}

fn cookie(b: &common::web::Browser) -> String {
    b.cookies.iter().map(|(k, v)| format!("{k}={v}")).collect::<Vec<_>>().join("; ")
}

async fn evidence_is_checked_by_content_stored_once_and_served_only_as_an_attachment(db: &TestDb) {
    let (mut b, clock) = setup(db).await;
    let s = service(db, clock.clone());
    let manager = staff(db, Role::CentreManager).await;
    let admin = staff(db, Role::NacccAdmin).await;
    let case = confirmed_case(&s, &manager, &admin).await;
    sign_in(&mut b, Role::CentreManager, NOW).await;
    let app = b.app.clone();

    let pdf = b"%PDF-1.7\n1 0 obj << >> endobj\n%%EOF\n";
    let ok =
        common::web::send_request(&app, upload_request(&cookie(&b), case, "national/1.1", "policy.pdf", pdf)).await;
    assert_eq!(ok.status, StatusCode::SEE_OTHER, "{}", ok.body);
    assert_eq!(ok.location(), "/centre/accreditation/national-1?done=uploaded#standard-national-1-1");
    assert_eq!(db.evidence.count().await, 1);

    // A program renamed to look like a PDF, and a file over the limit: refused, nothing stored.
    let exe = b"MZ\x90\x00\x03\x00\x00\x00 This program cannot be run in DOS mode";
    let renamed =
        common::web::send_request(&app, upload_request(&cookie(&b), case, "national/1.1", "policy.pdf", exe)).await;
    assert_eq!(renamed.location(), "/centre/accreditation/national-1?done=refused#standard-national-1-1");
    let big = [pdf.as_slice(), &vec![b' '; shared::accreditation::evidence::MAX_EVIDENCE_BYTES]].concat();
    let too_big =
        common::web::send_request(&app, upload_request(&cookie(&b), case, "national/1.1", "big.pdf", &big)).await;
    assert_eq!(too_big.location(), "/centre/accreditation/national-1?done=refused#standard-national-1-1");
    // Far over the upload route's own limit: the body is not even read.
    let huge = vec![b' '; server::web::evidence::UPLOAD_LIMIT + 1];
    let huge =
        common::web::send_request(&app, upload_request(&cookie(&b), case, "national/1.1", "huge.pdf", &huge)).await;
    assert_eq!(huge.status, StatusCode::PAYLOAD_TOO_LARGE);
    // Elsewhere the ordinary limit holds.
    let elsewhere = Request::post("/api/centre/return/save")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(header::CONTENT_LENGTH, (2 * 1024 * 1024).to_string())
        .header("sec-fetch-site", "same-origin")
        .body(Body::from(vec![b'a'; 2 * 1024 * 1024]))
        .unwrap();
    assert_eq!(common::web::send_request(&app, elsewhere).await.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(db.evidence.count().await, 1, "nothing more stored");
    let rows: Vec<i64> = db.raw_column("SELECT COUNT(*) FROM evidence_files").await;
    assert_eq!(rows, [1]);

    // Downloaded only as an attachment, never sniffed, by the centre, NACCC and the assigned assessor.
    let file_id: Vec<i64> = db.raw_column("SELECT id FROM evidence_files").await;
    let path = format!("/accreditation/evidence/{}", file_id[0]);
    let got = b.get(&path).await;
    assert_eq!(got.status, StatusCode::OK);
    assert_eq!(got.headers[header::CONTENT_TYPE], "application/pdf");
    assert_eq!(got.headers[header::CONTENT_DISPOSITION], "attachment; filename=\"policy.pdf\"");
    assert_eq!(got.headers[header::X_CONTENT_TYPE_OPTIONS], "nosniff");
    assert!(got.body.starts_with("%PDF-"));
    // Another centre's manager, an unassigned assessor: not found.
    assert!(s.download_evidence(&other_manager(manager.id), file_id[0]).await.unwrap().is_none());
    let assessor = staff(db, Role::Assessor).await;
    assert!(s.download_evidence(&assessor, file_id[0]).await.unwrap().is_none());
    assert!(s.download_evidence(&admin, file_id[0]).await.unwrap().is_some());
    // A coordinator of the same centre is refused by role.
    let mut coordinator = common::web::Browser::new(app.clone());
    sign_in(&mut coordinator, Role::CentreCoordinator, NOW).await;
    assert_eq!(coordinator.get(&path).await.status, StatusCode::FORBIDDEN);

    // Removing a file removes its bytes too.
    assert_eq!(s.remove_evidence(&manager, case, file_id[0]).await.unwrap(), StepOutcome::Done);
    assert_eq!(db.evidence.count().await, 0);
}

#[test]
fn evidence_on_sqlite() {
    common::run(async {
        evidence_is_checked_by_content_stored_once_and_served_only_as_an_attachment(&TestDb::sqlite().await).await
    });
}

#[test]
fn evidence_on_postgres() {
    common::run(async {
        if let Some(db) = TestDb::postgres().await {
            evidence_is_checked_by_content_stored_once_and_served_only_as_an_attachment(&db).await;
        }
    });
}
