"""Form pages for the node selected in the tree: report header, section, group, measure."""
