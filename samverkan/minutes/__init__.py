"""Minutes: notes per agenda item, decisions, approval (justering) and versions."""
