# Meeting Point: `make run` to try it, `make test` to check it. Both set everything up.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
FLASK := $(VENV)/bin/flask
export FLASK_APP := wsgi.py
CATALOGS := $(wildcard translations/*/LC_MESSAGES/messages.po)
COMPILED := $(CATALOGS:.po=.mo)
VENDOR := meetingpoint/static/vendor/socket.io.min.js

.PHONY: help setup db run test demo translations lint format bench clean

help:
	@echo "make run           set up, migrate, seed rooms, serve on http://127.0.0.1:5000"
	@echo "make test          set up and run the whole test suite"
	@echo "make demo          load a demo community (then make run)"
	@echo "make translations  extract strings, update and compile the catalogs"
	@echo "make lint          ruff, the import contracts (layers), mypy on chat and forums"
	@echo "make bench         print the benchmark figures"

setup: $(VENV)/.installed $(VENDOR) $(COMPILED)

$(VENV)/.installed: requirements.txt requirements-dev.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $@

node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

# Front-end packages are copied next to our own assets and served from our origin.
$(VENDOR): node_modules/.package-lock.json
	mkdir -p $(dir $@)
	cp node_modules/socket.io-client/dist/socket.io.min.js $@

translations/%/LC_MESSAGES/messages.mo: translations/%/LC_MESSAGES/messages.po $(VENV)/.installed
	$(VENV)/bin/pybabel compile -d translations -l $* --statistics

db: setup
	$(FLASK) db upgrade
	$(FLASK) seed rooms
	$(FLASK) seed academy

run: db
	@echo ""
	@echo "Meeting Point is at http://127.0.0.1:5000"
	@echo "Make yourself an admin (in another terminal): $(FLASK) users create-admin"
	@echo ""
	$(FLASK) run --host 127.0.0.1 --port 5000

demo: db
	$(FLASK) seed demo

# The chat page's protocol rules first, in well under a second (Node's own runner; the
# shell expands the files, since Node 21 and later take no bare directory). Then the suite
# on TEST_WORKERS processes (many tests wait on servers and browsers, so more than the
# cores), each with its own PostgreSQL database; then the fault tests marked `alone`, whose
# timings assume the machine to themselves. The slowest tests are listed each time.
TEST_WORKERS ?= 3
test: setup
	node --test tests/js/*.test.js
	$(VENV)/bin/pytest -q -n $(TEST_WORKERS) -m "not alone" --durations=20
	$(VENV)/bin/pytest -q -m alone --durations=5

translations: $(VENV)/.installed
	$(VENV)/bin/pybabel extract --no-location --sort-output -F babel.cfg -k _l -k lazy_gettext -o translations/messages.pot .
	$(VENV)/bin/pybabel update --no-fuzzy-matching -i translations/messages.pot -d translations
	$(VENV)/bin/pybabel compile -d translations --statistics

# The contracts and mypy's settings are in pyproject.toml; see docs/architecture.md.
lint: $(VENV)/.installed
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports
	$(VENV)/bin/mypy

format: $(VENV)/.installed
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

BENCHES := run side_by_side chat_side_by_side growth chat chat_sends scaled page_weight slow_link dashboard \
	jobs storage thumbnails mail_in invitations

bench: setup
	bash bench/tools.sh
	@for name in $(BENCHES); do \
	  echo "== bench/$$name.py"; began=$$(date +%s); \
	  $(PY) bench/$$name.py || exit 1; \
	  echo "== bench/$$name.py took $$(( $$(date +%s) - began )) s"; \
	done

clean:
	rm -rf $(VENV) node_modules meetingpoint/static/vendor translations/*/LC_MESSAGES/*.mo
