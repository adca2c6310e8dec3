//! Holds the catalogue dependency manifest; no code.
