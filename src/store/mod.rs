//! Every byte the app reads or writes: session files (load, atomic save,
//! the saver thread, the lock), the folder of earlier meetings, and which
//! version of a file is on disk. Nothing else in the crate opens a file.

pub mod document;
pub mod folder;
pub mod identity;
pub mod load;
pub mod lock;
pub mod platform;
pub mod read;
pub mod save;
pub mod saver;

pub use load::{LoadError, Loaded, check_files, load};
