"""Meetings of one or more bodies: planning, agenda, invitation, attendance, cancel and move."""
