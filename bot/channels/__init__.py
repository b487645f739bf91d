"""Chat channels: the authenticated web chat and the Slack connector."""
