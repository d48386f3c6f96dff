//! samverkan: a registry of cooperation between Swedish regions and municipalities.
pub mod calendar;
