"""tthc validate: the engine, configuration, ignores, the result cache and the rules (one module
each).
"""
