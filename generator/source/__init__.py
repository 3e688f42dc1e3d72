"""Stage 1, files → located, validated documents. The only stage that reads content files: YAML
with the line and column of every value (yaml_reader), checked against the schema with errors
pointing into the file (schema_errors), one call per file (read)."""
