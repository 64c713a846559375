"""The collaboration's directory: organisations, people, bodies and memberships."""
