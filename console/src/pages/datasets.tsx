import { useEffect, useState } from 'preact/hooks';
import { ProjectPicker } from '../components';
import { useConsole } from '../context';
import { Feedback, Loaded, useAction, useLoad, when } from '../hooks';

export interface Job { id: string; dataset_name: string; source_type: string; status: string;
  phase: string | null; format: string; detected_format: string | null; rows_done: number;
  rows_total: number | null; bytes_done: number; bytes_total: number | null;
  error: string | null; started_at: string | null; finished_at: string | null;
  created_at: string }

const FORMATS = ['auto', 'csv', 'json', 'jsonl', 'parquet'];
const SOURCES = [['upload', 'Upload a file'], ['url', 'URL'], ['s3', 'S3'],
                 ['github', 'GitHub'], ['huggingface', 'Hugging Face']];
const ACTIVE = new Set(['queued', 'running']);

/** Rows per second of a running or finished job, when it can be told. */
export function rate(job: Job, now = Date.now()): string {
  if (!job.started_at || !job.rows_done) return '—';
  const end = job.finished_at ? Date.parse(job.finished_at) : now;
  const seconds = Math.max(0.001, (end - Date.parse(job.started_at)) / 1000);
  return `${Math.round(job.rows_done / seconds)} rows/s`;
}

export function Datasets() {
  const [project, setProject] = useState<string | null>(null);
  return (
    <>
      <ProjectPicker value={project} onChange={setProject} />
      {project && <Ingest projectId={project} />}
    </>
  );
}

function Ingest({ projectId }: { projectId: string }) {
  const { api } = useConsole();
  const jobs = useLoad(() => api.get<Job>('/ingest_jobs',
    { project_id: `eq.${projectId}`, order: 'created_at.desc', limit: '20' }), [projectId]);
  const running = (jobs.data ?? []).some((j) => ACTIVE.has(j.status));
  // Live progress: poll while a job is queued or running.
  useEffect(() => {
    if (!running) return undefined;
    const t = setInterval(jobs.reload, 1000);
    return () => clearInterval(t);
  }, [running]);

  const [source, setSource] = useState('upload');
  const [name, setName] = useState('');
  const [format, setFormat] = useState('auto');
  const [file, setFile] = useState<File | null>(null);
  const [location, setLocation] = useState('');
  const [embedColumns, setEmbedColumns] = useState('');
  const [btree, setBtree] = useState('');
  const action = useAction();

  const submit = (e: Event) => {
    e.preventDefault();
    void action.run(async () => {
      const embedding = embedColumns.trim()
        ? { model: 'all-MiniLM-L6-v2', text_columns: embedColumns.split(',').map((c) => c.trim()) }
        : undefined;
      const indexConfig = btree.trim() ? { btree: btree.split(',').map((c) => c.trim()) } : undefined;
      if (source === 'upload') {
        if (!file) throw new Error('Choose a file to upload.');
        await api.upload(projectId, name, file, {
          format: format === 'auto' ? undefined : format, embedding, indexConfig });
      } else {
        await api.rpc('start_ingest', {
          project_id: projectId, dataset_name: name, source_type: source,
          source: sourceOf(source, location), format,
          ...(embedding ? { embedding } : {}), ...(indexConfig ? { index_config: indexConfig } : {}) });
      }
      jobs.reload();
      return `Ingestion of ${name} started.`;
    });
  };
  const cancel = (job: Job) => action.run(async () => {
    await api.rpc('cancel_ingest', { id: job.id });
    jobs.reload();
    return `Job ${job.dataset_name} cancelled.`;
  });

  return (
    <>
      <form onSubmit={submit} aria-labelledby="ingest-new">
        <h2 id="ingest-new">Ingest a dataset</h2>
        <label for="d-source">Source</label>
        <select id="d-source" value={source} onChange={(e) => setSource(e.currentTarget.value)}>
          {SOURCES.map(([v, l]) => <option key={v} value={v}>{l}</option>)}
        </select>
        <label for="d-name">Dataset name</label>
        <input id="d-name" required value={name} onInput={(e) => setName(e.currentTarget.value)} />
        {source === 'upload' ? (
          <>
            <label for="d-file">File (CSV, JSON, JSONL, Parquet; compressed too)</label>
            <input id="d-file" type="file" required
                   onChange={(e) => setFile(e.currentTarget.files?.[0] ?? null)} />
          </>
        ) : (
          <>
            <label for="d-location">{PLACEHOLDERS[source]}</label>
            <input id="d-location" required value={location}
                   onInput={(e) => setLocation(e.currentTarget.value)} />
          </>
        )}
        <label for="d-format">Format (auto-detected unless you choose)</label>
        <select id="d-format" value={format} onChange={(e) => setFormat(e.currentTarget.value)}>
          {FORMATS.map((f) => <option key={f} value={f}>{f}</option>)}
        </select>
        <label for="d-embed">Columns to embed (comma-separated, optional)</label>
        <input id="d-embed" value={embedColumns} onInput={(e) => setEmbedColumns(e.currentTarget.value)} />
        <label for="d-btree">Columns to index (B-tree, comma-separated, optional)</label>
        <input id="d-btree" value={btree} onInput={(e) => setBtree(e.currentTarget.value)} />
        <button type="submit" disabled={action.busy}>{action.busy ? 'Uploading…' : 'Start ingestion'}</button>
        {action.busy && <progress aria-label="Upload in progress" />}
        <Feedback error={action.error} done={action.done} />
      </form>
      <section aria-labelledby="job-list">
        <h2 id="job-list">Jobs</h2>
        <Loaded load={jobs} empty="No ingestion yet in this project.">
          {(rows) => (
            <table>
              <caption>Ingestion jobs, newest first</caption>
              <thead><tr><th scope="col">Dataset</th><th scope="col">Status</th>
                <th scope="col">Progress</th><th scope="col">Rate</th>
                <th scope="col">Error</th><th scope="col">Action</th></tr></thead>
              <tbody>
                {rows.map((j) => (
                  <tr key={j.id} data-job={j.dataset_name}>
                    <td>{j.dataset_name} <span class="muted">({j.detected_format ?? j.format}, {when(j.created_at)})</span></td>
                    <td class="status">{j.status}{j.phase && ACTIVE.has(j.status) ? ` · ${j.phase}` : ''}</td>
                    <td>
                      <progress aria-label={`Progress of ${j.dataset_name}`}
                                max={j.rows_total ?? j.bytes_total ?? 1}
                                value={j.status === 'succeeded' ? (j.rows_total ?? j.bytes_total ?? 1)
                                  : (j.rows_total ? j.rows_done : j.bytes_done)} />
                      {' '}<span class="rows">{j.rows_done} rows</span>
                    </td>
                    <td>{rate(j)}</td>
                    <td>{j.error ? <span class="error">{j.error}</span> : '—'}</td>
                    <td>{ACTIVE.has(j.status) ? (
                      <button type="button" aria-label={`Cancel ${j.dataset_name}`}
                              onClick={() => cancel(j)}>Cancel</button>) : '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </Loaded>
      </section>
    </>
  );
}

const PLACEHOLDERS: Record<string, string> = {
  url: 'URL (http or https)',
  s3: 's3://bucket/key',
  github: 'owner/repo/path/to/file (on main)',
  huggingface: 'org/dataset/path/to/file',
};

/** The source object of start_ingest from the one field the form asks for. */
export function sourceOf(type: string, text: string): Record<string, string> {
  const t = text.trim();
  if (type === 'url') return { url: t };
  if (type === 's3') {
    const m = /^s3:\/\/([^/]+)\/(.+)$/.exec(t);
    if (!m) throw new Error('Write the S3 location as s3://bucket/key.');
    return { bucket: m[1], key: m[2] };
  }
  const parts = t.split('/');
  if (parts.length < 3) throw new Error('Write the location as owner/name/path.');
  const repo = `${parts[0]}/${parts[1]}`;
  const path = parts.slice(2).join('/');
  return type === 'github' ? { repo, path } : { dataset: repo, path };
}
