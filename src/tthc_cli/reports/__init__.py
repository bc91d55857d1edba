"""Reporters per command (validate, diff, dedupe, stats, search); they import results, never
engines.
"""
