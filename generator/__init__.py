"""The ketamine integration guide generator: content YAML → checked models → Markdown pages.

A plain library: nothing here imports a site engine except the thin adapter modules
``mkdocs_hook`` and ``mkdocs_site``.
"""
