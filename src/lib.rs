//! coproduce: a terminal app for facilitating in-room co-production meetings.
//!
//! The layers, from the file up: `session` (the format and its rules, pure),
//! `store` (every byte read or written), `app` (state and `update`), `ui`
//! (drawing only), `report` (minutes and trends), `theme`, `terminal` (the
//! live screen, keys and signals), and `cli` (one file a command).
pub mod app;
pub mod caught;
pub mod cli;
pub mod new_session;
pub mod report;
pub mod session;
pub mod store;
pub mod terminal;
pub mod text;
pub mod theme;
pub mod ui;
pub mod web;
