"""The maintenance worker pool."""
