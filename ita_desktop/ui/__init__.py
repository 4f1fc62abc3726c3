"""The Qt desktop editor (the only package that imports Qt widgets)."""
