"""Settings presets: base (shared), local (development, the default), test, production."""
