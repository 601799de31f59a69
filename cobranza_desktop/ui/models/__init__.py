"""Table models over paged SQL."""
