"""FACT Trainer's terminal interface (Textual)."""
