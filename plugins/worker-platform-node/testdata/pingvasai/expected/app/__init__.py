"""The pingvasai API."""
