//! The session file: its types, its text (parse and write) and its rules.
//! Pure: no file, no terminal, no clock (`store` reads and writes the bytes).

pub mod action_line;
pub mod attendance;
pub mod balance;
pub mod cards;
pub mod consent;
pub mod example;
pub mod glossary;
pub mod ids;
pub mod jargon;
pub mod judgement;
pub mod load;
pub mod locate;
pub mod model;
pub mod needs;
pub mod offsets;
pub mod open_to_change;
pub mod ordered_map;
pub mod peoples_time;
pub mod problem;
pub mod recover;
pub mod reread;
pub mod round;
pub mod rubber_stamp;
pub mod sample;
pub mod schema;
pub mod speaker_keys;
pub mod stack;
pub mod tally;
pub mod thinking;
pub mod timing;
pub mod trend;
pub mod validate;
pub mod write;

pub use load::parse;
pub use model::*;
pub use ordered_map::OrderedMap;
pub use problem::Problem;
pub use round::{Principle, Round, RoundKind, RoundOrder};
