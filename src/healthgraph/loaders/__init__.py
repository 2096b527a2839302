"""Loaders of curated (structured) agreement files."""
