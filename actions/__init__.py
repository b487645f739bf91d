"""The action server: thin adapters from Rasa to the domain code in `bot/`."""
