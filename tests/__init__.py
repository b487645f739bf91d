"""The test suite (a package, so that tests/actions is not imported as the top-level `actions`)."""
