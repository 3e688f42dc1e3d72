"""Site engines: each builds the rendered guide into a website. MkDocs (engines/mkdocs) is the
only one today; it is a thin adapter, and what acts on the finished site is in generator/publish."""
