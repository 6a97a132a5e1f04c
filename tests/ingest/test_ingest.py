"""Dataset ingestion end to end: jobs through PostgREST, files through the glue's upload
endpoint or a loopback HTTP server, a real worker, tables checked in the database."""

from __future__ import annotations

import io
import json
import time
import uuid

import psycopg
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from .conftest import Api, leftovers, new_user, table_rows, upload

pytestmark = pytest.mark.e2e

ROWS = [
    {"id": 1, "name": "ada", "score": 1.5, "ok": True, "day": "2024-01-02"},
    {"id": 2, "name": "bob, \"the\" builder", "score": -2.0, "ok": False, "day": "2024-02-03"},
    {"id": 3, "name": "", "score": None, "ok": None, "day": None},
]


def encode(fmt: str, rows=ROWS) -> bytes:
    if fmt == "csv":
        out = io.StringIO()
        import csv
        w = csv.writer(out, lineterminator="\n")
        w.writerow(list(rows[0]))
        for r in rows:
            w.writerow(["" if r[k] is None else ("true" if r[k] is True else "false"
                        if r[k] is False else r[k]) for k in rows[0]])
        # An empty string must stay one: quote it.
        return out.getvalue().replace("3,,", '3,"",', 1).encode()
    if fmt == "json":
        return json.dumps(rows).encode()
    if fmt == "jsonl":
        return "".join(json.dumps(r) + "\n" for r in rows).encode()
    table = pa.table({k: [r[k] for r in rows] for k in rows[0]})
    buf = io.BytesIO()
    pq.write_table(table, buf)
    return buf.getvalue()


def check_loaded(superuser, job, fmt):
    assert job["status"] == "succeeded", job
    assert job["rows_done"] == 3 and job["detected_format"] == fmt
    assert job["bytes_done"] == job["bytes_total"] > 0
    rows = table_rows(superuser, job)
    assert [r[0] for r in rows] == [1, 2, 3]
    assert rows[1][1] == 'bob, "the" builder'
    assert rows[2][1] == ""  # an empty string, not NULL
    assert rows[0][2] == 1.5 and rows[2][2] is None
    assert rows[0][3] is True and rows[1][3] is False


@pytest.mark.parametrize("fmt", ["csv", "json", "jsonl", "parquet"])
def test_each_format_by_url(superuser, worker, files, owner, fmt):
    api, project = owner
    root, base = files
    (root / f"data-{fmt}.{fmt}").write_bytes(encode(fmt))
    r = api.rpc("start_ingest", project_id=project, dataset_name=f"by url {fmt}",
                source_type="url", source={"url": f"{base}/data-{fmt}.{fmt}"})
    assert r.status_code == 200, r.text
    job = api.wait(r.json()["id"])
    check_loaded(superuser, job, fmt)


@pytest.mark.parametrize("fmt", ["csv", "json", "jsonl", "parquet"])
def test_each_format_by_upload_with_auto_detection(superuser, worker, glue, owner, fmt):
    api, project = owner
    # No extension: the format is detected from the content.
    r = upload(glue, api, encode(fmt), "data", project_id=project,
               dataset_name=f"by upload {fmt}", format="auto")
    assert r.status_code == 201, r.text
    job = api.wait(r.json()["id"])
    check_loaded(superuser, job, fmt)
    [(kinds,)] = superuser.execute(
        "SELECT array_agg(format_type(a.atttypid, a.atttypmod) ORDER BY a.attnum)"
        "  FROM pg_attribute a JOIN workspace.datasets d"
        "    ON a.attrelid = format('%%I.%%I', d.target_schema, d.target_table)::regclass"
        " WHERE d.id = %s AND a.attnum > 0", (job["dataset_id"],)).fetchall()
    assert kinds[:4] == ["bigint", "text", "double precision", "boolean"]
    assert kinds[4] in ("date", "text")  # Parquet keeps strings strings


def test_hostile_dataset_name_is_harmless(superuser, worker, glue, owner):
    api, project = owner
    superuser.execute("CREATE TABLE IF NOT EXISTS public.y (v int)")
    r = upload(glue, api, b'a b,"x""; drop table y"\n1,2\n', "evil.csv", project_id=project,
               dataset_name='x"; drop table y')
    assert r.status_code == 201, r.text
    job = api.wait(r.json()["id"])
    assert job["status"] == "succeeded", job
    [(table, cols)] = superuser.execute(
        "SELECT target_table, columns FROM workspace.datasets WHERE id = %s",
        (job["dataset_id"],)).fetchall()
    assert table == "x_drop_table_y"
    assert [c["name"] for c in cols] == ["a_b", "x_drop_table_y"]
    assert superuser.execute("SELECT to_regclass('public.y')").fetchone()[0] is not None
    superuser.execute("DROP TABLE public.y")


def test_upload_refusals(superuser, glue, owner, postgrest):
    api, project = owner
    import httpx
    anon = httpx.post(f"{glue}/ingest/upload", params={"project_id": project,
                      "dataset_name": "x"}, files={"file": ("a.csv", b"a\n1\n")})
    assert anon.status_code == 401
    stranger = Api(postgrest, new_user(superuser))
    r = upload(glue, stranger, b"a\n1\n", "a.csv", project_id=project, dataset_name="x")
    assert r.status_code == 403 and r.json()["code"] == "42501"
    r = upload(glue, api, b"a\n1\n", "a.csv", project_id=project, dataset_name="x",
               format="xml")
    assert r.status_code == 400 and r.json()["code"] == "22023", r.text
    # Nothing of the refused upload is left behind.
    assert superuser.execute("SELECT count(*) FROM workspace.ingest_uploads u"
                             " WHERE u.job_id IS NULL").fetchone()[0] == 0


def test_upload_size_limit(glue, owner, ingest_settings):
    api, project = owner
    r = upload(glue, api, b"a\n" + b"1\n" * (ingest_settings.max_upload_bytes // 2 + 10),
               "big.csv", project_id=project, dataset_name="too big")
    assert r.status_code == 413 and r.json()["code"] == "54000"
    assert not any(ingest_settings.upload_dir.glob("*.part"))


@pytest.mark.parametrize(("name", "content", "message"), [
    ("bad.csv", b'a,b\n1,2\n3,"unterminated\n4,5\n', "unterminated CSV quoted field"),
    ("bad.jsonl", b'{"a": 1}\n{"a": 2}\n{"a": 3,,}\n', "invalid JSON on line 3"),
    ("bad.csv", b"a,b\n1,2\n3,4,5\n", "line 3"),
])
def test_malformed_input_fails_naming_where(superuser, worker, glue, owner, name, content,
                                            message):
    api, project = owner
    r = upload(glue, api, content, name, project_id=project, dataset_name="broken")
    job = api.wait(r.json()["id"])
    assert job["status"] == "failed" and message in job["error"], job
    assert job["dataset_id"] is None
    assert leftovers(superuser, project) == []
    assert superuser.execute("SELECT count(*) FROM identity.datasets WHERE project_id = %s",
                             (project,)).fetchone()[0] == 0


def test_parquet_column_of_an_unsupported_type(superuser, worker, glue, owner):
    api, project = owner
    table = pa.table({"ok": [1, 2], "span": pa.array([1, 2], pa.duration("s"))})
    buf = io.BytesIO()
    pq.write_table(table, buf)
    r = upload(glue, api, buf.getvalue(), "d.parquet", project_id=project, dataset_name="dur")
    job = api.wait(r.json()["id"])
    assert job["status"] == "failed" and "column 'span'" in job["error"], job
    assert leftovers(superuser, project) == []


def test_a_late_value_that_breaks_the_inferred_type_widens_the_column(superuser, worker, glue,
                                                                      owner):
    api, project = owner
    body = b"n\n" + b"".join(b"%d\n" % i for i in range(3000)) + b"not a number\n"
    r = upload(glue, api, body, "late.csv", project_id=project, dataset_name="late")
    job = api.wait(r.json()["id"])
    assert job["status"] == "succeeded", job["error"]
    assert job["rows_done"] == 3001
    [(cols,)] = superuser.execute("SELECT columns FROM workspace.datasets WHERE id = %s",
                                  (job["dataset_id"],)).fetchall()
    assert cols[0]["type"] == "text"


def big_csv(rows: int) -> bytes:
    return b"id,label,value\n" + b"".join(
        b"%d,row number %d,%d.5\n" % (i, i, i) for i in range(rows))


def test_100k_rows_end_to_end_with_indexes(superuser, worker, glue, owner):
    api, project = owner
    r = upload(glue, api, big_csv(100_000), "big.csv", project_id=project,
               dataset_name="hundred k",
               index_config=json.dumps({"btree": ["id"], "fulltext": ["label"]}))
    assert r.status_code == 201, r.text
    job = api.wait(r.json()["id"], timeout=120)
    assert job["status"] == "succeeded", job
    assert job["rows_done"] == job["rows_total"] == 100_000
    [(schema, table, count, indexes)] = superuser.execute(
        "SELECT target_schema, target_table, row_count, indexes FROM workspace.datasets"
        " WHERE id = %s", (job["dataset_id"],)).fetchall()
    assert count == 100_000
    assert superuser.execute(psycopg.sql.SQL("SELECT count(*), count(DISTINCT id) FROM {}").format(
        psycopg.sql.Identifier(schema, table))).fetchone() == (100_000, 100_000)
    assert sorted(i["kind"] for i in indexes) == ["btree", "fulltext"]
    assert superuser.execute(
        psycopg.sql.SQL("SELECT count(*) FROM {} WHERE to_tsvector('simple', label::text)"
                        " @@ to_tsquery('simple', '77777')").format(
            psycopg.sql.Identifier(schema, table))).fetchone()[0] == 1


def test_cancel_a_running_job_stops_it_within_seconds(superuser, worker, files, owner):
    api, project = owner
    _, base = files
    r = api.rpc("start_ingest", project_id=project, dataset_name="cancel me", source_type="url",
                source={"url": f"{base}/slow.jsonl?rows=2000000&seconds=60"})
    job_id = r.json()["id"]
    api.wait(job_id, until=lambda j: j["status"] == "running" and j["rows_done"] > 0)
    r = api.rpc("cancel_ingest", id=job_id)
    assert r.status_code == 200 and r.json()["status"] == "cancelled", r.text
    t0 = time.monotonic()
    while superuser.execute("SELECT count(*) FROM workspace.ingest_workers"
                            " WHERE current_job_id = %s", (job_id,)).fetchone()[0]:
        assert time.monotonic() - t0 < 5, "the worker still runs the cancelled job"
        time.sleep(0.1)
    time.sleep(0.5)
    assert leftovers(superuser, project) == []
    assert api.job(job_id)["status"] == "cancelled"
    again = api.rpc("cancel_ingest", id=job_id)
    assert again.status_code == 409 and again.json()["code"] == "PT409", again.text


def test_rls_on_jobs_and_datasets(superuser, postgrest, worker, glue, owner):
    api, project = owner
    r = upload(glue, api, b"a\n1\n2\n", "a.csv", project_id=project, dataset_name="private")
    job = api.wait(r.json()["id"])
    assert job["status"] == "succeeded"
    stranger = Api(postgrest, new_user(superuser))
    assert stranger.http.get("/ingest_jobs", params={"id": f"eq.{job['id']}"}).json() == []
    assert stranger.http.get("/dataset_tables", params={"id": f"eq.{job['dataset_id']}"}
                             ).json() == []
    assert len(api.http.get("/dataset_tables", params={"id": f"eq.{job['dataset_id']}"}
                            ).json()) == 1
    r = stranger.rpc("cancel_ingest", id=job["id"])
    assert r.status_code == 400 and r.json()["code"] == "42704", r.text
    r = stranger.rpc("start_ingest", project_id=project, dataset_name="x", source_type="url",
                     source={"url": "http://127.0.0.1/x.csv"})
    assert r.status_code == 403 and r.json()["code"] == "42501", r.text
    # The table itself: the owner reads its rows, a stranger none.
    [(schema, table)] = superuser.execute(
        "SELECT target_schema, target_table FROM workspace.datasets WHERE id = %s",
        (job["dataset_id"],)).fetchall()
    query = psycopg.sql.SQL("SELECT count(*) FROM {}").format(
        psycopg.sql.Identifier(schema, table))
    for who, expected in ((api.user_id, 2), (stranger.user_id, 0)):
        with superuser.transaction():
            superuser.execute("SET LOCAL ROLE authenticated")
            superuser.execute("SELECT set_config('request.jwt.claims', %s, true)",
                              (json.dumps({"sub": who, "role": "authenticated"}),))
            assert superuser.execute(query).fetchone()[0] == expected, who
            superuser.execute("RESET ROLE")


def test_github_and_huggingface_layouts(superuser, worker, files, owner):
    api, project = owner
    root, base = files
    gh = root / "gh" / "octo" / "data" / "main" / "sets"
    gh.mkdir(parents=True)
    (gh / "g.csv").write_bytes(encode("csv"))
    hf = root / "hf" / "datasets" / "org" / "corpus" / "resolve" / "main" / "train"
    hf.mkdir(parents=True)
    (hf / "part.jsonl").write_bytes(encode("jsonl"))
    r = api.rpc("start_ingest", project_id=project, dataset_name="from github",
                source_type="github", source={"repo": "octo/data", "path": "sets/g.csv"},
                credentials={"token": "ghp_secret_token_value"})
    assert r.status_code == 200, r.text
    assert r.json()["has_credentials"] is True and "credentials" not in r.json()
    check_loaded(superuser, api.wait(r.json()["id"]), "csv")
    r = api.rpc("start_ingest", project_id=project, dataset_name="from hf",
                source_type="huggingface",
                source={"dataset": "org/corpus", "path": "train/part.jsonl"})
    assert r.status_code == 200, r.text
    check_loaded(superuser, api.wait(r.json()["id"]), "jsonl")
    # A split alone: its one Parquet file, from the hub's Parquet listing.
    (hf / "train.parquet").write_bytes(encode("parquet"))
    listing = root / "hf" / "api" / "datasets" / "org" / "corpus" / "parquet" / "default"
    listing.mkdir(parents=True)
    (listing / "train").write_text(json.dumps(
        [f"{base}/hf/datasets/org/corpus/resolve/main/train/train.parquet"]))
    r = api.rpc("start_ingest", project_id=project, dataset_name="from hf split",
                source_type="huggingface", source={"dataset": "org/corpus", "split": "train"})
    check_loaded(superuser, api.wait(r.json()["id"]), "parquet")
    # The token is stored encrypted and appears in no job, audit row or API answer.
    [(secret,)] = superuser.execute(
        "SELECT credentials_secret FROM workspace.ingest_jobs WHERE dataset_name = 'from github'"
        " AND project_id = %s", (project,)).fetchall()
    assert b"ghp_secret_token_value" not in bytes(secret)
    assert superuser.execute("SELECT count(*) FROM audit.events WHERE details::text LIKE"
                             " '%%ghp_secret_token_value%%'").fetchone()[0] == 0


def test_s3_through_a_local_s3_server(superuser, worker, owner):
    moto_server = pytest.importorskip("moto.server")
    import boto3
    server = moto_server.ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    try:
        host, port = server.get_host_and_port()
        endpoint = f"http://{host}:{port}"
        s3 = boto3.client("s3", endpoint_url=endpoint, aws_access_key_id="AKIDTEST",
                          aws_secret_access_key="s3-secret-key-value", region_name="us-east-1")
        s3.create_bucket(Bucket="datasets")
        s3.put_object(Bucket="datasets", Key="x/data.parquet", Body=encode("parquet"))
        api, project = owner
        r = api.rpc("start_ingest", project_id=project, dataset_name="from s3", source_type="s3",
                    source={"bucket": "datasets", "key": "x/data.parquet",
                            "endpoint_url": endpoint},
                    credentials={"access_key_id": "AKIDTEST",
                                 "secret_access_key": "s3-secret-key-value"})
        assert r.status_code == 200, r.text
        check_loaded(superuser, api.wait(r.json()["id"]), "parquet")
        r = api.rpc("start_ingest", project_id=project, dataset_name="missing", source_type="s3",
                    source={"bucket": "datasets", "key": "nope.csv", "endpoint_url": endpoint},
                    credentials={"access_key_id": "AKIDTEST",
                                 "secret_access_key": "s3-secret-key-value"})
        job = api.wait(r.json()["id"])
        assert job["status"] == "failed" and "NoSuchKey" in job["error"], job
        assert "s3-secret-key-value" not in json.dumps(job)
    finally:
        server.stop()


@pytest.mark.parametrize(("args", "code", "fragment"), [
    ({"source_type": "ftp", "source": {}}, "22023", "source_type"),
    ({"source_type": "url", "source": {"url": "file:///etc/passwd"}}, "22023", "source.url"),
    ({"source_type": "url", "source": {"url": "http://x/a.csv", "extra": 1}}, "22023", "extra"),
    ({"source_type": "url", "source": {"url": "http://x/a.csv"},
      "options": {"delimiter": ";;"}}, "22023", "options.delimiter"),
    ({"source_type": "url", "source": {"url": "http://x/a.csv"},
      "options": {"encoding": "klingon"}}, "22023", "options.encoding"),
    ({"source_type": "upload", "source": {"upload_id": str(uuid.uuid4())}}, "42704", "upload"),
    ({"source_type": "url", "source": {"url": "http://x/a.csv"},
      "credentials": {"password": "x"}}, "22023", "credentials"),
])
def test_start_ingest_refuses_bad_arguments(owner, args, code, fragment):
    api, project = owner
    r = api.rpc("start_ingest", project_id=project, dataset_name="bad", **args)
    assert r.status_code == 400 and r.json()["code"] == code, r.text
    assert fragment in r.json()["message"], r.text


def test_start_ingest_in_a_missing_project_is_42704(owner):
    api, _ = owner
    r = api.rpc("start_ingest", project_id=str(uuid.uuid4()), dataset_name="x",
                source_type="url", source={"url": "http://127.0.0.1/a.csv"})
    assert r.status_code == 400 and r.json()["code"] == "42704", r.text


def test_cli_ingest_shows_progress_and_jobs_lists(superuser, postgrest, worker, glue, owner,
                                                  tmp_path):
    import os
    import subprocess
    import sys
    from pathlib import Path
    api, project = owner
    data = tmp_path / "people.csv"
    data.write_bytes(big_csv(20_000))
    binary = Path(sys.executable).parent / "neuronplane"
    env = {**os.environ, "NEURONPLANE_TOKEN": api.headers["Authorization"].split()[1],
           "COLUMNS": "160", "XDG_CONFIG_HOME": str(tmp_path / "config")}
    urls = ["--api-url", postgrest.url, "--glue-url", glue]
    out = subprocess.run([str(binary), "ingest", str(data), "--project", project, *urls],
                         env=env, text=True, capture_output=True, timeout=120)
    assert out.returncode == 0, out.stdout + out.stderr
    assert "succeeded" in out.stdout and "20,000 rows" in out.stdout, out.stdout
    listed = subprocess.run([str(binary), "jobs", "--project", project, "--api-url",
                             postgrest.url], env=env, text=True, capture_output=True, timeout=60)
    assert listed.returncode == 0 and "people" in listed.stdout, listed.stdout + listed.stderr
    # Refused without credentials, with the reason.
    env.pop("NEURONPLANE_TOKEN")
    out = subprocess.run([str(binary), "jobs", "--api-url", postgrest.url], env=env, text=True,
                         capture_output=True, timeout=60)
    assert out.returncode == 1 and "NEURONPLANE_API_KEY" in out.stderr
