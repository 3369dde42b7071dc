//! The integration tests: one binary, one module per area.

mod support;

mod bad_input;
mod browser;
mod cases;
mod concurrency;
mod deadlines;
mod examples;
mod fuzz;
mod golden;
mod hardening;
mod import_export;
mod paperwork;
mod record_truth;
mod reports;
mod rules;
mod team;
mod terminal_zh;
