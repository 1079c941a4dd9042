"""The moderate worker pool."""
