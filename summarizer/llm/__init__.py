"""Model-assisted extraction through an OpenAI-compatible endpoint."""
