//! Renderers: turn data from the views (and findings) into text. They compute nothing.

pub mod findings;
pub mod rules;
pub mod sanitize;
