"""Plain-text renderings (text extracted from a PDF, web and Markdown text): `reader` drives,
`drafts` cuts lines into drafts, `front` and `meta` read the front matter, `refs` the reference
list, `lines` keeps every string's source map, `sniff` tells PDF text from other text."""
