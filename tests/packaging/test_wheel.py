"""A non-editable install carries its reference data (loaders/, queries/, ontology/) and the
vendored JavaScript of the WebGL page with its licences."""
import hashlib
import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_wheel_installs_and_extracts_outside_the_source_tree(tmp_path):
    wheels = tmp_path / "wheels"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(wheels), str(ROOT)],
                   check=True, capture_output=True)
    (wheel,) = wheels.glob("healthgraph-*.whl")
    vendor = "healthgraph/visual/vendor/"
    with zipfile.ZipFile(wheel) as archive:
        shipped = {name[len(vendor):]: archive.read(name) for name in archive.namelist() if name.startswith(vendor)}
    assert {"sigma.min.js", "graphology.umd.min.js", "sigma.LICENSE.txt", "graphology.LICENSE.txt"} <= set(shipped)
    recorded = (ROOT / "src" / vendor / "README.md").read_text(encoding="utf-8")
    for name in ("sigma.min.js", "graphology.umd.min.js"):  # the npm builds, unchanged
        assert f"`{name}` |" in recorded and hashlib.sha256(shipped[name]).hexdigest() in recorded
    # the wheel alone in a folder of its own, ahead of this interpreter's packages (its
    # dependencies, whether this runs in a virtualenv or not); a venv with system site
    # packages would see the base interpreter's, not the active virtualenv's
    target = tmp_path / "installed"
    subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(target), str(wheel)],
                   check=True, capture_output=True)
    article = tmp_path / "a.txt"
    article.write_text("Bệnh viện Bạch Mai ký kết hợp tác với Bệnh viện Đa khoa tỉnh Lai Châu.", encoding="utf-8")
    script = (
        "import healthgraph, healthgraph.resources as r, json, sys;"
        "facts = healthgraph.extract([sys.argv[1]]);"
        "print(json.dumps([str(r.data_dir(n)) for n in ('loaders', 'queries', 'ontology')]));"
        "print(json.dumps([list(p.parties) for p in facts[0].partnerships]))"
    )
    out = subprocess.run([sys.executable, "-c", script, str(article)], cwd=tmp_path, capture_output=True, text=True,
                         env={"PATH": os.environ.get("PATH", ""), "HOME": str(tmp_path), "PYTHONPATH": str(target)})
    assert out.returncode == 0, out.stderr
    dirs, parties = out.stdout.strip().splitlines()
    assert all(d.startswith(str(target / "healthgraph" / "_data")) for d in json.loads(dirs)), dirs
    assert json.loads(parties) == [["bach-mai", "bvdk-lai-chau"]]
