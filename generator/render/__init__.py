"""Stage 3, the Guide → rendered text: Markdown pages (pages), worksheets (worksheets), the
handout (handout), with one Jinja environment (environment); layout names every output path."""
