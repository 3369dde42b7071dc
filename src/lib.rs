//! plaint: a complaint case tracker.
