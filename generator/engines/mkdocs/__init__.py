"""The MkDocs adapter: the plugin object that hands MkDocs one rendered edition (plugin), the
in-process ``mkdocs build --strict`` the build driver calls (build), and the file mkdocs.yml names
as its hook for ``mkdocs serve`` (hook)."""
