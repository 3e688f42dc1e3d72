"""The content schema: one pydantic model per kind of content file (files.py says which), checked on
load and exported as JSON Schema for editors. Page blocks and worksheet fields have packages of
their own (generator/blocks, generator/fields)."""
