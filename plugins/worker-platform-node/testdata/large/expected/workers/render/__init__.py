"""The render worker pool."""
