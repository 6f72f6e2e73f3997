"""The application: which documents a folder yields, writing files whole, init, the reference."""
