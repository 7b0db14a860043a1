"""The Python package as a user installs it: a wheel built offline with
Debian's setuptools and wheel, with libform4_c.so.1 inside, installed into a
fresh virtual environment in a temporary folder; then, with no FORM4_LIBRARY
and no PYTHONPATH, from another folder: `import form4`, `python -m form4`,
the `form4` console command, and form4.frames when pandas is there.

    python3 install_in_venv.py --library build/capi/libform4_c.so.1 --package capi/python --sample FILE
"""

from __future__ import annotations

import argparse
import os
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile


def run(command, **kwargs):
    done = subprocess.run([str(c) for c in command], capture_output=True, text=True, **kwargs)
    if done.returncode != 0:
        raise SystemExit(f"FAILED: {' '.join(map(str, command))}\n{done.stdout}\n{done.stderr}")
    return done.stdout


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--library", required=True)
    parser.add_argument("--package", required=True, help="capi/python")
    parser.add_argument("--sample", required=True)
    args = parser.parse_args()
    if "asan" in os.environ.get("LD_PRELOAD", ""):
        print("skipped: a sanitizer build (the plain build checks the wheel; pip under ASan only takes long)")
        return 77

    with tempfile.TemporaryDirectory(prefix="form4-venv-") as temp:
        temp = pathlib.Path(temp)
        source = temp / "source"
        shutil.copytree(args.package, source, ignore=shutil.ignore_patterns("build", "*.egg-info", "__pycache__"))
        venv = temp / "venv"
        # System site packages: Debian's setuptools and wheel build it, its pandas serves frames.
        run([sys.executable, "-m", "venv", "--system-site-packages", venv])
        python = venv / "bin" / "python"
        clean = {k: v for k, v in os.environ.items() if k not in ("FORM4_LIBRARY", "PYTHONPATH", "PYTHONHOME")}
        build_env = dict(clean, FORM4_C_LIBRARY=os.path.abspath(args.library))
        wheels = temp / "wheels"
        run([python, "-m", "pip", "wheel", "--no-index", "--no-build-isolation", "--no-deps", "--wheel-dir", wheels,
             source], env=build_env)
        [wheel] = list(wheels.glob("form4-*.whl"))
        if not re.search(r"-cp\d+-cp\d+[a-z]*-linux_", wheel.name):
            raise SystemExit(f"FAILED: {wheel.name} is not tagged for this platform (it carries a shared library)")
        names = zipfile.ZipFile(wheel).namelist()
        if "form4/libform4_c.so.1" not in names:
            raise SystemExit(f"FAILED: {wheel.name} has no form4/libform4_c.so.1: {names}")
        run([python, "-m", "pip", "install", "--no-index", "--no-deps", wheel], env=clean)

        elsewhere = temp / "elsewhere"
        elsewhere.mkdir()
        check = f"""
import os, sys, form4
assert os.path.realpath(form4.library_path).startswith(os.path.realpath({str(venv)!r})), form4.library_path
doc = form4.parse({args.sample!r})
assert doc.issuer.name == "Apple Inc.", doc.issuer.name
try:
    import pandas
except ImportError:
    pandas = None
if pandas is not None:
    frames = form4.frames([{args.sample!r}])
    assert len(frames["NONDERIV_TRANS"]) == 7, len(frames["NONDERIV_TRANS"])
print(form4.__version__, form4.library_path)
"""
        out = run([python, "-c", check], cwd=elsewhere, env=clean)
        version = out.split()[0]
        declared = re.search(r'^version = "([^"]+)"', (source / "pyproject.toml").read_text(), re.M).group(1)
        if version != declared:
            raise SystemExit(f"FAILED: pyproject.toml says {declared}, the library {version}")
        for command in ([venv / "bin" / "form4", args.sample], [python, "-m", "form4", args.sample]):
            out = run(command, cwd=elsewhere, env=clean)
            if "Apple Inc." not in out:
                raise SystemExit(f"FAILED: {command} printed\n{out}")
        print(f"ok: {wheel.name} installed in a fresh venv; import form4, python -m form4 and form4 work")
    return 0


if __name__ == "__main__":
    sys.exit(main())
