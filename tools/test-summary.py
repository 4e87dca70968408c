#!/usr/bin/python3
"""test-summary.py — one line of test results from meson's testlog.json files.

meson's exit status wraps at 256 failures and its JUnit file records a
timeout as a pass; testlog.json (one JSON object per test run) has the truth.
Prints the tests that did not pass, then a last line
"N passed, N failed, N skipped". Exits 1 if anything failed or nothing ran.

Usage: test-summary.py [--failed-step NAME]... testlog.json...
A missing log counts as one failure, as does each --failed-step (a build
that did not finish, for instance).

SPDX-License-Identifier: GPL-3.0-or-later
"""

import json
import sys

PASSED = {"OK", "EXPECTEDFAIL"}
SKIPPED = {"SKIP"}


def main(argv):
    passed = failed = skipped = 0
    problems = []
    logs = []

    args = iter(argv[1:])
    for arg in args:
        if arg == "--failed-step":
            step = next(args, "unnamed step")
            failed += 1
            problems.append(f"FAILED STEP  {step}")
        else:
            logs.append(arg)

    for path in logs:
        try:
            with open(path, encoding="utf-8") as log:
                lines = [line for line in log if line.strip()]
        except OSError as err:
            failed += 1
            problems.append(f"NO LOG       {path}: {err.strerror}")
            continue

        for line in lines:
            try:
                entry = json.loads(line)
            except json.JSONDecodeError:
                failed += 1
                problems.append(f"BAD LOG LINE {path}")
                continue
            result = entry.get("result", "")
            name = entry.get("name", "?")
            if result in PASSED:
                passed += 1
            elif result in SKIPPED:
                skipped += 1
            else:
                failed += 1
                problems.append(f"{result or 'NO RESULT':<12} {name}  ({path})")

    for problem in problems:
        print(problem)
    print(f"{passed} passed, {failed} failed, {skipped} skipped")

    return 1 if failed > 0 or passed + failed == 0 else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
