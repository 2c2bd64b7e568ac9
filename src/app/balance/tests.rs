//! The Balance pane's commands on a fixed clock.
