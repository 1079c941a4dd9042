"""Celery worker pools, one package per pool."""
