"""The FAQ knowledge base: loading and checking `knowledge/`, fuzzy lookup, gaps."""
