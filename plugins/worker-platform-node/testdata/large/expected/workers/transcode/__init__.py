"""The transcode worker pool."""
