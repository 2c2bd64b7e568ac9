//! The session file: its types, reading, writing and rules. No terminal code.

pub mod load;
pub mod locate;
pub mod model;
pub mod ordered_map;
pub mod problem;
pub mod validate;

pub use load::{LoadError, Loaded, check_files, load, parse};
pub use model::*;
pub use ordered_map::OrderedMap;
pub use problem::Problem;
