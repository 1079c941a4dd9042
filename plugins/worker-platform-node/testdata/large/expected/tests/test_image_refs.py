"""The references promote.yml copies from one environment to the next."""

from pathlib import Path

from scripts.image_refs import image_refs, main

REPOSITORY = Path(__file__).parent.parent


def test_a_pinned_entry_keeps_its_tag_and_digest() -> None:
    digest = "sha256:" + "a" * 64
    entry = {"name": "api", "newName": "registry.example/api", "newTag": "1f2e3d", "digest": digest}
    assert image_refs({"images": [entry]}) == {"api": f"registry.example/api:1f2e3d@{digest}"}


def test_an_entry_on_the_bootstrap_tag_has_no_digest() -> None:
    entry = {"name": "gpu", "newName": "registry.example/gpu", "newTag": "bootstrap"}
    assert image_refs({"images": [entry]}) == {"gpu": "registry.example/gpu:bootstrap"}


def test_the_images_component_the_renderer_wrote(tmp_path: Path) -> None:
    source = REPOSITORY / "k8s/overlays/development/images/kustomization.yaml"
    assert main(["image_refs.py", str(source), str(tmp_path)]) == 0
    written = {path.name: path.read_text() for path in tmp_path.iterdir()}
    assert written == {
        "mediaforge-api": (
            "ghcr.io/acme/mediaforge-api:bootstrap"
        ),
        "mediaforge-api-blue": (
            "ghcr.io/acme/mediaforge-api:bootstrap"
        ),
        "mediaforge-api-green": (
            "ghcr.io/acme/mediaforge-api:bootstrap"
        ),
        "mediaforge-render-worker": (
            "ghcr.io/acme/mediaforge-render-worker:bootstrap"
        ),
        "mediaforge-transcode-worker": (
            "ghcr.io/acme/mediaforge-transcode-worker:bootstrap"
        ),
        "mediaforge-caption-worker": (
            "ghcr.io/acme/mediaforge-caption-worker:bootstrap"
        ),
        "mediaforge-moderate-worker": (
            "ghcr.io/acme/mediaforge-moderate-worker:bootstrap"
        ),
        "mediaforge-webhook-worker": (
            "ghcr.io/acme/mediaforge-webhook-worker:bootstrap"
        ),
        "mediaforge-maintenance-worker": (
            "ghcr.io/acme/mediaforge-maintenance-worker:bootstrap"
        ),
    }
