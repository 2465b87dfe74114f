# ClientCare: `make run` and `make test` do all the set-up on a fresh Debian machine.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
ARGS   ?=

# Debian packages Qt needs: offscreen (tests) and a real window (run).
QT_LIBS      := libegl1 libgl1 libxkbcommon0 libfontconfig1 fonts-dejavu-core fonts-noto-cjk libdbus-1-3 libglib2.0-0
QT_X11_LIBS  := libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-render-util0 libxcb-shape0 libxkbcommon-x11-0

.PHONY: run demo test test-pg test-fast lint typecheck format bench bench-pg soak screenshots revision check-qt-libs check-qt-x11-libs translations clean

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
	  { echo "ClientCare needs Python 3.11 or newer ($(PYTHON) is older)."; exit 1; }
	@test -x $(PY) || $(PYTHON) -m venv $(VENV) || \
	  { rm -rf $(VENV); echo "Could not create .venv. On Debian: sudo apt-get install -y python3-venv"; exit 1; }
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[test,dev]"
	@touch $(STAMP)

check-qt-libs:
	@missing=""; for p in $(QT_LIBS); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ] && command -v dpkg-query >/dev/null; then \
	  echo "Qt needs these Debian packages, which are missing:$$missing"; \
	  echo "Install them with:  sudo apt-get install -y$$missing"; exit 1; fi

check-qt-x11-libs: check-qt-libs
	@missing=""; for p in $(QT_X11_LIBS); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ] && command -v dpkg-query >/dev/null; then \
	  echo "A ClientCare window needs these Debian packages, which are missing:$$missing"; \
	  echo "Install them with:  sudo apt-get install -y$$missing"; exit 1; fi

run: check-qt-x11-libs $(STAMP)
	$(PY) main.py $(ARGS)

demo: check-qt-x11-libs $(STAMP)
	$(PY) main.py --demo $(ARGS)

test: check-qt-libs $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest $(ARGS)

# The PostgreSQL half of the suite: a throwaway server (tests/pg_server.sh, needs Debian's
# `postgresql`) runs the tests parametrised over both backends on PostgreSQL, then is removed.
# `make test` with CLIENTCARE_TEST_PG=postgresql+psycopg://... set runs both halves at once.
test-pg: check-qt-libs $(STAMP)
	@test -n "$$(ls /usr/lib/postgresql/*/bin/initdb 2>/dev/null)" || \
	  { echo "make test-pg needs PostgreSQL. On Debian: sudo apt-get install -y postgresql"; exit 1; }
	PYTHON=$(PY) tests/pg_server.sh env QT_QPA_PLATFORM=offscreen $(PY) -m pytest -k postgresql $(ARGS)

lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy

# The typing gate: mypy as configured in pyproject.toml ([tool.mypy]: clientcare/ strict,
# ui/ in the default mode).
typecheck: $(STAMP)
	$(VENV)/bin/mypy

format: $(STAMP)
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

bench: check-qt-libs $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m bench

# A soak test of the real app (tools/soak): a simulated working week of seeded actions on a
# copy of the 10x benchmark practice, offscreen, for SOAK_MINUTES of wall-clock time. Fails on a
# crash, an exception, RSS growing > 10% after the first tenth, or a failed integrity_check.
# make soak SOAK_MINUTES=5 ARGS="--seed 1234"  (a 2-minute version runs in make test)
SOAK_MINUTES ?= 60
soak: check-qt-libs $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m tools.soak --minutes $(SOAK_MINUTES) $(ARGS)

# The main figures on a throwaway PostgreSQL server (tests/pg_server.sh, needs Debian's
# `postgresql`) beside SQLite: the large practice is copied in, measured, then removed.
bench-pg: check-qt-libs $(STAMP)
	@test -n "$$(ls /usr/lib/postgresql/*/bin/initdb 2>/dev/null)" || \
	  { echo "make bench-pg needs PostgreSQL. On Debian: sudo apt-get install -y postgresql"; exit 1; }
	QT_QPA_PLATFORM=offscreen $(PY) -m bench --pg $(ARGS)

# make translations: every tr() string in ui/ into the source catalogue (Qt Linguist .ts);
# a translator adds resources/i18n/clientcare_<lang>.ts, and lrelease makes the .qm the app loads.
# The domain's enum labels (clientcare/*_LABELS, no Qt there) reach lupdate through
# ui/label_strings.py, written first from those tables (context "labels", see ui/labels.py).
translations: $(STAMP)
	@test -x $(VENV)/bin/pyside6-lupdate || { echo "pyside6-lupdate is not in $(VENV)"; exit 1; }
	$(PY) -m ui.labels
	$(VENV)/bin/pyside6-lupdate -no-obsolete $$(find ui -name '*.py' | sort) -ts resources/i18n/clientcare_en.ts
	@for ts in resources/i18n/clientcare_*.ts; do \
	  case $$ts in *_en.ts) ;; *) $(VENV)/bin/pyside6-lrelease $$ts ;; esac; done

# Every main screen and a few dialogs of the demo practice, offscreen, into docs/screenshots/.
screenshots: check-qt-libs $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m tools.screenshots

# make revision m="add a column": a new Alembic revision autogenerated from the models,
# numbered after the newest one (0001, 0002, ...).
revision: $(STAMP)
	rm -f $(VENV)/autogenerate.sqlite3
	$(PY) -c "from clientcare.db.migrate import upgrade; from clientcare.db.engine import make_engine; upgrade(make_engine('$(VENV)/autogenerate.sqlite3'))"
	$(VENV)/bin/alembic -c migrations/alembic.ini revision --autogenerate -m "$(m)" \
	  --rev-id $$(ls migrations/versions | grep -E '^[0-9]{4}_' | sort | tail -1 | cut -c1-4 | awk '{printf "%04d", $$1 + 1}')

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .ruff_cache
