"""A worker's heartbeat during the publish of its job waits for the publish instead of
deadlocking with it: both lock the job's row before the worker's."""

from __future__ import annotations

import json
import threading
import uuid

import psycopg


def test_a_heartbeat_during_a_publish_waits_and_does_not_deadlock(database, superuser):
    tag = uuid.uuid4().hex[:8]
    user = superuser.execute(
        "INSERT INTO identity.users (username, email) VALUES (%s, %s) RETURNING id",
        (f"lock-{tag}", f"lock-{tag}@example.org")).fetchone()[0]
    project = superuser.execute("INSERT INTO identity.projects (user_id, name) VALUES (%s, 'p') "
                                "RETURNING id", (user,)).fetchone()[0]
    worker = uuid.uuid4()
    superuser.execute("SELECT workspace.register_ingest_worker(%s, 'test-host', 1)", (worker,))
    # The job, queued and at once running for this worker, in one transaction: no worker
    # of another test can claim it in between.
    with psycopg.connect(database.superuser_conninfo()) as setup:
        setup.execute("SET LOCAL ROLE authenticated")
        setup.execute("SELECT set_config('request.jwt.claims', %s, true)",
                      (json.dumps({"sub": str(user), "role": "authenticated"}),))
        job = setup.execute("SELECT id FROM api.start_ingest(%s, 'd', 'url', %s)",
                            (project, json.dumps({"url": "http://127.0.0.1:9/a.csv"}))).fetchone()[0]
        setup.execute("RESET ROLE")
        setup.execute("UPDATE workspace.ingest_jobs SET status = 'running', worker_id = %s, "
                      "attempt = 1, started_at = now(), heartbeat_at = now() WHERE id = %s",
                      (worker, job))
        setup.commit()

    with psycopg.connect(database.superuser_conninfo()) as publisher, \
            psycopg.connect(database.superuser_conninfo(), autocommit=True) as heartbeat:
        # What publish_ingest() does first: the job's row, locked.
        publisher.execute("SELECT workspace.require_ingest_attempt(%s, 1, true)", (job,))
        answers: list[object] = []

        def beat() -> None:
            try:
                answers.append(heartbeat.execute(
                    "SELECT workspace.ingest_heartbeat(%s, %s, 1, 'load', 10)",
                    (worker, job)).fetchone()[0])
            except psycopg.Error as exc:  # reported below
                answers.append(exc)

        thread = threading.Thread(target=beat)
        thread.start()
        pid = heartbeat.info.backend_pid
        for _ in range(200):   # the heartbeat is waiting for the job's row
            row = superuser.execute("SELECT wait_event_type FROM pg_stat_activity WHERE pid = %s",
                                    (pid,)).fetchone()
            if row and row[0] == "Lock":
                break
            threading.Event().wait(0.05)
        else:
            raise AssertionError("the heartbeat should wait for the publish")
        # Then what publish_ingest() does last: the worker's row. Locked by the waiting
        # heartbeat, this would be a deadlock (40P01) in one of the two sessions.
        publisher.execute("UPDATE workspace.ingest_workers SET jobs_done = jobs_done + 1 "
                          "WHERE worker_id = %s", (worker,))
        publisher.commit()
        thread.join(timeout=30)
    assert answers == ["running"]
