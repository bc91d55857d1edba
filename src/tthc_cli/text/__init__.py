"""The one Vietnamese text normalizer: NFC, tones, keys, whitespace, type words, legacy encodings,
did-you-mean.
"""
