"""What the check kinds share: the Hit they yield, the rendering-preference option, option
defaults, fact slots, citation and metadata helpers, and the three-way merge of differences.

Nothing here is a check kind; every other module or package directly in lintcase.checks is."""
