//! Pipeline options.

use copydesk_normalize::NormalizeOptions;
use serde::{Deserialize, Serialize};
use std::fmt;

/// Options of the whole pipeline. Serializable, so engines can ship them to workers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Options {
    /// Normalization options.
    pub normalize: NormalizeOptions,
    /// The article's publication date (ISO 8601 date), used to resolve relative dates;
    /// overrides any date found in the text.
    pub published: Option<String>,
    /// Documents longer than this many bytes are truncated (at a char boundary) and flagged.
    pub max_bytes: usize,
}

/// Default maximum document size: 16 MiB.
pub const DEFAULT_MAX_BYTES: usize = 16 << 20;

impl Default for Options {
    fn default() -> Self {
        Options { normalize: NormalizeOptions::default(), published: None, max_bytes: DEFAULT_MAX_BYTES }
    }
}

/// A bad option value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OptionsError(pub String);

impl fmt::Display for OptionsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for OptionsError {}

impl Options {
    /// Check the options: `published` must be an ISO 8601 date (YYYY, YYYY-MM or YYYY-MM-DD,
    /// optionally followed by a time), `max_bytes` must be positive.
    pub fn validate(&self) -> Result<(), OptionsError> {
        if let Some(p) = &self.published {
            if !is_iso_date(p) {
                return Err(OptionsError(format!("published must be an ISO 8601 date like 2017-11-27, got {p:?}")));
            }
        }
        if self.max_bytes == 0 {
            return Err(OptionsError("max_bytes must be positive".into()));
        }
        Ok(())
    }
}

/// True for "YYYY", "YYYY-MM", "YYYY-MM-DD", optionally followed by "T..." or " ...".
pub(crate) fn is_iso_date(s: &str) -> bool {
    let date = s.split(['T', ' ']).next().unwrap_or("");
    let parts: Vec<&str> = date.split('-').collect();
    let digits = |p: &str, n: usize| p.len() == n && p.bytes().all(|b| b.is_ascii_digit());
    match parts.as_slice() {
        [y] => digits(y, 4),
        [y, m] => digits(y, 4) && digits(m, 2) && (1..=12).contains(&m.parse::<u32>().unwrap_or(0)),
        [y, m, d] => {
            digits(y, 4)
                && digits(m, 2)
                && digits(d, 2)
                && (1..=12).contains(&m.parse::<u32>().unwrap_or(0))
                && (1..=31).contains(&d.parse::<u32>().unwrap_or(0))
        }
        _ => false,
    }
}
