//! The integration tests: one binary, one module per area.

#![allow(
    clippy::print_stdout,
    clippy::print_stderr,
    clippy::too_many_lines,
    clippy::format_push_string,
    clippy::redundant_closure_for_method_calls,
    clippy::map_unwrap_or,
    clippy::semicolon_if_nothing_returned,
    clippy::implicit_clone,
    reason = "test code prints progress and reads best as long scenarios"
)]

mod support;

mod agenda;
mod alarms;
mod appraisal;
mod bad_input;
mod browser;
mod calendar_import;
mod cases;
mod concurrency;
mod contract;
mod coverage;
mod deadlines;
mod everyday;
mod examples;
mod figures;
mod fuzz;
mod golden;
mod hardening;
mod help_zh;
mod house;
mod import_export;
mod index;
mod layers;
mod leadership;
mod manual;
mod merges;
mod offices;
mod paperwork;
mod procedure;
mod province;
mod record_truth;
mod repeats;
mod reports;
mod roles;
mod rules;
mod screens;
mod shells;
mod simulation;
mod team;
mod terminal_zh;
mod verify_push;
mod workspace_files;
mod zh_errors;
mod zh_input;
mod zh_transfer_and_codes;
