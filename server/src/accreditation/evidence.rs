//! Evidence files. The bytes live in an object store (the `object_store` crate: a directory
//! outside the web root by default, S3-compatible storage when configured, so several servers
//! share it); the database holds each file's record. A file is checked by its content
//! (`shared::accreditation::evidence`), stored under a random key, then recorded; if the record
//! is refused or fails, the stored bytes are removed again, so nothing is left half-stored.

use super::{AccreditationService, port_error, problem};
use crate::store::{EvidenceRow, NewEvidence, Outcome as AuditOutcome};
use app::pages::accreditation::model::{StepOutcome, Viewer};
use app::ports::{PortError, StaffUser};
use object_store::path::Path as ObjectPath;
use object_store::{ObjectStore, ObjectStoreExt, PutPayload};
use rand::Rng;
use sha2::{Digest, Sha256};
use shared::accreditation::Stage;
use shared::accreditation::StandardKey;
use shared::accreditation::evidence::{EvidenceError, EvidenceKind, MAX_FILES_PER_STANDARD, file_name};
use std::sync::Arc;

#[derive(Clone)]
pub struct EvidenceStore(Arc<dyn ObjectStore>);

impl EvidenceStore {
    /// Files under `dir` on this machine (created if missing).
    pub fn local(dir: &std::path::Path) -> anyhow::Result<Self> {
        std::fs::create_dir_all(dir)?;
        Ok(Self(Arc::new(object_store::local::LocalFileSystem::new_with_prefix(dir)?)))
    }

    /// An S3-compatible bucket, configured by the usual `AWS_*` variables (endpoint, region, keys).
    pub fn s3(bucket: &str) -> anyhow::Result<Self> {
        let store = object_store::aws::AmazonS3Builder::from_env().with_bucket_name(bucket).build()?;
        Ok(Self(Arc::new(store)))
    }

    /// Any object store (tests use an in-memory one).
    pub fn new(store: Arc<dyn ObjectStore>) -> Self {
        Self(store)
    }

    async fn put(&self, key: &str, bytes: Vec<u8>) -> object_store::Result<()> {
        self.0.put(&ObjectPath::from(key), PutPayload::from(bytes)).await.map(|_| ())
    }

    async fn get(&self, key: &str) -> object_store::Result<bytes::Bytes> {
        self.0.get(&ObjectPath::from(key)).await?.bytes().await
    }

    async fn delete(&self, key: &str) {
        if let Err(error) = self.0.delete(&ObjectPath::from(key)).await {
            tracing::error!(%error, "evidence object not removed");
        }
    }

    /// Whether an object is stored under `key` (for tests of what is left behind).
    pub async fn exists(&self, key: &str) -> bool {
        self.0.head(&ObjectPath::from(key)).await.is_ok()
    }

    /// How many objects are stored (for tests of what is left behind).
    pub async fn count(&self) -> usize {
        use futures_util::StreamExt;
        self.0.list(None).count().await
    }
}

/// The upload form's file field for a standard.
pub fn file_field(key: &StandardKey) -> String {
    format!("file-{}", key.id())
}

/// A file as it is downloaded.
pub struct Download {
    pub file_name: String,
    pub mime: &'static str,
    pub bytes: bytes::Bytes,
}

impl AccreditationService {
    /// The centre adds a file to one standard of its self-assessment.
    pub async fn upload_evidence(
        &self,
        user: &StaffUser,
        case_id: i64,
        standard: &str,
        uploaded_name: &str,
        bytes: Vec<u8>,
    ) -> Result<StepOutcome, PortError> {
        let Some((case, Viewer::Centre)) = self.open(user, case_id).await? else { return Ok(StepOutcome::NotFound) };
        let Ok(key) = StandardKey::parse(standard) else { return Ok(StepOutcome::NotFound) };
        if !self.case_keys(&case).await?.contains(&key) {
            return Ok(StepOutcome::NotFound);
        }
        let field = file_field(&key);
        if case.stage().map_err(port_error)? != Stage::SelfAssessment {
            return Ok(StepOutcome::Conflict);
        }
        let kind = match EvidenceKind::of(&bytes) {
            Ok(kind) => kind,
            Err(error) => {
                self.audit(Some(user), "accreditation.evidence", case.id, AuditOutcome::Denied).await;
                return Ok(problem(&field, &error));
            }
        };
        let sha256 = hex::encode(Sha256::digest(&bytes));
        let size = i64::try_from(bytes.len()).unwrap_or(i64::MAX);
        let random: [u8; 16] = rand::rng().random();
        let object_key = format!("evidence/{}/{}", case.id, hex::encode(random));
        let name = file_name(uploaded_name, kind);
        let (store, evidence, by, now) = (self.store.clone(), self.evidence.clone(), user.id, self.clock.now());
        // Stored, recorded and (if the record is refused) removed again in a task of its own: a
        // request cut off half way (a timeout, a closed connection) cannot leave bytes behind.
        let stored = tokio::spawn(async move {
            if let Err(error) = evidence.put(&object_key, bytes).await {
                tracing::error!(%error, "evidence not stored");
                return Err(PortError::Unavailable);
            }
            let record = NewEvidence {
                case_id: case.id,
                standard_key: &key,
                object_key: &object_key,
                file_name: &name,
                kind: kind.code(),
                size_bytes: size,
                sha256: &sha256,
                by,
                now,
                max_files: i64::try_from(MAX_FILES_PER_STANDARD).unwrap_or(i64::MAX),
            };
            match store.add_evidence(&record).await {
                Ok(Some(_)) => Ok(true),
                Ok(None) => {
                    evidence.delete(&object_key).await;
                    Ok(false)
                }
                Err(error) => {
                    evidence.delete(&object_key).await;
                    Err(port_error(error))
                }
            }
        })
        .await
        .map_err(|_| PortError::Unavailable)??;
        if stored {
            self.audit(Some(user), "accreditation.evidence", case_id, AuditOutcome::Ok).await;
            Ok(StepOutcome::Done)
        } else {
            Ok(problem(&field, &EvidenceError::TooMany))
        }
    }

    /// A file, for the case's centre, its assessor or NACCC; `None` for anyone else (audit-logged).
    pub async fn download_evidence(&self, user: &StaffUser, file_id: i64) -> Result<Option<Download>, PortError> {
        let Some(file) = self.store.evidence_file(file_id).await.map_err(port_error)? else { return Ok(None) };
        let Some((case, _)) = self.open(user, file.case_id).await? else { return Ok(None) };
        let kind = EvidenceKind::from_code(&file.kind).ok_or(PortError::CorruptData)?;
        let bytes = self.evidence.get(&file.object_key).await.map_err(|error| {
            tracing::error!(%error, "evidence unreadable");
            PortError::Unavailable
        })?;
        self.audit(Some(user), "accreditation.evidence_read", case.id, AuditOutcome::Ok).await;
        Ok(Some(Download { file_name: file.file_name, mime: kind.mime(), bytes }))
    }

    /// The centre removes a file while its self-assessment is open.
    pub async fn remove_evidence(
        &self,
        user: &StaffUser,
        case_id: i64,
        file_id: i64,
    ) -> Result<StepOutcome, PortError> {
        let Some((case, Viewer::Centre)) = self.open(user, case_id).await? else { return Ok(StepOutcome::NotFound) };
        let (store, evidence) = (self.store.clone(), self.evidence.clone());
        // The record and its bytes go together, whatever becomes of the request.
        let removed = tokio::spawn(async move {
            let object_key = store.remove_evidence(case.id, file_id).await.map_err(port_error)?;
            if let Some(key) = &object_key {
                evidence.delete(key).await;
            }
            Ok::<_, PortError>(object_key)
        })
        .await
        .map_err(|_| PortError::Unavailable)??;
        match removed {
            Some(_) => {
                self.audit(Some(user), "accreditation.evidence_removed", case.id, AuditOutcome::Ok).await;
                Ok(StepOutcome::Done)
            }
            None => Ok(StepOutcome::Conflict),
        }
    }

    /// A file's record, for tests and the download route.
    pub async fn evidence_record(&self, file_id: i64) -> Result<Option<EvidenceRow>, PortError> {
        self.store.evidence_file(file_id).await.map_err(port_error)
    }
}
