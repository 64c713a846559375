"""Import of existing minutes: documents → extraction → reviewed meetings, minutes and assignments."""
