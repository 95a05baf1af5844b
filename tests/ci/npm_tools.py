"""npm packages the integration tests need, installed once into the build's test cache."""
import os
import pathlib
import shutil
import subprocess


def install(name, packages):
    """Installs `packages` (name@version) under $POLICYLINT_TEST_CACHE/<name>; returns that folder,
    or None when npm is missing."""
    if not shutil.which("npm"):
        return None
    root = pathlib.Path(os.environ.get("POLICYLINT_TEST_CACHE", "build/test-cache")) / name
    stamp = root / ("installed-" + "-".join(p.replace("/", "_") for p in packages))
    if not stamp.exists():
        root.mkdir(parents=True, exist_ok=True)
        subprocess.run(["npm", "install", "--prefix", str(root), "--no-audit", "--no-fund", "--loglevel=error",
                        *packages], check=True, stdout=subprocess.DEVNULL)
        stamp.touch()
    return root
