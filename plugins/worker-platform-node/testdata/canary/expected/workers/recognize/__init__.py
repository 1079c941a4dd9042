"""The recognize worker pool."""
