//! Renderers: turn data from the views (and findings) into text. They compute nothing.

pub mod csv;
pub mod deadline_words;
pub mod findings;
pub mod graph;
pub mod ics;
pub mod json;
pub mod markdown;
pub mod rules;
pub mod sanitize;
pub mod table;
pub mod words;
pub mod xlsx;
