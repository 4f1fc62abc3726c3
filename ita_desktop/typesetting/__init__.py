"""Thai typesetting: word segmentation, shaped measurement, line breaking, justification."""
