"""FACT Trainer: a terminal game that teaches the FACT method of interest e-commerce."""

__version__ = "0.1.0"
