"""The ocr API."""
