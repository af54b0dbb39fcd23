#!/usr/bin/env bash
# Prints one closing line that adds up the JUnit reports of the lanes: "total: N passed, N failed, N skipped".
/usr/bin/python3 - "$@" <<'PY'
import sys
import xml.etree.ElementTree as ET

passed = failed = skipped = 0
for path in sys.argv[1:]:
    try:
        root = ET.parse(path).getroot()
    except (OSError, ET.ParseError):
        print(f"summary: no report at {path} (that lane did not run)")
        failed += 1
        continue
    suites = [root] if root.tag == "testsuite" else list(root.iter("testsuite"))
    for s in suites:
        tests, errors, fails, skips = (int(s.get(k, 0)) for k in ("tests", "errors", "failures", "skipped"))
        passed += tests - errors - fails - skips
        failed += errors + fails
        skipped += skips
print(f"total: {passed} passed, {failed} failed, {skipped} skipped")
PY
