"""`neuronplane release VERSION [--dry-run]` (scripts/release.sh): one command that versions,
builds, describes (SBOM), signs and lists a release under releases/VERSION/.

The work happens in a copy of HEAD (a temporary folder): a dry run stops there and changes
nothing in the tree; a real run then copies the version bumps, the sqitch tag and
releases/VERSION/ back, commits them and tags the commit vVERSION. See docs/releasing.md.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from . import config

# semver.org's recommended pattern (no leading "v").
SEMVER = re.compile(
    r"^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)"
    r"(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?"
    r"(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$")
# The signature namespace and the principal in allowed_signers: a signature made for
# something else (a git commit, another project) does not verify as a release file.
SIG_NAMESPACE = "neuronplane-release"
SIG_PRINCIPAL = "release@neuronplane"
COMPATIBILITY = {"postgresql": "15", "postgrest": "12.0.2", "python": ">=3.11", "node": ">=20"}
# Files of a release folder that are not signed themselves.
UNSIGNED = ("allowed_signers", "signing-key.pub")


class ReleaseError(Exception):
    """A refusal: the message says what to do."""


def semver_key(version: str) -> tuple:
    """Sort key with SemVer 2.0 precedence (a pre-release sorts before its release; build
    metadata is ignored)."""
    m = SEMVER.match(version)
    if not m:
        raise ReleaseError(f"{version!r} is not a SemVer version (MAJOR.MINOR.PATCH[-pre][+build])")
    major, minor, patch, pre, _ = m.groups()
    if pre is None:
        pre_key: tuple = (1,)
    else:
        pre_key = (0, *[(0, int(p), "") if p.isdigit() else (1, 0, p) for p in pre.split(".")])
    return (int(major), int(minor), int(patch), pre_key)


def _git(root: Path, *args: str, check: bool = True) -> str:
    result = subprocess.run(["git", *args], cwd=root, capture_output=True, text=True)
    if check and result.returncode != 0:
        raise ReleaseError(f"git {' '.join(args)} failed: {result.stderr.strip()}")
    return result.stdout


def released_versions(root: Path) -> set[str]:
    """Every version released so far: git tags vX.Y.Z, sqitch plan tags @vX.Y.Z and
    releases/X.Y.Z folders."""
    found = {t[1:] for t in _git(root, "tag", "--list", "v*").split()}
    plan = (root / "sqitch.plan").read_text()
    found |= set(re.findall(r"(?m)^@v(\S+)\s", plan))
    if (root / "releases").is_dir():
        found |= {p.name for p in (root / "releases").iterdir() if p.is_dir()}
    return {v for v in found if SEMVER.match(v)}


def last_version(root: Path) -> str | None:
    versions = released_versions(root)
    return max(versions, key=semver_key) if versions else None


def check_version(root: Path, version: str) -> str | None:
    """Refuse a non-SemVer version or one not greater than the last release."""
    key = semver_key(version)
    last = last_version(root)
    if last is not None and key <= semver_key(last):
        raise ReleaseError(f"version {version} is not greater than the last release {last}")
    return last


def check_clean(root: Path) -> None:
    status = _git(root, "status", "--porcelain", "--untracked-files=normal")
    if status.strip():
        raise ReleaseError("the working tree is not clean (commit or stash first):\n" + status)


def last_release_ref(root: Path, last: str | None) -> str | None:
    """The commit of the last release: its git tag, else the commit that added its sqitch
    tag to the plan."""
    if last is None:
        return None
    if _git(root, "rev-parse", "-q", "--verify", f"refs/tags/v{last}", check=False).strip():
        return f"v{last}"
    commits = _git(root, "log", "--format=%H", f"-S\n@v{last} ", "--", "sqitch.plan").split()
    return commits[-1] if commits else None


def release_notes(root: Path, version: str, last: str | None) -> str:
    ref = last_release_ref(root, last)
    rng = f"{ref}..HEAD" if ref else "HEAD"
    log = _git(root, "log", "--no-merges", "--format=- %s (%h)", rng).strip()
    since = f"since {last}" if last else "(first release)"
    return (f"# neuronplane {version}\n\nChanges {since}:\n\n{log or '- (no commits)'}\n")


# ---------------------------------------------------------------- versions everywhere


@dataclass
class Work:
    root: Path            # the checkout the release is cut from
    work: Path            # the copy that is versioned and built
    out: Path             # releases/VERSION inside the copy
    version: str
    notes: list[str] = field(default_factory=list)   # what was skipped, and why
    carriers: list[str] = field(default_factory=list)
    artifacts: list[Path] = field(default_factory=list)

    def note(self, text: str) -> None:
        self.notes.append(text)
        print(f"release: note: {text}", flush=True)


def _sub(path: Path, pattern: str, repl: str, count: int = 0) -> bool:
    text = path.read_text()
    new, n = re.subn(pattern, repl, text, count=count, flags=re.MULTILINE)
    if n:
        path.write_text(new)
    return bool(n)


def set_versions(w: Work) -> None:
    """Write the version into every file that carries one; a component that does not exist
    (yet) in this checkout is skipped with a note."""
    from . import openapi, sdkgen
    v, work = w.version, w.work
    if _sub(work / "pyproject.toml", r'^version = ".*"$', f'version = "{v}"', count=1):
        w.carriers.append("pyproject.toml")
    init = work / "src" / "neuronplane" / "__init__.py"
    if _sub(init, r'^__version__ = ".*"$', f'__version__ = "{v}"', count=1):
        w.carriers.append("src/neuronplane/__init__.py")
    spec = work / "api" / "openapi.json"
    if spec.is_file():
        data = json.loads(spec.read_text())
        data.setdefault("info", {})["version"] = v
        spec.write_text(openapi.dumps(data))  # the generator's own format
        w.carriers.append("api/openapi.json")
    sdkgen.set_versions(work)
    w.carriers += [str(sdkgen.PY_PROJECT), str(sdkgen.TS_PACKAGE)]

    console = work / "console" / "package.json"
    if console.is_file():
        for name in ("package.json", "package-lock.json"):
            path = console.parent / name
            if path.is_file():
                data = json.loads(path.read_text())
                data["version"] = v
                if "" in data.get("packages", {}):
                    data["packages"][""]["version"] = v
                path.write_text(json.dumps(data, indent=2) + "\n")
                w.carriers.append(f"console/{name}")
    else:
        w.note("no console/ in this checkout: console version and bundle skipped")

    charts = sorted((work / "charts").glob("*/Chart.yaml")) if (work / "charts").is_dir() else []
    for chart in charts:
        _sub(chart, r"^version:.*$", f"version: {v}", count=1)
        _sub(chart, r"^appVersion:.*$", f'appVersion: "{v}"', count=1)
        w.carriers.append(str(chart.relative_to(work)))
    if not charts:
        w.note("no charts/*/Chart.yaml in this checkout: chart version and package skipped")

    files = sorted((work / "docker").glob("*/Containerfile")) if (work / "docker").is_dir() \
        else []
    for cf in files:
        # The OCI label org.opencontainers.image.version reads this build argument.
        if _sub(cf, r"^ARG VERSION=.*$", f"ARG VERSION={v}"):
            w.carriers.append(str(cf.relative_to(work)))
    if not files:
        w.note("no docker/*/Containerfile in this checkout: image labels and images skipped")


def sqitch_tag(w: Work) -> None:
    env = {**os.environ, "SQITCH_FULLNAME": "neuronplane release",
           "SQITCH_EMAIL": "maintainers@neurondb.dev"}
    result = subprocess.run(["sqitch", "tag", f"v{w.version}", "-n", f"Release {w.version}."],
                            cwd=w.work, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise ReleaseError(f"sqitch tag failed: {result.stderr.strip()}")


# ---------------------------------------------------------------- build


def _run(argv: list[str], cwd: Path, what: str, env: dict | None = None) -> str:
    result = subprocess.run(argv, cwd=cwd, capture_output=True, text=True, env=env)
    if result.returncode != 0:
        raise ReleaseError(f"{what} failed:\n{result.stdout[-3000:]}{result.stderr[-3000:]}")
    return result.stdout


def _deterministic_tar(source: Path, target: Path, prefix: str, epoch: int) -> None:
    """A gzipped tar of source under prefix/, with sorted entries and fixed owners and
    times (the commit's): the same tree gives the same tar."""

    def clean(info: tarfile.TarInfo) -> tarfile.TarInfo:
        info.uid = info.gid = 0
        info.uname = info.gname = ""
        info.mtime = epoch
        return info

    with tarfile.open(target, "w:gz", format=tarfile.PAX_FORMAT) as tar:
        for path in sorted(source.rglob("*")):
            rel = path.relative_to(source)
            tar.add(path, arcname=f"{prefix}/{rel}", recursive=False, filter=clean)


def build(w: Work) -> None:
    art = w.out / "artifacts"
    art.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "NEURONPLANE_ROOT": str(w.work),
           "SOURCE_DATE_EPOCH": os.environ.get("SOURCE_DATE_EPOCH", str(_commit_time(w.root)))}
    _run([sys.executable, "-m", "build", "--no-isolation", "--outdir", str(art), str(w.work)],
         w.work, "the Python package build", env)
    # The SDKs through the project's own command.
    _run([sys.executable, "-m", "neuronplane", "sdk", "build", "--out", str(art)], w.work,
         "neuronplane sdk build", env)
    console = w.work / "console"
    if (console / "package.json").is_file():
        _run(["npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"], console, "npm ci",
             env)
        _run(["npm", "run", "build"], console, "the console build", env)
        _deterministic_tar(console / "dist", art / f"neuronplane-console-{w.version}.tar.gz",
                           f"neuronplane-console-{w.version}", int(env["SOURCE_DATE_EPOCH"]))
    for chart in sorted((w.work / "charts").glob("*/Chart.yaml")) \
            if (w.work / "charts").is_dir() else []:
        # What `helm package` writes: the chart folder, gzipped, as NAME-VERSION.tgz.
        _deterministic_tar(chart.parent, art / f"{chart.parent.name}-{w.version}.tgz",
                           chart.parent.name, int(env["SOURCE_DATE_EPOCH"]))
    build_images(w, art)
    w.artifacts = sorted(p for p in art.iterdir() if p.is_file())


def _commit_time(root: Path) -> int:
    return int(_git(root, "log", "-1", "--format=%ct").strip() or 0)


def build_images(w: Work, art: Path) -> None:
    """Each image as an OCI archive, built by the containers module (it stages the wheels
    and PostgREST the images copy, and makes the base image from Debian's packages) when
    the checkout has one and podman can run; otherwise skipped with a note."""
    if not any((w.work / "docker").glob("*/Containerfile")):
        return
    try:
        from . import containers  # type: ignore[attr-defined]
    except ImportError:
        w.note("docker/ has Containerfiles but this checkout has no neuronplane.containers "
               "to build them: container images not built")
        return
    reason = containers.unusable_reason(w.work)
    if reason is None and not containers.engine(w.work).is_podman:
        reason = "docker cannot write OCI archives (`podman save --format oci-archive`)"
    if reason:
        w.note(f"container images not built: {reason}")
        return
    engine = containers.engine(w.work)
    built = containers.build(w.work, tag=w.version, log=lambda m: print(f"release: {m}"))
    for name, ref in built.items():
        engine.run("save", "--format", "oci-archive", "-o",
                   str(art / f"neuronplane-{name}-{w.version}.oci.tar"), ref)


# ---------------------------------------------------------------- SBOM, signatures, manifest


def syft_bin() -> str:
    found = shutil.which("syft") or str(Path(sys.executable).with_name("syft"))
    if not Path(found).exists():
        raise ReleaseError("syft is not installed (./neuronplane installs it: "
                           "requirements-dev.lock)")
    return found


def sbom(w: Work, artifact: Path) -> list[Path]:
    """SPDX 2.3 JSON and CycloneDX JSON of one artifact, from its unpacked contents (syft
    reads the package metadata inside: dist-info, PKG-INFO, package.json, image layers)."""
    folder = w.out / "sbom"
    spdx, cdx = folder / f"{artifact.name}.spdx.json", folder / f"{artifact.name}.cdx.json"
    env = {**os.environ, "SYFT_CHECK_FOR_APP_UPDATE": "false"}
    with tempfile.TemporaryDirectory(prefix="np-sbom-") as tmp:
        if artifact.name.endswith(".oci.tar"):
            source = f"oci-archive:{artifact}"
        else:
            shutil.unpack_archive(artifact, tmp, "zip" if artifact.suffix == ".whl" else "gztar")
            source = f"dir:{tmp}"
        _run([syft_bin(), "scan", source, "-q", "--source-name", artifact.name,
              "--source-version", w.version, "-o", f"spdx-json={spdx}",
              "-o", f"cyclonedx-json={cdx}"], w.work, f"syft over {artifact.name}", env)
    return [spdx, cdx]


def sign(path: Path, key: Path) -> Path:
    sig = path.with_name(path.name + ".sig")
    sig.unlink(missing_ok=True)
    result = subprocess.run(["ssh-keygen", "-q", "-Y", "sign", "-f", str(key),
                             "-n", SIG_NAMESPACE, str(path)], capture_output=True, text=True,
                            stdin=subprocess.DEVNULL)
    if result.returncode != 0:
        raise ReleaseError(f"ssh-keygen -Y sign failed on {path.name}: {result.stderr.strip()}")
    return sig


def publish_key(out: Path, key: Path) -> None:
    pub = Path(str(key) + ".pub")
    if pub.is_file():
        text = pub.read_text().strip()
    else:
        text = _run(["ssh-keygen", "-y", "-f", str(key)], out, "ssh-keygen -y").strip()
    keytype, blob = text.split()[:2]
    (out / "signing-key.pub").write_text(f"{keytype} {blob} {SIG_PRINCIPAL}\n")
    (out / "allowed_signers").write_text(
        f'{SIG_PRINCIPAL} namespaces="{SIG_NAMESPACE}" {keytype} {blob}\n')


def sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def write_manifest(w: Work, last: str | None, tests: dict) -> Path:
    files = sorted(p for p in w.out.rglob("*") if p.is_file()
                   and p.name not in ("manifest.json", "manifest.json.sig"))
    manifest = {
        "name": "neuronplane",
        "version": w.version,
        "previous": last,
        "revision": _git(w.root, "rev-parse", "HEAD").strip(),
        "sqitch_tag": f"@v{w.version}",
        "components": {
            "neuronplane": w.version, "neuronplane-client (Python)": w.version,
            "neuronplane-client (TypeScript)": w.version,
            **({"console": w.version} if (w.work / "console" / "package.json").is_file() else {}),
            **({"chart": w.version} if any(w.work.glob("charts/*/Chart.yaml")) else {}),
        },
        "compatibility": COMPATIBILITY,
        "tests": tests,
        "versioned_files": w.carriers,
        "skipped": w.notes,
        "signature": {"tool": "ssh-keygen -Y", "namespace": SIG_NAMESPACE,
                      "principal": SIG_PRINCIPAL, "allowed_signers": "allowed_signers"},
        "files": {str(p.relative_to(w.out)): {"sha256": sha256(p), "size": p.stat().st_size}
                  for p in files},
    }
    path = w.out / "manifest.json"
    path.write_text(json.dumps(manifest, indent=2) + "\n")
    return path


# ---------------------------------------------------------------- the command


def run_tests(root: Path) -> dict:
    started = time.monotonic()
    result = subprocess.run([str(root / "neuronplane"), "test"], cwd=root)
    if result.returncode != 0:
        raise ReleaseError("the tests failed: no release (see the summary above)")
    return {"ran": True, "passed": True, "seconds": round(time.monotonic() - started)}


def copy_head(root: Path, work: Path) -> None:
    """HEAD's files (the tree is clean, so they are the tree's) into work; the untracked
    tool folder is linked so that the npm tools are not installed again."""
    work.mkdir(parents=True)
    archive = subprocess.run(["git", "archive", "--format=tar", "HEAD"], cwd=root,
                             capture_output=True, check=True).stdout
    subprocess.run(["tar", "-x", "-C", str(work)], input=archive, check=True)
    (root / ".tools").mkdir(exist_ok=True)
    (work / ".tools").symlink_to(root / ".tools")


def release(root: Path, version: str, key: Path | None, dry_run: bool, skip_tests: bool,
            out_dir: Path | None = None) -> Path:
    check_clean(root)
    last = check_version(root, version)
    if key is None or not key.is_file():
        raise ReleaseError("give the signing key with --key PATH (an OpenSSH private key; "
                           "or NEURONPLANE_RELEASE_KEY)")
    tests = {"ran": False, "skipped_by": "--skip-tests"} if skip_tests else run_tests(root)
    tmp = Path(out_dir) if out_dir else Path(tempfile.mkdtemp(prefix=f"np-release-{version}-"))
    w = Work(root, tmp / "src", tmp / "src" / "releases" / version, version)
    print(f"release: {version} (previous {last or 'none'}) in {w.work}", flush=True)
    copy_head(root, w.work)
    set_versions(w)
    sqitch_tag(w)
    w.out.mkdir(parents=True)
    build(w)
    # syft spends most of a run waiting, not computing: a few at a time.
    (w.out / "sbom").mkdir()
    with ThreadPoolExecutor(max_workers=4) as pool:
        list(pool.map(lambda artifact: sbom(w, artifact), w.artifacts))
    (w.out / "NOTES.md").write_text(release_notes(root, version, last))
    publish_key(w.out, key)
    for path in sorted(p for p in w.out.rglob("*") if p.is_file() and p.name not in UNSIGNED):
        sign(path, key)
    sign(write_manifest(w, last, tests), key)
    if dry_run:
        print(f"release: dry run: {w.out} (nothing in {root} changed)")
        return w.out
    return _commit(w)


def _commit(w: Work) -> Path:
    """Bring the versioned files, the plan and releases/VERSION back into the tree, commit
    and tag. Binary artifacts stay out of git (releases/*/artifacts/ is ignored); the
    release workflow uploads them."""
    changed = [*w.carriers, "sqitch.plan"]
    for rel in changed:
        shutil.copy2(w.work / rel, w.root / rel)
    target = w.root / "releases" / w.version
    shutil.copytree(w.out, target)
    _git(w.root, "add", "--", *changed, f"releases/{w.version}")
    _git(w.root, "commit", "-q", "-m", f"Release {w.version}", "-m",
         f"Versions, the sqitch tag @v{w.version} and the signed manifest, SBOMs and notes "
         "(scripts/release.sh).")
    _git(w.root, "tag", "-a", f"v{w.version}", "-m", f"neuronplane {w.version}")
    print(f"release: {target} committed and tagged v{w.version}")
    return target


def _cmd(args: argparse.Namespace) -> int:
    key = args.key or os.environ.get("NEURONPLANE_RELEASE_KEY")
    try:
        release(config.project_root(), args.version, Path(key) if key else None,
                args.dry_run, args.skip_tests, Path(args.work_dir) if args.work_dir else None)
    except ReleaseError as exc:
        print(f"release: refused: {exc}", file=sys.stderr)
        return 2
    return 0


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("release", help="cut a release: versions, sqitch tag, builds, SBOMs, "
                       "signatures, manifest (scripts/release.sh; docs/releasing.md)")
    p.add_argument("version", help="the new SemVer version, without a leading v")
    p.add_argument("--dry-run", action="store_true",
                   help="do everything in a temporary folder; change nothing in the tree")
    p.add_argument("--key", help="OpenSSH private key that signs (default: "
                   "$NEURONPLANE_RELEASE_KEY)")
    p.add_argument("--skip-tests", action="store_true",
                   help="do not run ./neuronplane test first (recorded in the manifest)")
    p.add_argument("--work-dir", help="empty folder to work in (default: a new temporary one)")
    p.set_defaults(func=_cmd)
