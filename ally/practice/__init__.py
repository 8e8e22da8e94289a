"""Practice a hard conversation: the feedback engine, risk cues and session logic."""
