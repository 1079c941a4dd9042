"""The default worker pool."""
