"""The format-neutral document tree builders produce and writers draw, and walks over it."""
