"""The MkDocs adapter: the plugin object that hands MkDocs the rendered guide (plugin), the file
mkdocs.yml names as its hook (hook), and the ``mkdocs build`` runs (build)."""
