//! When serde leaves an empty field out of a case.
//!
//! Case files and JSON leave out empty fields, so they read cleanly. The
//! case index stores cases in a positional binary format, which needs
//! every field written, always in the same place: while [`every_field`]
//! runs, nothing is left out.

use std::cell::Cell;

thread_local! {
    static EVERY_FIELD: Cell<bool> = const { Cell::new(false) };
}

/// Runs `write` with every field of the model serialized, empty or not.
pub fn every_field<T>(write: impl FnOnce() -> T) -> T {
    struct Reset(bool);
    impl Drop for Reset {
        fn drop(&mut self) {
            EVERY_FIELD.with(|f| f.set(self.0));
        }
    }
    let _reset = Reset(EVERY_FIELD.with(|f| f.replace(true)));
    write()
}

fn leave_out(empty: bool) -> bool {
    empty && !EVERY_FIELD.with(Cell::get)
}

/// Leaves out a `None`.
pub fn none<T>(value: &Option<T>) -> bool {
    leave_out(value.is_none())
}

/// Leaves out an empty list.
pub fn empty<T>(value: &[T]) -> bool {
    leave_out(value.is_empty())
}

/// Leaves out `false`.
pub fn no(value: &bool) -> bool {
    leave_out(!*value)
}
