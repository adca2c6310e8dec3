//! `kata`: practise, check and grade Rust katas against hidden test suites.
//!
//! Data flows one way: the [`catalogue`] describes katas; [`build`] turns a solution into test
//! executables in a temporary crate; [`engine`] runs each test in its own process ([`exec`]) and
//! reads failures ([`failure`]) into an [`outcome`]; [`report`] renders outcomes. [`commands`]
//! (checking, practice, verification) and [`watch`] (the practice loop) drive that pipeline over
//! the learner's [`workspace`]; [`grade`] drives it over many submissions into a [`gradebook`]
//! report.

pub mod build;
pub mod catalogue;
pub mod cleanup;
pub mod commands;
pub mod engine;
pub mod error;
pub mod exec;
pub mod failure;
pub mod grade;
pub mod gradebook;
pub mod outcome;
pub mod policy;
pub mod report;
pub mod sandbox;
pub mod scaffold;
pub mod verify;
pub mod watch;
pub mod workspace;
pub mod wrapper;
