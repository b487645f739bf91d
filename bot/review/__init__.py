"""The yearly review report of the planning office."""
