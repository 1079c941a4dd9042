"""Scripts the workflows run."""
