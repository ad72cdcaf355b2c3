//! The standards catalogue: the text shipped with the product (`data/standards/`), stored as the
//! first version, and any version read back.

use shared::accreditation::catalogue::SetText;

/// The shipped catalogue as one JSON array of sets, as a version's body is stored.
pub fn shipped() -> String {
    format!(
        "[{},{},{}]",
        include_str!("../../data/standards/national.json"),
        include_str!("../../data/standards/enhanced.json"),
        include_str!("../../data/standards/community.json")
    )
}

#[derive(Debug, thiserror::Error)]
pub enum CatalogueReadError {
    #[error("not a catalogue: {0}")]
    Json(#[from] serde_json::Error),
    #[error("catalogue refused: {0}")]
    Rule(#[from] shared::accreditation::catalogue::CatalogueError),
}

/// A stored version's sets, each checked by the shared rule.
pub fn read(body: &str) -> Result<Vec<SetText>, CatalogueReadError> {
    let sets: Vec<SetText> = serde_json::from_str(body)?;
    for set in &sets {
        set.check()?;
    }
    Ok(sets)
}

#[cfg(test)]
mod tests {
    use super::*;
    use shared::accreditation::StandardSet;

    #[test]
    fn the_shipped_catalogue_has_its_three_sets_and_keeps_the_rules() {
        let sets = read(&shipped()).unwrap();
        let codes: Vec<_> = sets.iter().map(|s| s.set).collect();
        assert_eq!(codes, [StandardSet::National, StandardSet::Enhanced, StandardSet::Community]);
        let national = &sets[0];
        assert_eq!(national.sections.len(), 10);
        let titles: Vec<_> = national.sections.iter().map(|s| s.title.as_str()).collect();
        assert!(titles.contains(&"Safeguarding and child protection"), "{titles:?}");
        assert!(sets.iter().all(|s| s.standards().count() >= 12));
    }
}
