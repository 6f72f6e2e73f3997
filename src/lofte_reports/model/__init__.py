"""The domain: a pledge, its theme, its follow-up records, calendar values and statuses.

Imports nothing of the layers above it (input, compute, builders, writers, app).
"""
