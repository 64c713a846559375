"""Samverkan: meetings, decisions and follow-up for collaboration bodies."""
