"""scripts/release.sh and scripts/verify-release.sh, on a clone of HEAD (so that the tree
under test is clean whatever the checkout's state), signed with a throwaway key.

One dry run (about a minute: two package builds, the SDKs, ten syft scans) serves every
verification test; each tampering test works on its own copy of the result."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from neuronplane import release

ROOT = Path(__file__).resolve().parents[2]
VERIFY = ROOT / "scripts" / "verify-release.sh"


def _git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True,
                          text=True).stdout


@pytest.fixture(scope="module")
def clone(tmp_path_factory) -> Path:
    if _git(ROOT, "rev-parse", "--is-shallow-repository").strip() != "false":
        pytest.skip("needs the whole git history of the checkout")
    repo = tmp_path_factory.mktemp("clone") / "repo"
    subprocess.run(["git", "clone", "-q", "--shared", str(ROOT), str(repo)], check=True)
    # The npm tools of the checkout, not a second install; ignored like .tools/ is.
    (ROOT / ".tools").mkdir(exist_ok=True)
    (repo / ".tools").symlink_to(ROOT / ".tools")
    with (repo / ".git" / "info" / "exclude").open("a") as f:
        f.write("/.tools\n")
    return repo


@pytest.fixture(scope="module")
def key(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("key") / "release_key"
    subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "test",
                    "-f", str(path)], check=True)
    return path


def _release(repo: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NEURONPLANE_ROOT": str(repo)}
    return subprocess.run([sys.executable, "-m", "neuronplane", "release", *args], cwd=repo,
                          env=env, capture_output=True, text=True)


def _state(repo: Path) -> tuple[str, str, str]:
    return (_git(repo, "rev-parse", "HEAD"), _git(repo, "status", "--porcelain"),
            _git(repo, "tag", "--list"))


def _next_version(repo: Path) -> str:
    major, minor, _ = release.last_version(repo).split("-")[0].split(".")
    return f"{major}.{int(minor) + 1}.0"


@pytest.fixture(scope="module")
def dry_run(clone: Path, key: Path, tmp_path_factory) -> Path:
    before = _state(clone)
    work = tmp_path_factory.mktemp("release")
    version = _next_version(clone)
    result = _release(clone, version, "--dry-run", "--skip-tests", "--key", str(key),
                      "--work-dir", str(work / "w"))
    assert result.returncode == 0, result.stdout + result.stderr
    assert _state(clone) == before, "a dry run changed the checkout"
    assert not (clone / "releases" / version).exists()
    return work / "w" / "src" / "releases" / version


def _verify(folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["bash", str(VERIFY), str(folder), *args], capture_output=True,
                          text=True)


def test_semver_precedence():
    order = ["0.3.0", "0.4.0-alpha", "0.4.0-alpha.1", "0.4.0-alpha.beta", "0.4.0-beta.2",
             "0.4.0-beta.11", "0.4.0-rc.1", "0.4.0", "0.10.0", "1.0.0"]
    assert sorted(reversed(order), key=release.semver_key) == order
    assert release.semver_key("1.0.0+build.5") == release.semver_key("1.0.0")
    for bad in ("v1.0.0", "1.0", "01.0.0", "1.0.0-", "1.0.0-01", "latest"):
        with pytest.raises(release.ReleaseError, match="not a SemVer version"):
            release.semver_key(bad)


def test_dry_run_builds_describes_signs_and_lists_everything(dry_run: Path, clone: Path):
    manifest = json.loads((dry_run / "manifest.json").read_text())
    version = manifest["version"]
    names = {Path(p).name for p in manifest["files"]}
    artifacts = sorted(p.name for p in (dry_run / "artifacts").iterdir()
                       if not p.name.endswith(".sig"))
    # The package and both SDKs, each a wheel and an sdist (Python) or an npm tarball; the
    # console bundle and the chart package (both in this checkout) and, where podman can run,
    # the five images; nothing else.
    packages = {f"neuronplane-{version}-py3-none-any.whl", f"neuronplane-{version}.tar.gz",
                f"neuronplane_client-{version}-py3-none-any.whl",
                f"neuronplane_client-{version}.tar.gz", f"neuronplane-client-{version}.tgz",
                f"neuronplane-console-{version}.tar.gz", f"neuronplane-{version}.tgz"}
    images = {f"neuronplane-{name}-{version}.oci.tar"
              for name in ("db", "migrate", "api", "app", "proxy")}
    assert packages <= set(artifacts), artifacts
    assert set(artifacts) - packages in (set(), images), artifacts
    if set(artifacts) - packages == set():
        assert any("image" in n for n in manifest["skipped"]), manifest["skipped"]
    for artifact in artifacts:
        spdx = json.loads((dry_run / "sbom" / f"{artifact}.spdx.json").read_text())
        assert spdx["spdxVersion"] == "SPDX-2.3"
        cdx = json.loads((dry_run / "sbom" / f"{artifact}.cdx.json").read_text())
        assert cdx["bomFormat"] == "CycloneDX"
        for name in (artifact, f"{artifact}.spdx.json", f"{artifact}.cdx.json"):
            assert name in names and f"{name}.sig" in names
    # The wheel's SBOM names the package it describes, at the new version.
    wheel_sbom = json.loads((dry_run / "sbom" / f"neuronplane-{version}-py3-none-any.whl"
                                                ".spdx.json").read_text())
    assert ("neuronplane", version) in {(p["name"], p.get("versionInfo"))
                                        for p in wheel_sbom["packages"]}
    assert manifest["compatibility"] == {"postgresql": "15", "postgrest": "12.0.2",
                                         "python": ">=3.11", "node": ">=20"}
    assert manifest["tests"] == {"ran": False, "skipped_by": "--skip-tests"}
    assert manifest["sqitch_tag"] == f"@v{version}"
    assert {"pyproject.toml", "sdks/python/pyproject.toml",
            "sdks/typescript/package.json"} <= set(manifest["versioned_files"])
    # Components absent from this checkout are skipped with a note, not silently.
    for part in ("console", "chart", "Containerfile"):
        if not any(part.lower() in f.lower() for f in manifest["versioned_files"]):
            assert any(part.lower() in n.lower() for n in manifest["skipped"]), part
    # The copy it built from carries the version and the sqitch tag.
    src = dry_run.parents[1]
    assert f'version = "{version}"' in (src / "pyproject.toml").read_text()
    assert (src / "sqitch.plan").read_text().splitlines()[-1].startswith(f"@v{version} ")
    # The API description changes in its version line only (written in its own format).
    before = (clone / "api" / "openapi.json").read_text().splitlines()
    after = (src / "api" / "openapi.json").read_text().splitlines()
    assert len(before) == len(after)
    assert [b for a, b in zip(before, after, strict=True) if a != b] == \
        [f'    "version": "{version}"']
    notes = (dry_run / "NOTES.md").read_text()
    head_subject = _git(clone, "log", "-1", "--format=%s").strip()
    assert f"since {manifest['previous']}" in notes and head_subject in notes
    ok = _verify(dry_run)
    assert ok.returncode == 0, ok.stderr
    assert "OK" in ok.stdout


def _tampered(dry_run: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "r"
    shutil.copytree(dry_run, copy)
    return copy


def test_verify_names_an_artifact_with_one_byte_changed(dry_run: Path, tmp_path: Path):
    copy = _tampered(dry_run, tmp_path)
    wheel = next((copy / "artifacts").glob("neuronplane-*.whl"))
    data = bytearray(wheel.read_bytes())
    data[len(data) // 2] ^= 0x01
    wheel.write_bytes(bytes(data))
    result = _verify(copy)
    assert result.returncode == 1
    assert f"artifacts/{wheel.name}: sha256 differs" in result.stderr


def test_verify_names_a_removed_signature(dry_run: Path, tmp_path: Path):
    copy = _tampered(dry_run, tmp_path)
    sig = next((copy / "sbom").glob("*.spdx.json.sig"))
    sig.unlink()
    result = _verify(copy)
    assert result.returncode == 1
    assert sig.name.removesuffix(".sig") in result.stderr and "signature" in result.stderr


def test_verify_names_an_unlisted_file(dry_run: Path, tmp_path: Path):
    copy = _tampered(dry_run, tmp_path)
    (copy / "artifacts" / "extra.tar.gz").write_bytes(b"not released")
    result = _verify(copy)
    assert result.returncode == 1
    assert "artifacts/extra.tar.gz: present but not listed" in result.stderr


def test_verify_refuses_a_manifest_signed_by_another_key(dry_run: Path, tmp_path: Path):
    copy = _tampered(dry_run, tmp_path)
    other = tmp_path / "other"
    subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", str(other)],
                   check=True)
    release.sign(copy / "manifest.json", other)
    result = _verify(copy)
    assert result.returncode == 1
    assert "manifest.json: bad signature" in result.stderr


def test_verify_metadata_only_accepts_missing_artifacts_only(dry_run: Path, tmp_path: Path):
    copy = _tampered(dry_run, tmp_path)
    for path in (copy / "artifacts").iterdir():
        if not path.name.endswith(".sig"):
            path.unlink()
    assert _verify(copy, "--metadata-only").returncode == 0
    missing = _verify(copy)
    assert missing.returncode == 1 and "listed in manifest.json but missing" in missing.stderr
    (copy / "NOTES.md").unlink()
    gone = _verify(copy, "--metadata-only")
    assert gone.returncode == 1 and "NOTES.md: listed in manifest.json but missing" in gone.stderr


@pytest.mark.parametrize(("version", "message"), [
    ("1.0", "is not a SemVer version"),
    ("v9.0.0", "is not a SemVer version"),
    ("0.3.0", "is not greater than the last release 0.3.0"),
    ("0.2.9", "is not greater than the last release"),
    ("0.3.0-rc.1", "is not greater than the last release"),
])
def test_refuses_a_bad_version_and_changes_nothing(clone: Path, key: Path, version: str,
                                                   message: str):
    before = _state(clone)
    result = _release(clone, version, "--skip-tests", "--key", str(key))
    assert result.returncode == 2
    assert message in result.stderr
    assert _state(clone) == before


def test_refuses_a_dirty_tree_and_changes_nothing(clone: Path, key: Path):
    stray = clone / "stray.txt"
    stray.write_text("uncommitted\n")
    try:
        before = _state(clone)
        result = _release(clone, _next_version(clone), "--skip-tests", "--key", str(key))
        assert result.returncode == 2
        assert "the working tree is not clean" in result.stderr and "stray.txt" in result.stderr
        assert _state(clone) == before
    finally:
        stray.unlink()


def test_a_real_run_commits_tags_and_verifies(tmp_path: Path, key: Path, monkeypatch):
    """The part a dry run skips: bringing the release back into the tree. The builds and
    SBOMs are replaced by one small file each (the dry run test covers them)."""
    repo = tmp_path / "repo"
    subprocess.run(["git", "clone", "-q", "--shared", str(ROOT), str(repo)], check=True)
    _git(repo, "config", "user.name", "test")
    _git(repo, "config", "user.email", "test@example.com")

    def build(w: release.Work) -> None:
        (w.out / "artifacts").mkdir()
        artifact = w.out / "artifacts" / f"neuronplane-{w.version}.tar.gz"
        artifact.write_bytes(b"built")
        w.artifacts = [artifact]

    def sbom(w: release.Work, artifact: Path) -> list[Path]:
        path = w.out / "sbom" / f"{artifact.name}.spdx.json"
        path.write_text('{"spdxVersion": "SPDX-2.3"}\n')
        return [path]

    monkeypatch.setattr(release, "build", build)
    monkeypatch.setattr(release, "sbom", sbom)
    version = _next_version(repo)
    head = _git(repo, "rev-parse", "HEAD")
    folder = release.release(repo, version, key, dry_run=False, skip_tests=True,
                             out_dir=tmp_path / "work")
    assert folder == repo / "releases" / version
    assert _git(repo, "status", "--porcelain") == ""
    assert _git(repo, "rev-parse", "HEAD~1") == head
    assert _git(repo, "tag", "--list", f"v{version}").strip() == f"v{version}"
    committed = _git(repo, "show", "--name-only", "--format=", "HEAD").split()
    assert {"pyproject.toml", "sqitch.plan", f"releases/{version}/manifest.json",
            f"releases/{version}/manifest.json.sig"} <= set(committed)
    assert not any("/artifacts/" in p and not p.endswith(".sig") for p in committed)
    assert f'version = "{version}"' in (repo / "pyproject.toml").read_text()
    assert (repo / "sqitch.plan").read_text().splitlines()[-1].startswith(f"@v{version} ")
    # The committed folder (artifacts left out of git) verifies without its artifacts.
    (folder / "artifacts" / f"neuronplane-{version}.tar.gz").unlink(missing_ok=True)
    assert _verify(folder, "--metadata-only").returncode == 0
    # The same version again is not greater than the last.
    with pytest.raises(release.ReleaseError, match="not greater than the last release"):
        release.release(repo, version, key, dry_run=True, skip_tests=True)
