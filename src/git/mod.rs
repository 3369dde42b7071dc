//! Working as a team on git: the three-way merge of case files that
//! `plaint merge-file` runs as git's merge driver ([`merge`]), and
//! registering that driver in a clone, with the text merge it falls back on
//! ([`setup`]).

pub mod merge;
pub mod objects;
pub mod setup;
