"""The gpu worker pool."""
