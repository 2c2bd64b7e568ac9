//! coproduce: a terminal app for facilitating in-room co-production meetings.
pub mod session;
pub mod theme;
