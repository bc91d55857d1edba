"""tthc dedupe-names and apply-renames: parsing and comparing place names, lists, groups, rename
suggestions, renames.
"""
