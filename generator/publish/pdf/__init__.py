"""The PDF step: the worksheets (each alone, fillable, and the pack) and the handout, printed by
Chromium from the built site, one module per job:

    printing.py       the step: ``print_all_pdfs(site_dir, guides, project_root)``
    browser.py        the Chromium page that prints
    print_edition.py  the site served ready for paper (links, QR codes)
    sheets.py         every worksheet in one print per paper, then each alone and each language's pack
    split.py          pages of a tagged PDF as a PDF of their own, their structure kept
    forms.py          form fields on the marked places, and answers drawn on their lines
    handout.py        the booklet: laid out once, page numbers filled in, printed once per paper
    metadata.py       titles, subjects, authors
    links.py          no link to this machine
"""

from .printing import print_all_pdfs

__all__ = ["print_all_pdfs"]
