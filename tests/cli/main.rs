//! The integration tests: one binary, one module per area.

mod support;

mod bad_input;
mod cases;
mod concurrency;
mod deadlines;
mod examples;
mod fuzz;
mod golden;
mod hardening;
mod import_export;
mod reports;
mod team;
