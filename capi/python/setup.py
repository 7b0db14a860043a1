"""Bundles libform4_c.so.1 into the wheel (pyproject.toml has the rest).

The library is FORM4_C_LIBRARY when set, else the newest
<source root>/build*/capi/libform4_c.so.1. It sits beside the package's
modules, where form4/_capi.py looks first, so the wheel is tagged for this
platform rather than as pure Python.
"""

import glob
import os
import shutil

from setuptools import Distribution, setup
from setuptools.command.build_py import build_py

SONAME = "libform4_c.so.1"
HERE = os.path.dirname(os.path.abspath(__file__))


def find_library() -> str:
    explicit = os.environ.get("FORM4_C_LIBRARY")
    if explicit:
        if not os.path.isfile(explicit):
            raise SystemExit(f"setup.py: FORM4_C_LIBRARY={explicit} is not a file")
        return explicit
    root = os.path.dirname(os.path.dirname(HERE))
    built = glob.glob(os.path.join(root, "build*", "capi", SONAME))
    if not built:
        raise SystemExit(
            f"setup.py: {SONAME} not found: build it (cmake --build build --target form4_c) "
            "or set FORM4_C_LIBRARY to its path")
    return max(built, key=os.path.getmtime)


class build_py_with_library(build_py):
    def run(self):
        super().run()
        target = os.path.join(self.build_lib, "form4", SONAME)
        shutil.copyfile(find_library(), target)   # the file, not a symbolic link to it
        os.chmod(target, 0o755)


class BinaryDistribution(Distribution):
    def has_ext_modules(self):
        return True


setup(cmdclass={"build_py": build_py_with_library}, distclass=BinaryDistribution)
