"""The Zensical adapter: Zensical reads mkdocs.yml but runs none of our MkDocs hooks, so the guide
is handed to it pre-rendered, as Markdown files in a scratch project with a generated config
(build), and the engine-neutral steps of generator/publish/ finish the built site."""
