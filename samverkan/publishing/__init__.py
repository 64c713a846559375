"""Publishing: minutes and invitations as documents (PDF, DOCX)."""
