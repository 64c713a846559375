"""Action plans (goals, indicators, activities) and the agreement-goal inventory."""
