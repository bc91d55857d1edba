"""tthc: tools for Vietnam's commune-level administrative-procedure (TTHC) catalogs."""

__version__ = "0.1.0"
