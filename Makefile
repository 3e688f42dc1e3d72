# Two commands do all the set-up on a fresh machine: `make serve` and `make test`.
# Each creates .venv with the pinned packages when needed; `make test` also installs Debian's
# chromium for the browser tests, Debian's nodejs for the plan builder's script unit tests, and the
# W3C Nu HTML Checker and pdf.js (npm's vnu-jar and pdfjs-dist, from package-lock.json into node_modules/; Java
# where missing).

VENV   := .venv
PYTHON := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
# The site engine of build, pdf and offline: mkdocs, or zensical (mkdocs-material's successor).
ENGINE ?= mkdocs
export NO_MKDOCS_2_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: serve build test test-fast test-site test-browser test-js test-install check schema lock browser node vnu java clean pdf

PORT ?= 8000
serve: $(STAMP)  ## live preview of every language on http://127.0.0.1:$(PORT) (another port: make serve PORT=8001), rebuilt on every edit
	$(PYTHON) -m generator serve --port $(PORT)

build: $(STAMP) browser  ## the whole site into site/, PDFs included (the last good site stays if the build fails); ENGINE=zensical for Zensical
	$(PYTHON) -m generator site --engine $(ENGINE) --out site

# The site and browser tiers run in two processes, one a core (pytest-xdist), each taking whole test
# files (a file's module fixtures, such as a site built with faults, are built once); the sites the
# files share are built once for both (tests/conftest.py).
IN_PARALLEL := -n 2 --dist loadfile

test: $(STAMP) browser node vnu  ## every test: the fast tier, then the site and browser tiers, in two processes (the 25 slowest listed at the end)
	$(PYTHON) -m pytest $(IN_PARALLEL) --durations=25 tests/unit tests/site tests/browser

test-fast: $(STAMP) node  ## the fast tier alone: in-process unit tests, no site build, no browser (README gives its measured CPU cost)
	$(PYTHON) -m pytest tests/unit

test-site: $(STAMP) browser vnu  ## tests of a built site (a real `mkdocs build --strict`, its PDFs and files)
	$(PYTHON) -m pytest $(IN_PARALLEL) tests/site

test-browser: $(STAMP) browser  ## tests in Debian's Chromium: the plan, print, accessibility, privacy, offline
	$(PYTHON) -m pytest $(IN_PARALLEL) tests/browser

test-js: node  ## only the plan builder's script unit tests (tests/js/*.test.js, node --test; no npm packages)
	node --test tests/js/*.test.js

# What a `pip install .` gives is enough to run the generator: a fresh virtual environment in a
# scratch folder, the project installed without extras at the pinned versions (requirements.txt as
# constraints), then `check` and a build without PDFs, run from the scratch folder so that Python
# imports the installed generator, not this checkout's. tests/unit/test_declared_dependencies.py
# compares the imports with pyproject.toml; this shows the install works. About a minute.
test-install:  ## install the project without extras into a fresh venv, then run `check` and a build (no PDFs) with it
	@set -e; scratch=$$(mktemp -d); trap 'rm -rf "$$scratch"' EXIT; \
	mkdir "$$scratch/source"; cp -R pyproject.toml LICENSE generator "$$scratch/source/"; \
	python3 -m venv "$$scratch/venv"; \
	"$$scratch/venv/bin/python" -m pip install --quiet --disable-pip-version-check --constraint requirements.txt "$$scratch/source"; \
	cd "$$scratch"; export GUIDE_CLINIC=none GUIDE_CACHE_DIR="$$scratch/cache"; \
	"$$scratch/venv/bin/python" -m generator --root "$(CURDIR)" check; \
	"$$scratch/venv/bin/python" -m generator --root "$(CURDIR)" site --no-pdf --out "$$scratch/site"; \
	echo "test-install: pip install . (no extras) checks and builds the guide"

check: $(STAMP)  ## validate the content and templates, write nothing
	$(PYTHON) -m generator check

schema: $(STAMP)  ## regenerate the JSON Schema files editors use
	$(PYTHON) -m generator schema --out schemas

$(STAMP): requirements.txt pyproject.toml
	test -x $(PYTHON) || python3 -m venv $(VENV)
	$(PYTHON) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

browser:  ## Debian's chromium, which Playwright drives (Playwright cannot download its own here), poppler-utils (pdftoppm draws PDFs in the print tests) and qpdf (checks every PDF made), each where missing
	@missing=""; test -x /usr/bin/chromium || missing="chromium"; test -x /usr/bin/pdftoppm || missing="$$missing poppler-utils"; \
	test -x /usr/bin/qpdf || missing="$$missing qpdf"; \
	test -z "$$missing" || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq --no-install-recommends $$missing; }

node:  ## Debian's nodejs, for the plan scripts' unit tests (`node --test`), where `node` is missing
	@command -v node >/dev/null || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq --no-install-recommends nodejs; }

VNU := node_modules/vnu-jar/build/dist/vnu.jar
vnu: $(VNU) java  ## the W3C Nu HTML Checker and pdf.js the site tests run (npm's vnu-jar and pdfjs-dist, pinned in package-lock.json, into node_modules/)

$(VNU): package.json package-lock.json
	@command -v npm >/dev/null || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq --no-install-recommends npm; }
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $@

java:  ## Debian's Java runtime, which the Nu HTML Checker runs on, where `java` is missing
	@command -v java >/dev/null || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq --no-install-recommends default-jre-headless; }

lock:  ## re-pin requirements.txt from the ranges in pyproject.toml
	rm -rf .lock-venv && python3 -m venv .lock-venv
	.lock-venv/bin/pip install --quiet --disable-pip-version-check -e '.[test]'
	{ sed -n '1,2p' requirements.txt; .lock-venv/bin/pip freeze --exclude-editable; } > requirements.new && mv requirements.new requirements.txt
	rm -rf .lock-venv

pdf: $(STAMP) browser  ## only the PDFs (worksheets, pack, handout) into pdf/; `make build` puts them in the site too
	$(PYTHON) -m generator pdf --engine $(ENGINE) --out pdf

clean:
	rm -rf $(VENV) site pdf .cache node_modules

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
