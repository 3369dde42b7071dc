//! plaint: a command-line complaint case tracker.
//!
//! Each complaint is one YAML file in a workspace folder. The library holds
//! everything but argument parsing and printing, so tests drive it directly:
//! - [`model`]: cases, history events, IDs (pure data);
//! - [`storage`]: the workspace folder, lock, atomic writes, case files;
//! - [`policy`]: presets, settings, workflow rules;
//! - [`calendar`]: working-day calendars and Civil Code periods;
//! - [`deadline`]: deadlines derived from history, rules and calendar;
//! - [`intake`] and [`actions`]: validating input and changing cases;
//! - [`query`], [`repeat`], [`reports`], [`html`]: selecting, summarizing
//!   and rendering cases;
//! - [`check`] and [`git`] (the merge driver and its setup): working as a
//!   team on git;
//! - [`paperwork`]: notices from templates, evidence attachments, the
//!   case dossier;
//! - [`transfer`] and [`redact`]: batch import/export, and personal data
//!   left out of what leaves the office;
//! - [`messages`]: every human message, in English and Chinese;
//! - [`cli`]: the command line.
//!
//! Data flows one way. Each module uses only modules below it, from the
//! bottom: [`calendar`], [`model`], [`repeat`], [`policy`], [`storage`],
//! [`deadline`], [`html`]/[`redact`], [`intake`]/[`query`]/[`git`],
//! [`paperwork`], [`reports`]/[`transfer`], [`check`], [`actions`],
//! [`cli`]; the shared utilities ([`error`], [`messages`], [`limits`],
//! [`dates`], [`csvcell`], [`yaml_error`]) serve all of them. The test
//! `tests/cli/layers.rs` fails on any use upwards.

// Unit tests may print and may run as one long scenario.
#![cfg_attr(
    test,
    allow(clippy::print_stdout, clippy::print_stderr, clippy::too_many_lines)
)]

pub mod actions;
pub mod calendar;
pub mod check;
pub mod cli;
pub mod csvcell;
pub mod dates;
pub mod deadline;
pub mod error;
pub mod git;
pub mod html;
pub mod intake;
pub mod limits;
pub mod messages;
pub mod model;
pub mod paperwork;
pub mod policy;
pub mod query;
pub mod redact;
pub mod repeat;
pub mod reports;
pub mod storage;
pub mod transfer;
pub mod yaml_error;

pub use error::{Error, Result};
