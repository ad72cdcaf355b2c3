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
use std::{collections::HashSet, path::PathBuf, sync::Arc};
use tower_http::services::ServeDir;

/// A file whose name is its content's hash never changes: keep it for a year, never revalidate.
pub const IMMUTABLE: &str = "public, max-age=31536000, immutable";
/// Everything else the browser may keep, but must check with the server before using.
pub const REVALIDATE: &str = "no-cache";
/// What a page built by an earlier version of the site is told when it asks for its old files.
pub const GONE_MESSAGE: &str = "This file belongs to an earlier version of NACCC Contact Hub. \
     Reload the page to get the current one; the page works without it in the meantime.";

/// The names under `/pkg/` that carry their content's hash, read from the build's hash file.
#[derive(Clone, Debug, Default)]
pub struct HashedNames(Arc<HashSet<String>>);

impl HashedNames {
    /// From cargo-leptos' hash file (`js: <hash>` lines) for the files named `output_name`.
    pub fn parse(hash_file: &str, output_name: &str) -> Self {
        let names = hash_file
            .lines()
            .filter_map(|line| {
                let (kind, hash) = line.split_once(':')?;
                let (kind, hash) = (kind.trim(), hash.trim());
                (matches!(kind, "js" | "wasm" | "css") && !hash.is_empty())
                    .then(|| format!("{output_name}.{hash}.{kind}"))
            })
            .collect();
        Self(Arc::new(names))
    }

    /// The hash file beside the running binary, where cargo-leptos writes it and Leptos reads it
    /// to name the files in each page (none when the build does not hash).
    pub fn of_build(options: &LeptosOptions) -> Self {
        if !options.hash_files {
            return Self::default();
        }
        let text = hash_file_beside_binary(options).and_then(|path| std::fs::read_to_string(path).ok());
        match text {
            Some(text) => Self::parse(&text, &options.output_name),
            None => {
                tracing::warn!("file hashing is on but the build's hash file cannot be read");
                Self::default()
            }
        }
    }

    pub fn contains(&self, file: &str) -> bool {
        self.0.contains(file)
    }
}

/// Where cargo-leptos writes the hash file and Leptos looks for it: beside the running binary.
pub fn hash_file_beside_binary(options: &LeptosOptions) -> Option<PathBuf> {
    let exe = std::env::current_exe().ok()?;
    Some(exe.parent()?.join(options.hash_file.as_ref()))
}

/// The service for `/pkg/`, from the site root's package directory.
pub fn pkg_files(options: &LeptosOptions) -> Router {
    let dir = PathBuf::from(options.site_root.as_ref()).join(options.site_pkg_dir.as_ref());
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
    let file = request.uri().path().rsplit('/').next().unwrap_or_default().to_owned();
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
    fn only_the_files_the_hash_file_names_are_hashed() {
        let names = HashedNames::parse("js: abc123\nwasm: def456\ncss: 0a0b\nsplit: zz\n", "naccc-hub");
        assert!(names.contains("naccc-hub.abc123.js"));
        assert!(names.contains("naccc-hub.def456.wasm"));
        assert!(names.contains("naccc-hub.0a0b.css"));
        assert!(!names.contains("naccc-hub.wasm"));
        assert!(!names.contains("naccc-hub.zz.split"));
        assert!(!HashedNames::parse("js:\n", "naccc-hub").contains("naccc-hub..js"));
    }
}
