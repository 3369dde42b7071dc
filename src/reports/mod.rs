//! Reports: the manager's summary, the officer's agenda and its calendar
//! feed, and the quarterly publication, computed from cases and their
//! deadlines. Pure: no I/O, no clock.

pub mod agenda;
pub mod chart;
pub mod ics;
pub mod offices;
pub mod parquet;
pub mod period;
pub mod report;
pub mod stats;
pub mod summary;
