"""tthc stats and tthc search over one procedure index."""
