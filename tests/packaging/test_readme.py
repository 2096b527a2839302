"""The README's main command works on a clone of this repository alone."""
from __future__ import annotations

import re
import shlex
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_the_readme_main_job_runs_and_answers(tmp_path):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    first_block = re.search(r"```sh\n(.*?)\n```", readme, re.S).group(1)
    steps = [shlex.split(step) for step in first_block.split("&&")]
    assert steps[0] == ["pip", "install", "."], "the main command installs first"
    store = str(tmp_path / "hg-store")
    outputs = []
    for argv in steps[1:]:
        assert argv[0] == "healthgraph"
        argv = [sys.executable, "-m", "healthgraph"] + [store if a == "hg-store" else a for a in argv[1:]]
        done = subprocess.run(argv, cwd=ROOT, capture_output=True, text=True, timeout=300)
        assert done.returncode == 0, done.stderr
        outputs.append(done.stdout)
    assert "bvdk-phu-tho" in outputs[-1] and "bvdk-lai-chau" in outputs[-1]
    # rows from the example data say so
    assert "Example data for the healthgraph documentation" in outputs[-1]
    assert "healthgraph example article" in outputs[-1]
