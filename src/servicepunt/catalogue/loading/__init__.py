"""Reading and validating the catalogue files (pure Python, no database)."""
