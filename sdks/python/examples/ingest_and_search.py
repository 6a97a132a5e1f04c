"""Upload a CSV for ingestion, follow the job's progress, then read the loaded dataset.

    NEURONPLANE_API_URL=... NEURONPLANE_GLUE_URL=... NEURONPLANE_USERNAME=alice \
    NEURONPLANE_PASSWORD=... python ingest_and_search.py [FILE.csv]

Without a file it writes a small one. It logs in, makes a project, uploads the file to the
glue (POST /ingest/upload), polls GET /ingest_jobs until the worker is done, then finds the
dataset in GET /dataset_tables (its table, columns, row count and indexes) and prints one JSON
object. The rows themselves are in that table (schema ds_<project>), for SQL clients with
read on the dataset.
"""

from __future__ import annotations

import asyncio
import csv
import json
import os
import sys
import tempfile
import time
import uuid
from pathlib import Path

from neuronplane_client import AsyncClient

TERMINAL = {"succeeded", "failed", "cancelled"}


def sample_csv(folder: Path) -> Path:
    path = folder / "papers.csv"
    with path.open("w", newline="") as f:
        out = csv.writer(f)
        out.writerow(["id", "title", "year"])
        for i in range(1, 501):
            out.writerow([i, f"Retrieval-augmented generation, part {i}", 2000 + i % 25])
    return path


async def main(file: Path) -> dict:
    api_url = os.environ.get("NEURONPLANE_API_URL", "http://127.0.0.1:3000")
    glue_url = os.environ.get("NEURONPLANE_GLUE_URL", "http://127.0.0.1:8080")
    async with AsyncClient(api_url, glue_url=glue_url) as client:
        await client.login(os.environ["NEURONPLANE_USERNAME"], os.environ["NEURONPLANE_PASSWORD"])
        project = await client.rpc("create_project", name=f"rag-{uuid.uuid4().hex[:8]}")
        job = await client.upload(project["id"], "papers", file,
                                  index_config={"fulltext": ["title"]})
        progress = []
        deadline = time.monotonic() + 120
        while job["status"] not in TERMINAL:
            if time.monotonic() > deadline:
                raise TimeoutError(f"job {job['id']} still {job['status']}")
            await asyncio.sleep(0.3)
            [job] = [row async for row in client.paginate(
                "/ingest_jobs", params={"id": f"eq.{job['id']}"})]
            progress.append((job["status"], job["phase"], job["rows_done"]))
        tables = [row async for row in client.paginate(
            "/dataset_tables",
            params={"project_id": f"eq.{project['id']}", "name": "eq.papers"})]
    return {"project_id": project["id"], "job_id": job["id"], "status": job["status"],
            "error": job["error"], "rows_done": job["rows_done"], "progress": progress,
            "dataset": tables[0] if tables else None}


if __name__ == "__main__":
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(sys.argv[1]) if len(sys.argv) > 1 else sample_csv(Path(tmp))
        print(json.dumps(asyncio.run(main(source)), default=str))
