# `make play` and `make test` do all the set-up on a fresh machine: they create .venv,
# install the project into it, then play or test. Re-running skips what is done.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
# the gettext catalogs, compiled beside their .po (the game compiles a missing or older one
# in memory; compiled here, launch does not have to). docs/translating.md says the rest.
CATALOGS := $(wildcard trainer/i18n/locale/*/LC_MESSAGES/*.po)
COMPILED := $(CATALOGS:.po=.mo)
BABEL    := $(BIN)/pybabel

.PHONY: play test bench clean messages

play: $(STAMP) $(COMPILED)
	$(BIN)/fact-trainer

test: $(STAMP) $(COMPILED)
	$(BIN)/python -m pytest -q

bench: $(STAMP) $(COMPILED)
	$(BIN)/python -m benchmarks

# trainer/i18n/locale/<lang>/LC_MESSAGES/fact_trainer.mo from its .po
$(COMPILED): %.mo: %.po $(STAMP)
	$(BABEL) -q compile -i $< -o $@ -l $(word 4,$(subst /, ,$<))

# after changing the game's words: extract them from the code into the template, then
# bring every catalog up to date (new messages untranslated, until a translator fills them in)
messages: $(STAMP)
	$(BABEL) -q extract -F babel.cfg -c TRANSLATORS: --no-wrap --sort-by-file --project "FACT Trainer" \
		--copyright-holder "the FACT Trainer authors" -o trainer/i18n/fact_trainer.pot trainer
	$(BABEL) -q update --no-wrap --ignore-obsolete -i trainer/i18n/fact_trainer.pot -d trainer/i18n/locale -D fact_trainer

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "FACT Trainer needs Python 3.11 or newer; set PYTHON=/path/to/python3.11")'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test]'
	touch $(STAMP)

clean:
	rm -rf $(VENV) .pytest_cache .hypothesis $(COMPILED)
