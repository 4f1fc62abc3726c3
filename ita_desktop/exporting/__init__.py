"""Take reports out: JSON (and Word)."""
