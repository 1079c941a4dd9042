"""The system worker pool."""
