//! Paperwork: the written documents of a procedure and the evidence behind
//! them.
//!
//! - [`kinds`]: the notices each preset defines, who receives them and in
//!   which states they make sense;
//! - [`render`]: templates (built in, or `templates/` in the workspace) and
//!   the Markdown-to-HTML step that turns them into printable pages;
//! - [`notice`]: issuing a notice: number, stored copy, `notice` event;
//! - [`attach`]: evidence files copied into the workspace by content hash;
//! - [`dossier`]: the case file (立卷归档) as one self-contained page.

pub mod attach;
pub mod dossier;
pub mod kinds;
pub mod notice;
pub mod render;

/// The time of the case's latest event: new events are never dated before
/// it (the same rule as every other change).
fn last_event_time(case: &crate::model::Case) -> chrono::DateTime<chrono::FixedOffset> {
    case.history
        .iter()
        .map(|e| e.at)
        .max()
        .unwrap_or(case.received)
}

/// The SHA-256 of `bytes`, in lower-case hex.
pub fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::Digest as _;
    let digest = sha2::Sha256::digest(bytes);
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn sha256_of_abc_is_the_published_vector() {
        assert_eq!(
            super::sha256_hex(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }
}
