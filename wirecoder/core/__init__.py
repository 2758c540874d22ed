"""Small shared helpers, one job per module: text keys (``text``), character spans (``spans``), the
publication date (``dates``) and checked word tables (``wordtable``)."""
