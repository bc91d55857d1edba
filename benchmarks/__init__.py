"""Benchmarks for tthc: a corpus generator and parser timings (`python -m benchmarks`)."""
