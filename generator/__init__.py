"""The ketamine integration guide generator, laid out by pipeline stage, data flowing one way:

    source/ → guide/ → render/ → publish/      (files → documents → Guide → text → files)

with the page block types in blocks/ and worksheet field types in fields/ (one module each), the
content models in schema/, the site engine as a thin adapter in engines/mkdocs/, and checks beside
the pipeline in quality/. Nothing outside engines/ imports a site engine. pipeline.py runs the
stages in one call; cli.py is the command line.
"""
