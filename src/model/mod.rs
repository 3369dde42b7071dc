//! The case model: cases, their history events and their IDs. Pure data,
//! no I/O.

pub mod appraisal;
pub mod case;
pub mod draft;
pub mod event;
pub mod id;
pub mod moment;
pub mod money;
pub mod skip;

pub use case::{Agent, Case, Person, Priority, Respondent, SCHEMA, Satisfaction};
pub use draft::Draft;
pub use event::{Action, Event, EventKind, Extension, Move, Stored, status_from_history};
pub use id::CaseId;
pub use money::Yuan;
