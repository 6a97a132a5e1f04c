import { useState } from 'preact/hooks';
import { ProjectPicker } from '../components';
import { useConsole } from '../context';
import { Feedback, Loaded, useAction, useLoad, when } from '../hooks';

interface Key { id: string; name: string; prefix: string; roles: string[];
  project_id: string | null; last_used_at: string | null; revoked_at: string | null;
  expires_at: string | null; created_at: string }

export function ApiKeys() {
  const { api } = useConsole();
  const [project, setProject] = useState<string | null>(null);
  const keys = useLoad(() => api.get<Key>('/api_keys', { order: 'created_at.desc' }), []);
  const [name, setName] = useState('');
  const [secret, setSecret] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const action = useAction();
  const create = (e: Event) => {
    e.preventDefault();
    void action.run(async () => {
      const made = await api.rpc<{ api_key: string }[] | { api_key: string }>(
        'create_api_key', { name, project_id: project });
      const row = Array.isArray(made) ? made[0] : made;
      setSecret(row.api_key);
      setCopied(false);
      setName('');
      keys.reload();
    });
  };
  const revoke = (k: Key) => action.run(async () => {
    await api.rpc('revoke_api_key', { id: k.id });
    keys.reload();
    return `Key ${k.name} revoked.`;
  });
  const copy = async () => {
    if (secret) {
      await navigator.clipboard?.writeText(secret);
      setCopied(true);
    }
  };
  return (
    <>
      <ProjectPicker value={project} onChange={setProject} />
      <form onSubmit={create} aria-labelledby="key-new">
        <h2 id="key-new">New API key</h2>
        <label for="key-name">Name</label>
        <input id="key-name" required value={name} onInput={(e) => setName(e.currentTarget.value)} />
        <button type="submit" disabled={action.busy || !project}>Create key</button>
      </form>
      {secret && (
        <div class="secret" role="region" aria-label="New key">
          <p><strong>Copy this key now: it is shown only once.</strong></p>
          <p><code data-testid="new-secret">{secret}</code></p>
          <button type="button" onClick={copy}>{copied ? 'Copied' : 'Copy key'}</button>
          <button type="button" onClick={() => setSecret(null)}>I have saved it</button>
        </div>
      )}
      <Feedback error={action.error} done={action.done} />
      <section aria-labelledby="key-list">
        <h2 id="key-list">Keys</h2>
        <Loaded load={keys} empty="No API key yet.">
          {(rows) => (
            <table>
              <caption>API keys, newest first</caption>
              <thead><tr><th scope="col">Name</th><th scope="col">Prefix</th>
                <th scope="col">Roles</th><th scope="col">Last used</th>
                <th scope="col">State</th><th scope="col">Action</th></tr></thead>
              <tbody>
                {rows.map((k) => (
                  <tr key={k.id}>
                    <td>{k.name}</td><td><code>{k.prefix}</code></td><td>{k.roles.join(', ')}</td>
                    <td>{when(k.last_used_at)}</td>
                    <td>{k.revoked_at ? `revoked ${when(k.revoked_at)}` : 'active'}</td>
                    <td>{k.revoked_at ? '—' : (
                      <button type="button" aria-label={`Revoke key ${k.name}`}
                              onClick={() => revoke(k)}>Revoke</button>)}</td>
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
