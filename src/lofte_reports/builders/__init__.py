"""Builders: one per document kind, each a pure function from model to document tree."""
