"""Stage 2, documents → one checked, merged ``Guide``: our content, a clinic's overlay and brand
applied to it (overlay, clinic, brand), every id and link resolved (cross_check), each item
remembering its file (assemble)."""
