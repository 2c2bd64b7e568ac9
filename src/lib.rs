//! coproduce: a terminal app for facilitating in-room co-production meetings.
pub mod app;
pub mod demo;
pub mod follow;
pub mod follow_plain;
pub mod new_session;
pub mod render;
pub mod report;
pub mod saver;
pub mod schema;
pub mod session;
pub mod signals;
pub mod text;
pub mod theme;
pub mod tour;
pub mod trends;
pub mod tui;
pub mod ui;
