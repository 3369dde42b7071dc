//! plaint: a complaint case tracker.

pub mod calendar;
