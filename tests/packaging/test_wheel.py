"""A non-editable install carries its reference data (loaders/, queries/, ontology/)."""
import json
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_wheel_installs_and_extracts_outside_the_source_tree(tmp_path):
    wheels = tmp_path / "wheels"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(wheels), str(ROOT)],
                   check=True, capture_output=True)
    (wheel,) = wheels.glob("healthgraph-*.whl")
    env_dir = tmp_path / "venv"
    venv.create(env_dir, system_site_packages=True, with_pip=True)  # dependencies come from this machine
    python = env_dir / "bin" / "python"
    subprocess.run([str(python), "-m", "pip", "install", "--no-deps", "-q", str(wheel)], check=True,
                   capture_output=True)
    article = tmp_path / "a.txt"
    article.write_text("Bệnh viện Bạch Mai ký kết hợp tác với Bệnh viện Đa khoa tỉnh Lai Châu.", encoding="utf-8")
    script = (
        "import healthgraph, healthgraph.resources as r, json, sys;"
        "facts = healthgraph.extract([sys.argv[1]]);"
        "print(json.dumps([str(r.data_dir(n)) for n in ('loaders', 'queries', 'ontology')]));"
        "print(json.dumps([list(p.parties) for p in facts[0].partnerships]))"
    )
    out = subprocess.run([str(python), "-c", script, str(article)], cwd=tmp_path, capture_output=True, text=True,
                         env={"PATH": str(env_dir / "bin"), "HOME": str(tmp_path)})
    assert out.returncode == 0, out.stderr
    dirs, parties = out.stdout.strip().splitlines()
    assert all("site-packages/healthgraph/_data" in d for d in json.loads(dirs))
    assert json.loads(parties) == [["bach-mai", "bvdk-lai-chau"]]
