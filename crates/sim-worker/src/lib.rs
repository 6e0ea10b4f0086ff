//! The labs worker.
