//! `coproduce schema`: the JSON Schema of a session file, for editors.

use super::{Outcome, print};

/// Prints the schema.
pub fn run() -> Outcome {
    print(&crate::session::schema::schema_json())
}
