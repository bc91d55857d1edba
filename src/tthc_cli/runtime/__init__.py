"""Shared machinery: messages in two languages, errors, atomic writes, the one parallel runner and
collector policy.
"""
