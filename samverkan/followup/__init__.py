"""Follow-up: assignments (uppdrag), their owners and log, and återrapportering."""
