"""The command line behind run.py: one module per command group, no business logic."""
