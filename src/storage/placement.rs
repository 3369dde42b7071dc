//! Which files under `cases/` are case files, by name and folder alone:
//! the one rule shared by the commands that read every case (through
//! [`super::Workspace::case_listing`]) and by `plaint check`, so a file
//! `check` calls misplaced is never silently left out of a list.
//!
//! A case file is `cases/YYYY/ID.yaml`, its name exactly the canonical ID
//! and its folder the ID's year. Any other `.yaml` file there was meant as
//! a case file: readers name it as unreadable, `check` as a problem, in
//! the same words. Files plainly not meant as case files (another
//! extension, such as an editor's `*.yaml~`, `*.orig` or `*.swp`, or a
//! hidden name) are left to `check` alone.

use crate::messages::language;
use crate::model::CaseId;
use crate::msg;

/// What the name and folder of a `.yaml` file under `cases/` make of it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Placement {
    /// `cases/YYYY/ID.yaml`: a case file in its place.
    Case(CaseId),
    /// Directly in `cases/`, outside any year folder.
    Stray,
    /// A name that is no case ID.
    NotAnId,
    /// A name that reads as the case ID `id` only once normalized
    /// (`20261130-FIFO0` for `20261130-F1F00`).
    Misnamed(CaseId),
    /// A case ID in a folder that is not its year's.
    WrongFolder(CaseId),
}

/// The stem of a file named `name` if it is meant as a case file: a
/// `.yaml` file whose name is not hidden. `None` for anything else.
pub fn candidate(name: &str) -> Option<&str> {
    name.strip_suffix(".yaml")
        .filter(|stem| !stem.is_empty() && !name.starts_with('.'))
}

/// Where the `.yaml` file `stem.yaml` stands, in the year folder `folder`
/// (`None` when it lies directly in `cases/`; a folder whose name is no
/// year holds no case file).
pub fn place(stem: &str, folder: Option<&str>) -> Placement {
    let Some(folder) = folder else {
        return Placement::Stray;
    };
    let Ok(id) = CaseId::parse(stem) else {
        return Placement::NotAnId;
    };
    if id.as_str() != stem {
        Placement::Misnamed(id)
    } else if id.year() != folder {
        Placement::WrongFolder(id)
    } else {
        Placement::Case(id)
    }
}

impl Placement {
    /// What is wrong with a file so placed, in the language of the
    /// messages (`check` prints it as is); `None` for a case file.
    pub fn problem(&self) -> Option<String> {
        let lang = language();
        Some(match self {
            Placement::Case(_) => return None,
            Placement::Stray => msg!(lang, "check-stray-file"),
            Placement::NotAnId => msg!(lang, "check-not-an-id"),
            Placement::Misnamed(id) => msg!(lang, "check-misnamed", id = id),
            Placement::WrongFolder(id) => msg!(lang, "check-wrong-folder", year = id.year()),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_visible_yaml_files_are_meant_as_case_files() {
        assert_eq!(candidate("20261130-F1F00.yaml"), Some("20261130-F1F00"));
        assert_eq!(candidate("notes.yaml"), Some("notes"));
        for ignored in [
            "20261130-F1F00.yaml~",
            "20261130-F1F00.yaml.orig",
            ".20261130-F1F00.yaml.swp",
            ".hidden.yaml",
            ".yaml",
            "README.md",
            ".gitkeep",
        ] {
            assert_eq!(candidate(ignored), None, "{ignored}");
        }
    }

    #[test]
    fn a_name_is_a_case_file_only_when_canonical_and_in_its_year() {
        let id = |s: &str| CaseId::parse(s).unwrap();
        assert_eq!(
            place("20261130-F1F00", Some("2026")),
            Placement::Case(id("20261130-F1F00"))
        );
        assert_eq!(
            place("20261130-FIFO0", Some("2026")),
            Placement::Misnamed(id("20261130-F1F00"))
        );
        assert_eq!(
            place("20261130-F1F00", Some("2025")),
            Placement::WrongFolder(id("20261130-F1F00"))
        );
        assert_eq!(place("notes", Some("2026")), Placement::NotAnId);
        assert_eq!(place("20261130-F1F00", None), Placement::Stray);
    }
}
