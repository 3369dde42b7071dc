//! How a case is presented, in three parts: the JSON case object scripts
//! read ([`json`]), the text of `show` ([`show`]) and the labels of codes,
//! states and rules in the workspace language ([`labels`]). Shared by
//! every command that prints cases.

pub mod json;
pub mod labels;
pub mod show;

pub use json::*;
pub use labels::*;
pub use show::*;

use super::{Ctx, output};
