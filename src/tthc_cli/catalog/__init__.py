"""Reading catalogs from disk: discovery, bytes and encodings, the positioned and the fast parser,
documents, spreadsheets, value spans.
"""
