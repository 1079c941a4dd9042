"""The mediaforge API."""
