//! Reporters: outcomes rendered for people (`human`) and for tools (`json`).
//!
//! Reporters read outcome types only; they never look at the catalogue on disk or run anything.

pub mod human;
pub mod json;
