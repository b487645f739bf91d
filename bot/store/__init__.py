"""The plan store: ORM models, sessions, migrations and plan operations."""
