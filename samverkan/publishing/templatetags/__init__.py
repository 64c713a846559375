"""Template tags of publishing."""
