//! The browser's files under `/pkg/`: served as they were built, with the brotli and gzip copies
//! made once at build time at full quality (`cargo leptos build --release --precompress`), and
//! cached for a year where the name carries the content's hash (`hash-files`): a new build has
//! new names, so a returning browser never uses a stale file and never asks again for a current
//! one. Any other name (a debug build's) must be revalidated. A name that is not there, which is
//! what an old page asks for after a deploy, gets a plain answer that is never cached.

use axum::{
    Router,
    extract::{Request, State},
    http::{HeaderValue, StatusCode, header},
    middleware::Next,
    response::{IntoResponse, Response},
};
use leptos::prelude::LeptosOptions;
use std::{
    collections::HashSet,
    path::{Path, PathBuf},
    sync::Arc,
};
use tower_http::services::ServeDir;

/// A file whose name is its content's hash never changes: keep it for a year, never revalidate.
pub const IMMUTABLE: &str = "public, max-age=31536000, immutable";
/// Everything else the browser may keep, but must check with the server before using.
pub const REVALIDATE: &str = "no-cache";
/// What a page built by an earlier version of the site is told when it asks for its old files.
pub const GONE_MESSAGE: &str = "This file belongs to an earlier version of NACCC Contact Hub. \
     Reload the page to get the current one; the page works without it in the meantime.";

/// The names under `/pkg/` that carry their content's hash: `<stem>.<hash>.<ext>`, the hash being
/// the md5 of what the file holds in base64url (as cargo-leptos names them). Each is checked
/// against the file at start-up, so a name only earns a year in the browser's cache if it is
/// true: a file rewritten after it was named would otherwise be kept stale.
#[derive(Clone, Debug, Default)]
pub struct HashedNames(Arc<HashSet<String>>);

impl HashedNames {
    /// The files in `dir` whose name is their content's hash.
    pub fn verified(dir: &Path) -> Self {
        let names = std::fs::read_dir(dir)
            .into_iter()
            .flatten()
            .flatten()
            .filter_map(|entry| {
                let name = entry.file_name().into_string().ok()?;
                let claimed = name_hash(&name)?;
                let content = std::fs::read(entry.path()).ok()?;
                (content_hash(&content) == claimed).then_some(name)
            })
            .collect();
        Self(Arc::new(names))
    }

    /// The verified names of this build's package directory (none when the build does not hash).
    pub fn of_build(options: &LeptosOptions) -> Self {
        if !options.hash_files {
            return Self::default();
        }
        let hashed = Self::verified(&pkg_dir(options));
        if hashed.0.is_empty() {
            tracing::warn!("file hashing is on but no file under /pkg/ is named by its content's hash");
        }
        hashed
    }

    pub fn contains(&self, file: &str) -> bool {
        self.0.contains(file)
    }
}

/// The hash a name claims: the part before the extension, if it looks like an md5 in base64url.
fn name_hash(name: &str) -> Option<&str> {
    let (rest, _ext) = name.rsplit_once('.')?;
    let (_stem, hash) = rest.rsplit_once('.')?;
    (hash.len() == 22 && hash.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')).then_some(hash)
}

fn content_hash(content: &[u8]) -> String {
    use base64ct::Encoding;
    use md5::Digest;
    base64ct::Base64UrlUnpadded::encode_string(&md5::Md5::digest(content))
}

fn pkg_dir(options: &LeptosOptions) -> PathBuf {
    PathBuf::from(options.site_root.as_ref()).join(options.site_pkg_dir.as_ref())
}

/// Where cargo-leptos writes the hash file and Leptos looks for it: beside the running binary.
pub fn hash_file_beside_binary(options: &LeptosOptions) -> Option<PathBuf> {
    let exe = std::env::current_exe().ok()?;
    Some(exe.parent()?.join(options.hash_file.as_ref()))
}

/// The service for `/pkg/`, from the site root's package directory.
pub fn pkg_files(options: &LeptosOptions) -> Router {
    let dir = pkg_dir(options);
    let hashed = HashedNames::of_build(options);
    Router::new()
        // No directory listings or index redirects: `/pkg/` holds files only, so a directory
        // is "not there" like any other unknown name.
        .fallback_service(
            ServeDir::new(dir).precompressed_br().precompressed_gzip().append_index_html_on_directories(false),
        )
        .layer(axum::middleware::from_fn_with_state(hashed, cache_policy))
}

async fn cache_policy(State(hashed): State<HashedNames>, request: Request, next: Next) -> Response {
    // The path under /pkg/: only a file directly in it can be one of the verified names.
    let file = request.uri().path().trim_start_matches('/').to_owned();
    let mut response = next.run(request).await;
    let status = response.status();
    if status == StatusCode::NOT_FOUND {
        return (StatusCode::NOT_FOUND, [(header::CACHE_CONTROL, "no-store")], GONE_MESSAGE).into_response();
    }
    // Only the file itself (whole, a range of it, or "you have it") may be kept; an error
    // (a read failure under load, a refused range) must never be cached for a year.
    let servable = matches!(status, StatusCode::OK | StatusCode::PARTIAL_CONTENT | StatusCode::NOT_MODIFIED);
    let policy = match (servable, hashed.contains(&file)) {
        (false, _) => "no-store",
        (true, true) => IMMUTABLE,
        (true, false) => REVALIDATE,
    };
    response.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static(policy));
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_names_that_are_their_contents_hash_are_hashed() {
        let dir = std::env::temp_dir().join(format!("naccc-pkg-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let content = b"the wasm";
        let true_name = format!("naccc-hub.{}.wasm", content_hash(content));
        std::fs::write(dir.join(&true_name), content).unwrap();
        // Named by a hash, then rewritten: the name no longer says what it holds.
        std::fs::write(dir.join(format!("naccc-hub.{}.js", content_hash(b"before"))), b"after").unwrap();
        std::fs::write(dir.join("naccc-hub.wasm"), content).unwrap();
        let names = HashedNames::verified(&dir);
        assert!(names.contains(&true_name));
        assert_eq!(names.0.len(), 1);
        assert_eq!(content_hash(b""), "1B2M2Y8AsgTpgAmY7PhCfg"); // md5 of nothing, as cargo-leptos writes it
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
