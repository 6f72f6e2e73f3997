"""The shipped fonts (DejaVu Sans, with its licence) and what they and a theme's fonts can draw."""
