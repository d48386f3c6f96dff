//! Month arithmetic and the Swedish calendar (being written).
