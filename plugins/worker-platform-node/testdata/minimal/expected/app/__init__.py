"""The thumbnailer API."""
