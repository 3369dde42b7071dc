//! Storage: the workspace folder, its lock, atomic writes, the case file
//! format, and the staging area that makes a batch import all or nothing.

pub mod atomic;
pub mod casefile;
pub mod contacts;
pub mod fastyaml;
pub mod lock;
pub mod staging;
pub mod workspace;

pub use workspace::{Loaded, Location, Update, Workspace, locate};
