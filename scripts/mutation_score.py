"""Per module: mutants killed out of those tested, from `mutmut results --all true`."""

import re
import subprocess
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
mutmut = Path(sys.executable).with_name("mutmut")
output = subprocess.run(
    [str(mutmut), "results", "--all", "true"], capture_output=True, text=True, cwd=ROOT
).stdout
counts = defaultdict(Counter)
for line in output.splitlines():
    match = re.match(r"\s*([\w.]+)\.x[^:]*__mutmut_\d+: (.+)", line)
    if match:
        module, status = match.groups()
        counts[module][status.strip()] += 1
print(f"{'module':40} {'killed':>7} {'survived':>9} {'other':>6} {'score':>6}")
for module, by_status in sorted(counts.items()):
    killed = by_status["killed"]
    survived = by_status["survived"]
    other = sum(by_status.values()) - killed - survived
    score = killed / (killed + survived) if killed + survived else 0
    print(f"{module:40} {killed:7} {survived:9} {other:6} {score:6.0%}")
