//! The session file: its types, reading, writing and rules. No terminal code.

pub mod model;
pub mod ordered_map;
pub mod write;

pub use model::*;
pub use ordered_map::OrderedMap;
