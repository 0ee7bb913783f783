"""Publisher article pages: `reader` picks the publisher profile (publishers.yaml) and the
content, `walker` turns it into blocks, `meta` and `refs` read metadata and the reference list,
`tree` is the HTML tree that keeps every character's source offset."""
