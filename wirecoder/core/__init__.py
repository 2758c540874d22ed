"""Small shared helpers, one job per module, language-free and without dependencies: text keys (``text``),
character spans (``spans``), the publication date (``dates``), TIMEX3 values (``time_value``) and checked word
tables (``wordtable``)."""
