"""`tthc site`: the catalogs as a static website that needs no server and no network.

It sits above the features it shows (index for rows, figures and search; diffing for "what
changed"; names for collisions) and below the CLI: `build.build_site` is the one entry.
"""
