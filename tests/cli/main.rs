//! The integration tests: one binary, one module per area.

mod support;

mod bad_input;
mod browser;
mod cases;
mod concurrency;
mod contract;
mod deadlines;
mod examples;
mod fuzz;
mod golden;
mod hardening;
mod import_export;
mod index;
mod merges;
mod paperwork;
mod record_truth;
mod repeats;
mod reports;
mod rules;
mod screens;
mod simulation;
mod team;
mod terminal_zh;
