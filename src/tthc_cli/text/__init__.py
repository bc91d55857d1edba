"""The one Vietnamese text normalizer: Unicode form (unicode), tone marks (tones), whitespace
(spaces), comparison and identity keys (keys), commune type words (units), legacy encodings
(legacy), did-you-mean (suggest).
"""
