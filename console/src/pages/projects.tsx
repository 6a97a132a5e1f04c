import { useState } from 'preact/hooks';
import { type Project } from '../components';
import { useConsole } from '../context';
import { Feedback, Loaded, useAction, useLoad, when } from '../hooks';

interface Org { id: string; name: string }
interface Probe { ok: boolean; error?: string; message?: string; field?: string; elapsed_ms?: number }

export function Projects() {
  const { api } = useConsole();
  const projects = useLoad(() => api.get<Project>('/projects', { order: 'name' }), []);
  return (
    <>
      <section aria-labelledby="project-list">
        <h2 id="project-list">Projects (profiles)</h2>
        <Loaded load={projects} empty="No project yet: create your first profile below.">
          {(rows) => (
            <table>
              <caption>Your projects</caption>
              <thead><tr><th scope="col">Name</th><th scope="col">Database</th>
                <th scope="col">Agent</th><th scope="col">Created</th></tr></thead>
              <tbody>
                {rows.map((p) => (
                  <tr key={p.id}><td>{p.name}</td><td>{p.neurondb_dsn ? 'configured' : '—'}</td>
                    <td>{p.agent_endpoint ?? '—'}</td><td>{when(p.created_at)}</td></tr>
                ))}
              </tbody>
            </table>
          )}
        </Loaded>
      </section>
      <Onboarding onCreated={projects.reload} />
    </>
  );
}

/** The onboarding wizard: a database connection (tested before continuing), an optional
 * agent endpoint and key, then the profile. */
export function Onboarding({ onCreated }: { onCreated: () => void }) {
  const { api } = useConsole();
  const orgs = useLoad(() => api.get<Org>('/organizations', { order: 'name' }), []);
  const [step, setStep] = useState(1);
  const [name, setName] = useState('');
  const [orgId, setOrgId] = useState('');
  const [dsn, setDsn] = useState('');
  const [dsnOk, setDsnOk] = useState(false);
  const [endpoint, setEndpoint] = useState('');
  const [agentKey, setAgentKey] = useState('');
  const test = useAction();
  const create = useAction();

  const testDb = () => test.run(async () => {
    setDsnOk(false);
    const r = await api.glue<Probe>('/onboarding/test-database', { dsn });
    if (!r.ok) throw new Error(`Connection failed: ${r.message ?? r.error}`);
    setDsnOk(true);
    return `Connected in ${Math.round(r.elapsed_ms ?? 0)} ms.`;
  });
  const testAgent = () => test.run(async () => {
    const r = await api.glue<Probe>('/onboarding/test-agent',
                                    { endpoint, ...(agentKey ? { api_key: agentKey } : {}) });
    if (!r.ok) throw new Error(`The agent did not answer: ${r.message ?? r.error}`);
    return 'The agent answered.';
  });
  const next = (e: Event) => {
    e.preventDefault();
    setStep(step + 1);
  };
  const finish = (e: Event) => {
    e.preventDefault();
    void create.run(async () => {
      await api.rpc('create_profile', {
        name, org_id: orgId || null, neurondb_dsn: dsn || null,
        agent_endpoint: endpoint || null, agent_api_key: agentKey || null });
      onCreated();
      setStep(1);
      setName('');
      setDsn('');
      setDsnOk(false);
      setEndpoint('');
      setAgentKey('');
      return `Profile ${name} created.`;
    });
  };
  return (
    <section aria-labelledby="wizard">
      <h2 id="wizard">New profile (step {step} of 3)</h2>
      {step === 1 && (
        <form onSubmit={next} aria-label="Profile and database">
          <label for="p-name">Profile name</label>
          <input id="p-name" required value={name} onInput={(e) => setName(e.currentTarget.value)} />
          <label for="p-org">Organization</label>
          <select id="p-org" value={orgId} onChange={(e) => setOrgId(e.currentTarget.value)}>
            <option value="">None (personal)</option>
            {(orgs.data ?? []).map((o) => <option key={o.id} value={o.id}>{o.name}</option>)}
          </select>
          <label for="p-dsn">NeuronDB connection (postgresql://…), optional</label>
          <input id="p-dsn" type="password" autoComplete="off" value={dsn}
                 onInput={(e) => { setDsn(e.currentTarget.value); setDsnOk(false); }} />
          <button type="button" disabled={!dsn || test.busy} onClick={testDb}>Test connection</button>
          <Feedback error={test.error} done={test.done} />
          <button type="submit" disabled={!!dsn && !dsnOk}>Continue</button>
          {dsn && !dsnOk && <p class="muted">Test the connection before continuing.</p>}
        </form>
      )}
      {step === 2 && (
        <form onSubmit={next} aria-label="Agent (optional)">
          <label for="p-agent">NeuronAgent endpoint (optional)</label>
          <input id="p-agent" value={endpoint} onInput={(e) => setEndpoint(e.currentTarget.value)} />
          <label for="p-agent-key">NeuronAgent API key (optional, never shown again)</label>
          <input id="p-agent-key" type="password" autoComplete="off" value={agentKey}
                 onInput={(e) => setAgentKey(e.currentTarget.value)} />
          <button type="button" disabled={!endpoint || test.busy} onClick={testAgent}>Test agent</button>
          <Feedback error={test.error} done={test.done} />
          <button type="button" onClick={() => setStep(1)}>Back</button>
          <button type="submit">Continue</button>
        </form>
      )}
      {step === 3 && (
        <form onSubmit={finish} aria-label="Confirm">
          <p>Create the profile <strong>{name}</strong>
            {dsn ? ' with its database connection' : ' without a database connection'}
            {endpoint ? ` and the agent at ${endpoint}` : ''}?</p>
          <button type="button" onClick={() => setStep(2)}>Back</button>
          <button type="submit" disabled={create.busy}>Create profile</button>
        </form>
      )}
      <Feedback error={create.error} done={create.done} />
    </section>
  );
}
