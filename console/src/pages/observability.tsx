import { BarChart } from '../components';
import { useConsole } from '../context';
import { Loaded, useLoad, when } from '../hooks';

interface Health { server_version: string; uptime: string; database_size_bytes: number;
  connections: number; max_connections: number; cache_hit_ratio: number | null;
  deadlocks: number; is_replica: boolean; checked_at: string }
interface Worker { kind: string; name: string; state: string; last_seen_at: string | null }
interface Usage { project_id: string; day: string; requests: number; errors: number;
  tokens_in: number; tokens_out: number }
interface Index { schema_name: string; table_name: string; index_name: string;
  size_bytes: number; scans: number; is_unused: boolean; is_valid: boolean }

/** Sum a field of the usage rows per day (all projects), oldest first. */
export function perDay(rows: Usage[], field: 'requests' | 'errors' | 'tokens'): { label: string; value: number }[] {
  const days = new Map<string, number>();
  for (const r of rows) {
    const v = field === 'tokens' ? r.tokens_in + r.tokens_out : r[field];
    days.set(r.day, (days.get(r.day) ?? 0) + v);
  }
  return [...days.entries()].sort(([a], [b]) => a.localeCompare(b))
    .map(([label, value]) => ({ label, value }));
}

export function Observability() {
  const { api } = useConsole();
  const health = useLoad(() => api.get<Health>('/db_health'), []);
  const workers = useLoad(() => api.get<Worker>('/workers', { order: 'kind' }), []);
  const usage = useLoad(() => api.get<Usage>('/usage', { order: 'day' }), []);
  const indexes = useLoad(() => api.get<Index>('/index_health',
    { or: '(is_unused.is.true,is_valid.is.false)', limit: '20' }), []);
  return (
    <>
      <section aria-labelledby="db">
        <h2 id="db">Database health</h2>
        <Loaded load={health} empty="No health figures (only administrators see them).">
          {([h]) => (
            <dl class="facts">
              <dt>Server</dt><dd>PostgreSQL {h.server_version}{h.is_replica ? ' (replica)' : ''}</dd>
              <dt>Up for</dt><dd>{h.uptime}</dd>
              <dt>Connections</dt><dd>{h.connections} of {h.max_connections}</dd>
              <dt>Cache hit ratio</dt><dd>{h.cache_hit_ratio === null ? '—' : `${(h.cache_hit_ratio * 100).toFixed(1)} %`}</dd>
              <dt>Database size</dt><dd>{(h.database_size_bytes / 1048576).toFixed(1)} MiB</dd>
              <dt>Deadlocks</dt><dd>{h.deadlocks}</dd>
              <dt>Checked</dt><dd>{when(h.checked_at)}</dd>
            </dl>
          )}
        </Loaded>
      </section>
      <section aria-labelledby="idx">
        <h2 id="idx">Indexes needing attention</h2>
        <Loaded load={indexes} empty="No unused or invalid index.">
          {(rows) => (
            <ul>{rows.map((i) => <li key={`${i.schema_name}.${i.index_name}`}>
              {i.schema_name}.{i.index_name} on {i.table_name}: {i.is_valid ? 'unused' : 'invalid'}</li>)}</ul>
          )}
        </Loaded>
      </section>
      <section aria-labelledby="wk">
        <h2 id="wk">Workers</h2>
        <Loaded load={workers} empty="No worker has reported.">
          {(rows) => (
            <table>
              <caption>Workers and when they were last seen</caption>
              <thead><tr><th scope="col">Kind</th><th scope="col">Name</th><th scope="col">State</th><th scope="col">Last seen</th></tr></thead>
              <tbody>{rows.map((w) => (
                <tr key={`${w.kind}/${w.name}`}><td>{w.kind}</td><td>{w.name}</td><td>{w.state}</td><td>{when(w.last_seen_at)}</td></tr>
              ))}</tbody>
            </table>
          )}
        </Loaded>
      </section>
      <section aria-labelledby="use">
        <h2 id="use">Usage per day</h2>
        <Loaded load={usage} empty="No usage recorded yet (API-key requests and LLM tokens are counted).">
          {(rows) => (
            <div class="charts">
              <BarChart title="Requests" points={perDay(rows, 'requests')} />
              <BarChart title="Errors" points={perDay(rows, 'errors')} />
              <BarChart title="Tokens" points={perDay(rows, 'tokens')} />
            </div>
          )}
        </Loaded>
      </section>
    </>
  );
}
