"""The domain: pydantic models and their JSON Schema, codes, dates, provinces, legal documents."""
