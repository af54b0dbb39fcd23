# byoc_qgis — every developer command. `make test` and `make demo` set up what is missing by themselves.
SHELL := /bin/bash
VENV ?= .venv
PY := $(VENV)/bin/python
VERSION := $(shell sed -n 's/^version=//p' metadata.txt)
DIST ?= dist
PYTEST_ARGS ?=
RELIABILITY_ARGS ?=
QGIS_PROFILE_PLUGINS ?= $(HOME)/.local/share/QGIS/QGIS3/profiles/default/python/plugins

.PHONY: help setup test test-host test-ltr lint package deploy bench clean translations translations-update ltr-chroot demo docs-screenshots \
	reliability reliability-ltr

help:
	@echo "make test      - set up what is missing, run the whole suite in both QGIS lanes (3.22 host, 3.40 LTR)"
	@echo "make test-host - the suite on the host's QGIS only;  make test-ltr - in the Debian 13 chroot only"
	@echo "make reliability - issue 11's reliability suite (R1-R8) as one table of figures, PASS/FAIL (~4 min);"
	@echo "                   make reliability-ltr - the same in the LTR chroot; RELIABILITY_ARGS='--only R1,R3 --tiles 50'"
	@echo "make lint | package | deploy | bench | clean"
	@echo "make docs-screenshots - copy the gui tests' screenshots into docs/images (DOCS_ARGS='--run' runs those tests first)"

setup:
	@BYOC_LANE=host scripts/setup.sh $(VENV)

# The LTR chroot (debootstrap, QGIS packages, venv: minutes of downloads) is prepared while the host lane runs.
test:
	@rm -f artifacts/reports/host.xml artifacts/reports/ltr.xml; host=0; ltr=0; mkdir -p artifacts; \
	$(MAKE) --no-print-directory setup || exit 1; \
	echo "=== preparing the LTR chroot in the background (log: artifacts/ltr-setup.log)"; \
	( scripts/ltr.sh run true >artifacts/ltr-setup.log 2>&1 ) & prep=$$!; \
	$(MAKE) --no-print-directory test-host || host=$$?; \
	wait $$prep || { echo "LTR chroot preparation failed; its log ends:"; tail -n 40 artifacts/ltr-setup.log; }; \
	$(MAKE) --no-print-directory test-ltr || ltr=$$?; \
	scripts/summary.sh artifacts/reports/host.xml artifacts/reports/ltr.xml; \
	if [ $$host != 0 ] || [ $$ltr != 0 ]; then echo "make test: FAILED (host rc=$$host, ltr rc=$$ltr)"; exit 1; fi

test-host: setup
	@echo "=== lane host: $$(/usr/bin/python3 -c 'from qgis.core import Qgis; print("QGIS", Qgis.version())' 2>/dev/null)"
	@scripts/run-tests.sh $(VENV) host $(PYTEST_ARGS)

test-ltr: ltr-chroot
	@scripts/ltr.sh run bash -c 'echo "=== lane ltr: $$(python3 -c "from qgis.core import Qgis; print(\"QGIS\", Qgis.version())" 2>/dev/null)"; scripts/run-tests.sh .cache/venv-ltr ltr $(PYTEST_ARGS)'

ltr-chroot:
	@scripts/ltr.sh build

lint: setup
	$(VENV)/bin/ruff check byoc_qgis localhub tests benchmarks scripts
	$(VENV)/bin/ruff format --check byoc_qgis localhub tests benchmarks scripts

translations:
	@mkdir -p byoc_qgis/i18n
	@for ts in i18n/*.ts; do \
		[ -e "$$ts" ] || continue; \
		lrelease -silent "$$ts" -qm "byoc_qgis/i18n/$$(basename "$${ts%.ts}").qm"; \
	done

translations-update:
	@/usr/bin/python3 scripts/update_translations.py

package: setup translations
	@rm -rf build/deploy && mkdir -p build/deploy $(DIST)
	@cd byoc_qgis && yes | ../$(VENV)/bin/pb_tool zip --config_file ../pb_tool.cfg -p ../build/deploy --no-docs >/dev/null
	@# pb_tool stamps the git commit's SHA-1 into the zipped metadata.txt; the repository's secret scan (detect-secrets)
	@# reports any 40-hex string as a possible secret, so that line leaves the zip (commitNumber and dateTime stay)
	@sed -i '/^commitSha1 *=/d' build/deploy/byoc_qgis/metadata.txt
	@cd build/deploy && zip -q ../../byoc_qgis/byoc_qgis.zip byoc_qgis/metadata.txt
	@mv byoc_qgis/byoc_qgis.zip $(DIST)/byoc_qgis-$(VERSION).zip
	@echo "package: $(DIST)/byoc_qgis-$(VERSION).zip"

deploy: setup translations
	@cd byoc_qgis && ../$(VENV)/bin/pb_tool deploy --config_file ../pb_tool.cfg -p "$(QGIS_PROFILE_PLUGINS)" --no-confirm --no-docs
	@echo "deployed to $(QGIS_PROFILE_PLUGINS)/byoc_qgis"

docs-screenshots:
	@/usr/bin/python3 scripts/docs_screenshots.py $(DOCS_ARGS)

bench: setup
	@scripts/run-bench.sh $(VENV)

demo:
	@scripts/demo.sh $(VENV)

reliability: setup
	@$(PY) scripts/reliability.py $(RELIABILITY_ARGS)

reliability-ltr: ltr-chroot
	@scripts/ltr.sh run bash -c '.cache/venv-ltr/bin/python scripts/reliability.py $(RELIABILITY_ARGS)'

clean:
	@if mount | grep -q "$(CURDIR)/.cache/trixie-root/"; then echo "clean: chroot still mounted, not removing"; exit 1; fi
	rm -rf build dist artifacts .venv .cache .pytest_cache .ruff_cache byoc_qgis/i18n
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
