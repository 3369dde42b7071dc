//! Storage: the workspace folder, its lock, atomic writes and the case file
//! format.

pub mod atomic;
pub mod casefile;
pub mod lock;
pub mod staging;
pub mod workspace;

pub use workspace::{Loaded, Location, Workspace, locate};
