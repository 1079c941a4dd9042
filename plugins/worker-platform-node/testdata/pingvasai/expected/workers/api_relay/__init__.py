"""The api-relay worker pool."""
