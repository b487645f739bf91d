"""Domain code of the ML Journey Planning Assistant."""
