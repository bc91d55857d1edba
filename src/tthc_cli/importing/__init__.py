"""Importers: the national portal's lists and detail records, and the unit lists, as catalogs."""
