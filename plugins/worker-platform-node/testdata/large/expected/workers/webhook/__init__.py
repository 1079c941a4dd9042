"""The webhook worker pool."""
