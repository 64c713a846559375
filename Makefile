# `make run` sets up and serves the demo; `make test` runs every check.
VENV := .venv
BIN := $(VENV)/bin
PYTHON ?= python3
DEMO_DATABASE_URL ?= sqlite:///$(CURDIR)/var/demo.sqlite3

.PHONY: run test lint setup messages clean chromium screenshots

setup: $(VENV)/.installed node_modules/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@

node_modules/.installed: package.json
	npm install --no-audit --no-fund --loglevel=error
	touch $@

run: setup
	mkdir -p var
	DEBUG=1 DATABASE_URL=$${DATABASE_URL:-$(DEMO_DATABASE_URL)} $(BIN)/samverkan migrate --no-input -v 0
	DEBUG=1 DATABASE_URL=$${DATABASE_URL:-$(DEMO_DATABASE_URL)} $(BIN)/samverkan load-demo
	@echo
	@echo "  Samverkan körs på http://127.0.0.1:8000"
	@echo "  Demoinloggning: alice / samverkan-demo (sekreterare i DOT Nordost)"
	@echo "                  bob / samverkan-demo (ledamot), admin / samverkan-demo (administratör)"
	@echo
	@echo "  E-post skrivs ut här i terminalen av bakgrundsarbetaren (db_worker)."
	DEBUG=1 DATABASE_URL=$${DATABASE_URL:-$(DEMO_DATABASE_URL)} sh -c '$(BIN)/samverkan db_worker --no-reload -v 0 & \
	  trap "kill $$!" EXIT INT TERM; $(BIN)/samverkan serve 127.0.0.1:8000'

lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy samverkan/extraction

# The browser tests drive Debian's chromium; PDFs need Pango for WeasyPrint; the catalogue
# test extracts texts with gettext (needs root).
chromium:
	@command -v chromium >/dev/null 2>&1 && ldconfig -p | grep -q libpangoft2 \
	  && command -v xgettext >/dev/null 2>&1 || { \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
	  chromium libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core gettext >/dev/null; }

test: lint chromium
	@echo "== Tests on SQLite"
	env -u DATABASE_URL $(BIN)/pytest
	@case "$${DATABASE_URL:-}" in \
	  postgres*) echo "== Tests on PostgreSQL ($${DATABASE_URL})"; $(BIN)/pytest ;; \
	  *) echo "== PostgreSQL run skipped: DATABASE_URL does not point at PostgreSQL (set DATABASE_URL=postgres://… to run it)" ;; \
	esac

screenshots: setup chromium
	SAMVERKAN_SCREENSHOTS=1 env -u DATABASE_URL $(BIN)/pytest tests/browser samverkan/publishing

messages: setup
	cd samverkan && DEBUG=1 ../$(BIN)/samverkan makemessages -l en --no-obsolete \
	  && DEBUG=1 ../$(BIN)/samverkan compilemessages

clean:
	rm -rf $(VENV) node_modules var
