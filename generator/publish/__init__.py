"""Stage 4, rendered text → files: folders the generator owns, replaced whole or not at all
(owned_folders); steps over a finished site that any engine's output can go through (finish:
the CSP, the service worker); the PDFs (pdfs), the offline copy (offline_copy) and a new clinic's
folder (clinic_scaffold)."""
