"""tthc fmt and validate --fix: the safe fixes and the byte-preserving rewriter."""
