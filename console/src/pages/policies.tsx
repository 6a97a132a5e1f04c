import { useState } from 'preact/hooks';
import { useConsole } from '../context';
import { Feedback, Loaded, useAction, useLoad } from '../hooks';

interface Policy { id: string; subject_id: string | null; subject_type: string | null;
  subject_role: string | null; resource_type: string; resource_id: string | null;
  permission: string; effect: string; expires_at: string | null }
interface Reason { source: string; source_id: string | null; effect: string; detail: string }

const TYPES = ['org', 'project', 'agent', 'tool', 'dataset', 'model', 'service_account', 'api_key', 'audit'];

export function Policies() {
  const { api, session } = useConsole();
  const policies = useLoad(() => api.get<Policy>('/policies', { order: 'created_at.desc' }), []);
  const [type, setType] = useState('project');
  const [resource, setResource] = useState('');
  const [permission, setPermission] = useState('read');
  const [principal, setPrincipal] = useState('');
  const [reasons, setReasons] = useState<Reason[] | null>(null);
  const explain = useAction();
  const ask = (e: Event) => {
    e.preventDefault();
    void explain.run(async () => {
      const rows = await api.rpc<Reason[]>('explain_permission', {
        resource_type: type, resource_id: resource, permission,
        principal_id: principal || session.principal_id });
      setReasons(rows);
    });
  };
  const allowed = reasons?.some((r) => r.effect === 'allow') && !reasons.some((r) => r.effect === 'deny');
  return (
    <>
      <section aria-labelledby="pol-list">
        <h2 id="pol-list">Policies you can see</h2>
        <Loaded load={policies} empty="No explicit policy: access comes from organization roles.">
          {(rows) => (
            <table>
              <caption>Grants and denials</caption>
              <thead><tr><th scope="col">Subject</th><th scope="col">Resource</th>
                <th scope="col">Permission</th><th scope="col">Effect</th></tr></thead>
              <tbody>
                {rows.map((p) => (
                  <tr key={p.id}>
                    <td>{p.subject_role ? `role ${p.subject_role}` : `${p.subject_type} ${p.subject_id}`}</td>
                    <td>{p.resource_type} {p.resource_id ?? '(all)'}</td>
                    <td>{p.permission}</td><td>{p.effect}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </Loaded>
      </section>
      <form onSubmit={ask} aria-labelledby="explain">
        <h2 id="explain">Explain this decision</h2>
        <label for="x-type">Resource type</label>
        <select id="x-type" value={type} onChange={(e) => setType(e.currentTarget.value)}>
          {TYPES.map((t) => <option key={t} value={t}>{t}</option>)}
        </select>
        <label for="x-id">Resource id</label>
        <input id="x-id" required value={resource} onInput={(e) => setResource(e.currentTarget.value)} />
        <label for="x-perm">Permission</label>
        <input id="x-perm" required value={permission} onInput={(e) => setPermission(e.currentTarget.value)} />
        <label for="x-who">Principal id (empty: you)</label>
        <input id="x-who" value={principal} onInput={(e) => setPrincipal(e.currentTarget.value)} />
        <button type="submit" disabled={explain.busy}>Explain</button>
        <Feedback error={explain.error} />
      </form>
      {reasons && (
        <section aria-labelledby="verdict" aria-live="polite">
          <h2 id="verdict">{allowed ? 'Allowed' : 'Denied'}</h2>
          {reasons.length === 0 ? <p>No grant applies: denied by default.</p> : (
            <ul>{reasons.map((r, i) => <li key={i}><strong>{r.effect}</strong> by {r.source}: {r.detail}</li>)}</ul>
          )}
        </section>
      )}
    </>
  );
}
