# Two commands do all the set-up on a fresh machine: `make serve` and `make test`.
# Each creates .venv with the pinned packages when needed; `make test` also installs Debian's
# chromium for the browser tests and Debian's nodejs for the plan builder's script unit tests.

VENV   := .venv
PYTHON := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
# The site engine of build, pdf and offline: mkdocs, or zensical (mkdocs-material's successor).
ENGINE ?= mkdocs
export NO_MKDOCS_2_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: serve build test test-fast test-site test-browser test-js check schema lock browser node clean pdf

PORT ?= 8000
serve: $(STAMP)  ## live preview on http://127.0.0.1:$(PORT) (make serve PORT=8001), rebuilt on every edit; GUIDE_LANGUAGE=es previews another language
	$(PYTHON) -m mkdocs serve --dev-addr 127.0.0.1:$(PORT)

build: $(STAMP) browser  ## the whole site into site/, PDFs included (the last good site stays if the build fails); ENGINE=zensical for Zensical
	$(PYTHON) -m generator site --engine $(ENGINE) --out site

test: $(STAMP) browser node  ## every test: the fast tier, then the site and browser tiers
	$(PYTHON) -m pytest tests/unit tests/site tests/browser

test-fast: $(STAMP) node  ## the fast tier alone: in-process unit tests, no site build, no browser (seconds)
	$(PYTHON) -m pytest tests/unit

test-site: $(STAMP) browser  ## tests of a built site (a real `mkdocs build --strict`, its PDFs and files)
	$(PYTHON) -m pytest tests/site

test-browser: $(STAMP) browser  ## tests in Debian's Chromium: the plan, print, accessibility, privacy, offline
	$(PYTHON) -m pytest tests/browser

test-js: node  ## only the plan builder's script unit tests (tests/js/*.test.js, node --test; no npm packages)
	node --test tests/js/*.test.js

check: $(STAMP)  ## validate the content and templates, write nothing
	$(PYTHON) -m generator check

schema: $(STAMP)  ## regenerate the JSON Schema files editors use
	$(PYTHON) -m generator schema --out schemas

$(STAMP): requirements.txt pyproject.toml
	test -x $(PYTHON) || python3 -m venv $(VENV)
	$(PYTHON) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

browser:  ## Debian's chromium, which Playwright drives (Playwright cannot download its own here), and poppler-utils (pdftoppm draws PDFs in the print tests)
	@test -x /usr/bin/chromium -a -x /usr/bin/pdftoppm || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq --no-install-recommends chromium poppler-utils; }

node:  ## Debian's nodejs, for the plan scripts' unit tests (`node --test`), where `node` is missing
	@command -v node >/dev/null || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq --no-install-recommends nodejs; }

lock:  ## re-pin requirements.txt from the ranges in pyproject.toml
	rm -rf .lock-venv && python3 -m venv .lock-venv
	.lock-venv/bin/pip install --quiet --disable-pip-version-check -e '.[test]'
	{ sed -n '1,2p' requirements.txt; .lock-venv/bin/pip freeze --exclude-editable; } > requirements.new && mv requirements.new requirements.txt
	rm -rf .lock-venv

pdf: $(STAMP) browser  ## only the PDFs (worksheets, pack, handout) into pdf/; `make build` puts them in the site too
	$(PYTHON) -m generator pdf --engine $(ENGINE) --out pdf

clean:
	rm -rf $(VENV) site pdf .cache

.PHONY: readability bench bench-pdf bench-bounds
readability: $(STAMP)  ## the US school grade of every page (exit 1 above grade 8)
	$(PYTHON) -m generator readability

bench: $(STAMP) browser  ## build speed at 1x, 10x and 100x pages (MkDocs and Zensical), asset sizes, the PDFs' CPU against their floor
	$(PYTHON) benchmarks/bench_build.py

bench-pdf: $(STAMP) browser  ## only the PDF set's CPU against one worksheet printed cold (its floor)
	$(PYTHON) benchmarks/bench_pdfs.py

bench-bounds: $(STAMP) browser  ## today's content against each size bound (lists, texts, pages) and the handout's print against the PDF step's
	$(PYTHON) benchmarks/bench_bounds.py --print

.PHONY: offline
offline: $(STAMP) browser  ## the site for use from files (a USB stick), with its PDFs, as dist/guide-offline.zip
	$(PYTHON) -m generator offline --engine $(ENGINE) --out dist/guide-offline.zip
