//! The session file: its types, reading, writing and rules. No terminal code.

pub mod action_line;
pub mod attendance;
pub mod balance;
pub mod consent;
pub mod document;
pub mod ids;
pub mod jargon;
pub mod judgement;
pub mod load;
pub mod locate;
pub mod lock;
pub mod model;
pub mod ordered_map;
pub mod problem;
pub mod recover;
pub mod rubber_stamp;
pub mod sample;
pub mod speaker_keys;
pub mod stack;
pub mod store;
pub mod tally;
pub mod thinking;
pub mod timing;
pub mod trend;
pub mod validate;
pub mod write;

pub use load::{LoadError, Loaded, check_files, load, parse};
pub use model::*;
pub use ordered_map::OrderedMap;
pub use problem::Problem;
