"""The game itself: scenario format, market engine, scoring, bots. No textual, no rich."""
