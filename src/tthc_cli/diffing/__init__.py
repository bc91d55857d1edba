"""tthc diff: the two sides, matching procedures, decisions, the diff result."""
