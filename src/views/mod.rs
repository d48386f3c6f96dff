//! Views: what the report commands show, as data. They never read files; renderers print them.
