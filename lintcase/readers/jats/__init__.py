"""JATS/NLM XML: `reader` walks the article, `meta` and `people` read its front matter and
reference list, `xmltree` is the expat tree that keeps every character's source offset, `text`
the text of an element with its source map."""
