//! Storage: the workspace folder, its lock, atomic writes, the case file
//! format, the case index, and the staging area that makes a batch import
//! all or nothing.

pub mod atomic;
pub mod casefile;
pub mod confine;
pub mod contacts;
pub mod fastyaml;
pub mod index;
pub mod lock;
pub mod placement;
pub mod staging;
pub mod workspace;

pub use index::Snapshot;
pub use workspace::{Loaded, Location, Update, Workspace, locate};
