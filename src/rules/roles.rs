//! (being written)
use super::Context;
use crate::finding::Finding;
pub static RULES: &[&super::Rule] = &[];
pub fn check(_ctx: &Context, _out: &mut Vec<Finding>) {}
