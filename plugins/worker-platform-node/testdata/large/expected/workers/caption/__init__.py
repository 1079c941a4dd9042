"""The caption worker pool."""
