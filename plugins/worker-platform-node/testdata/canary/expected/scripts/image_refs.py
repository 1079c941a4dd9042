"""Writes the image reference each entry of a kustomize ``images:`` list pins.

Usage: python scripts/image_refs.py KUSTOMIZATION OUT_DIR

For every entry it writes ``OUT_DIR/<name>``, holding ``newName[:newTag][@digest]``,
the argument ``kustomize edit set image <name>=...`` takes. promote.yml reads
the images component of the environment it promotes from with it, so the
next environment gets exactly the digests that one runs.
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml


def image_refs(kustomization: dict) -> dict[str, str]:
    """Each image name to the reference its entry pins."""
    refs: dict[str, str] = {}
    for index, entry in enumerate(kustomization.get("images") or []):
        name = entry.get("name")
        if not isinstance(name, str) or not name:
            raise ValueError(f"images[{index}] has no name")
        ref = entry.get("newName") or name
        if entry.get("newTag"):
            ref += f":{entry['newTag']}"
        if entry.get("digest"):
            ref += f"@{entry['digest']}"
        refs[name] = ref
    return refs


def main(argv: list[str]) -> int:
    if len(argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    kustomization = yaml.safe_load(Path(argv[1]).read_text(encoding="utf-8")) or {}
    out = Path(argv[2])
    out.mkdir(parents=True, exist_ok=True)
    for name, ref in image_refs(kustomization).items():
        (out / name).write_text(ref, encoding="utf-8")
        print(f"{name}={ref}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
