//! Evidence files: which kinds are taken, told by their content (never by their name), and how
//! large. PDF, PNG and JPEG images, and Office and OpenDocument documents (without macros).

use serde::{Deserialize, Serialize};

/// The largest evidence file taken.
pub const MAX_EVIDENCE_BYTES: usize = 10 * 1024 * 1024;
/// How many files one standard may have.
pub const MAX_FILES_PER_STANDARD: usize = 10;

/// The limit in words, from the same number.
pub fn max_size_words() -> String {
    format!("{} MB", MAX_EVIDENCE_BYTES / (1024 * 1024))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum EvidenceKind {
    Pdf,
    Png,
    Jpeg,
    Docx,
    Xlsx,
    Pptx,
    Odt,
    Ods,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum EvidenceError {
    #[error("choose a file to upload")]
    Empty,
    #[error("the file is larger than {}: make it smaller or split it", max_size_words())]
    TooLarge,
    #[error("the file must be a PDF, a PNG or JPEG image, or a Word, Excel, PowerPoint or OpenDocument file")]
    Refused,
    #[error("a standard can have at most {MAX_FILES_PER_STANDARD} files")]
    TooMany,
}

/// Zip-based documents name their main part in the archive's directory, at its end.
const ZIP_PARTS: [(&[u8], EvidenceKind); 3] = [
    (b"word/document.xml", EvidenceKind::Docx),
    (b"xl/workbook.xml", EvidenceKind::Xlsx),
    (b"ppt/presentation.xml", EvidenceKind::Pptx),
];

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

impl EvidenceKind {
    /// What the bytes are, or why they are refused. Names and declared types are not believed.
    pub fn of(bytes: &[u8]) -> Result<Self, EvidenceError> {
        if bytes.is_empty() {
            return Err(EvidenceError::Empty);
        }
        if bytes.len() > MAX_EVIDENCE_BYTES {
            return Err(EvidenceError::TooLarge);
        }
        if bytes.starts_with(b"%PDF-") {
            return Ok(Self::Pdf);
        }
        if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
            return Ok(Self::Png);
        }
        if bytes.starts_with(b"\xFF\xD8\xFF") {
            return Ok(Self::Jpeg);
        }
        if bytes.starts_with(b"PK\x03\x04") {
            // OpenDocument: an uncompressed `mimetype` entry first.
            if bytes.get(30..38) == Some(b"mimetype") {
                let head = &bytes[38..bytes.len().min(38 + 64)];
                if head.starts_with(b"application/vnd.oasis.opendocument.text") {
                    return Ok(Self::Odt);
                }
                if head.starts_with(b"application/vnd.oasis.opendocument.spreadsheet") {
                    return Ok(Self::Ods);
                }
                return Err(EvidenceError::Refused);
            }
            // Office Open XML; a macro-enabled one (vbaProject.bin) is refused.
            if contains(bytes, b"vbaProject.bin") || !contains(bytes, b"[Content_Types].xml") {
                return Err(EvidenceError::Refused);
            }
            let tail = &bytes[bytes.len().saturating_sub(64 * 1024)..];
            return ZIP_PARTS
                .iter()
                .find(|(part, _)| contains(tail, part) || contains(bytes, part))
                .map(|(_, kind)| *kind)
                .ok_or(EvidenceError::Refused);
        }
        Err(EvidenceError::Refused)
    }

    pub fn mime(self) -> &'static str {
        match self {
            Self::Pdf => "application/pdf",
            Self::Png => "image/png",
            Self::Jpeg => "image/jpeg",
            Self::Docx => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            Self::Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            Self::Pptx => "application/vnd.openxmlformats-officedocument.presentationml.presentation",
            Self::Odt => "application/vnd.oasis.opendocument.text",
            Self::Ods => "application/vnd.oasis.opendocument.spreadsheet",
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            Self::Pdf => "pdf",
            Self::Png => "png",
            Self::Jpeg => "jpg",
            Self::Docx => "docx",
            Self::Xlsx => "xlsx",
            Self::Pptx => "pptx",
            Self::Odt => "odt",
            Self::Ods => "ods",
        }
    }

    pub fn code(self) -> &'static str {
        self.extension()
    }

    pub fn from_code(code: &str) -> Option<Self> {
        [Self::Pdf, Self::Png, Self::Jpeg, Self::Docx, Self::Xlsx, Self::Pptx, Self::Odt, Self::Ods]
            .into_iter()
            .find(|k| k.code() == code)
    }

    /// The `accept` attribute of the upload input (a hint only: the server reads the content).
    pub const ACCEPT: &'static str = ".pdf,.png,.jpg,.jpeg,.docx,.xlsx,.pptx,.odt,.ods";
}

/// The name a file is kept and downloaded under: the uploader's name reduced to letters, digits,
/// spaces, dots, dashes and underscores, at most 80 characters, ending in its kind's extension.
pub fn file_name(uploaded: &str, kind: EvidenceKind) -> String {
    let base = uploaded.rsplit(['/', '\\']).next().unwrap_or("");
    let stem = base.rsplit_once('.').map_or(base, |(s, _)| s);
    let clean: String =
        stem.chars().filter(|c| c.is_ascii_alphanumeric() || matches!(c, ' ' | '-' | '_' | '.')).take(80).collect();
    let clean = clean.trim_matches(|c: char| c == '.' || c == ' ');
    let stem = if clean.is_empty() { "evidence" } else { clean };
    format!("{stem}.{}", kind.extension())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn zip_with(names: &[&str]) -> Vec<u8> {
        let mut bytes = b"PK\x03\x04".to_vec();
        bytes.extend_from_slice(&[0; 26]);
        for name in names {
            bytes.extend_from_slice(name.as_bytes());
            bytes.extend_from_slice(b"....");
        }
        bytes
    }

    #[test]
    fn kinds_are_told_by_their_content() {
        assert_eq!(EvidenceKind::of(b"%PDF-1.7\n..."), Ok(EvidenceKind::Pdf));
        assert_eq!(EvidenceKind::of(b"\x89PNG\r\n\x1a\n...."), Ok(EvidenceKind::Png));
        assert_eq!(EvidenceKind::of(b"\xFF\xD8\xFF\xE0...."), Ok(EvidenceKind::Jpeg));
        assert_eq!(EvidenceKind::of(&zip_with(&["[Content_Types].xml", "word/document.xml"])), Ok(EvidenceKind::Docx));
        assert_eq!(EvidenceKind::of(&zip_with(&["[Content_Types].xml", "xl/workbook.xml"])), Ok(EvidenceKind::Xlsx));
        let mut odt = b"PK\x03\x04".to_vec();
        odt.extend_from_slice(&[0; 26]);
        odt.extend_from_slice(b"mimetypeapplication/vnd.oasis.opendocument.text");
        assert_eq!(EvidenceKind::of(&odt), Ok(EvidenceKind::Odt));
    }

    #[test]
    fn anything_else_is_refused_whatever_it_is_called() {
        assert_eq!(EvidenceKind::of(b""), Err(EvidenceError::Empty));
        assert_eq!(EvidenceKind::of(b"MZ\x90\x00 a program"), Err(EvidenceError::Refused));
        assert_eq!(EvidenceKind::of(b"<html><script>"), Err(EvidenceError::Refused));
        assert_eq!(EvidenceKind::of(b"GIF89a"), Err(EvidenceError::Refused));
        // A plain zip, and a macro-enabled workbook.
        assert_eq!(EvidenceKind::of(&zip_with(&["notes.txt"])), Err(EvidenceError::Refused));
        assert_eq!(
            EvidenceKind::of(&zip_with(&["[Content_Types].xml", "xl/workbook.xml", "xl/vbaProject.bin"])),
            Err(EvidenceError::Refused)
        );
        let big = [b"%PDF-".as_slice(), &vec![0u8; MAX_EVIDENCE_BYTES]].concat();
        assert_eq!(EvidenceKind::of(&big), Err(EvidenceError::TooLarge));
        assert_eq!(EvidenceError::TooLarge.to_string(), "the file is larger than 10 MB: make it smaller or split it");
    }

    #[test]
    fn names_are_reduced_and_take_their_kinds_extension() {
        assert_eq!(
            file_name("C:\\Users\\me\\Safeguarding policy (v2).docx", EvidenceKind::Pdf),
            "Safeguarding policy v2.pdf"
        );
        assert_eq!(file_name("../../etc/passwd", EvidenceKind::Png), "passwd.png");
        assert_eq!(file_name("<script>.pdf", EvidenceKind::Pdf), "script.pdf");
        assert_eq!(file_name("...", EvidenceKind::Jpeg), "evidence.jpg");
        assert_eq!(file_name("report.final.pdf", EvidenceKind::Pdf), "report.final.pdf");
    }
}
