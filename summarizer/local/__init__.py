"""The embedded local model: install, serve, and its backend."""
