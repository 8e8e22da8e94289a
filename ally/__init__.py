"""ally: a command-line companion for people supporting someone with their mental health."""

__version__ = "0.1.0"
