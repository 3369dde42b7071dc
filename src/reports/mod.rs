//! Reports: the manager's summary and the quarterly publication, computed
//! from cases and their deadlines. Pure: no I/O, no clock.

pub mod chart;
pub mod period;
pub mod report;
pub mod stats;
pub mod summary;
