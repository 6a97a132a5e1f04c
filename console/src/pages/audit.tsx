import { useState } from 'preact/hooks';
import { useConsole } from '../context';
import { Feedback, Loaded, useAction, useLoad, when } from '../hooks';

interface AuditEvent { id: number; occurred_at: string; principal_id: string | null;
  principal_type: string | null; action: string; resource_type: string | null;
  resource_id: string | null; outcome: string; ip: string | null }
interface Check { ok: boolean; event_id: number | null; problem: string | null }

export function Audit() {
  const { api } = useConsole();
  const [action, setAction] = useState('');
  const [outcome, setOutcome] = useState('');
  const [filters, setFilters] = useState<Record<string, string>>({});
  const events = useLoad(() => api.get<AuditEvent>('/audit_events',
    { order: 'id.desc', limit: '100', ...filters }), [filters]);
  const verify = useAction();
  const [check, setCheck] = useState<Check[] | null>(null);
  const apply = (e: Event) => {
    e.preventDefault();
    const f: Record<string, string> = {};
    if (action.trim()) f.action = `like.${action.trim()}*`;
    if (outcome) f.outcome = `eq.${outcome}`;
    setFilters(f);
  };
  const runVerify = () => verify.run(async () => {
    setCheck(await api.rpc<Check[]>('verify_audit'));
  });
  const broken = check?.filter((c) => !c.ok) ?? [];
  return (
    <>
      <section aria-labelledby="chain">
        <h2 id="chain">Chain verification</h2>
        <button type="button" onClick={runVerify} disabled={verify.busy}>Verify the chain</button>
        <Feedback error={verify.error} />
        {check && (
          <p role="status" class={broken.length ? 'error' : 'ok'}>
            {broken.length ? `Chain broken: ${broken.map((c) => `event ${c.event_id}: ${c.problem}`).join('; ')}`
              : 'Chain verified: no event was altered or removed.'}
          </p>
        )}
      </section>
      <form onSubmit={apply} aria-labelledby="filters">
        <h2 id="filters">Filter</h2>
        <label for="a-action">Action starts with</label>
        <input id="a-action" value={action} onInput={(e) => setAction(e.currentTarget.value)} />
        <label for="a-outcome">Outcome</label>
        <select id="a-outcome" value={outcome} onChange={(e) => setOutcome(e.currentTarget.value)}>
          <option value="">any</option><option value="success">success</option>
          <option value="failure">failure</option><option value="denied">denied</option>
        </select>
        <button type="submit">Apply filters</button>
      </form>
      <Loaded load={events} empty="No event matches.">
        {(rows) => (
          <table>
            <caption>Audit events, newest first</caption>
            <thead><tr><th scope="col">Time</th><th scope="col">Actor</th><th scope="col">Action</th>
              <th scope="col">Target</th><th scope="col">Outcome</th><th scope="col">Address</th></tr></thead>
            <tbody>{rows.map((ev) => (
              <tr key={ev.id}><td>{when(ev.occurred_at)}</td>
                <td>{ev.principal_type ?? '—'} {ev.principal_id?.slice(0, 8) ?? ''}</td>
                <td>{ev.action}</td><td>{ev.resource_type ?? '—'} {ev.resource_id ?? ''}</td>
                <td>{ev.outcome}</td><td>{ev.ip ?? '—'}</td></tr>
            ))}</tbody>
          </table>
        )}
      </Loaded>
    </>
  );
}
