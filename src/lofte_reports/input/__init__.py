"""Files to a validated model, located by file, line and field: readers, limits, messages."""
