import { useState } from 'preact/hooks';
import { useConsole } from '../context';
import { Feedback, Loaded, useAction, useLoad, when } from '../hooks';

interface Account { id: string; name: string; org_id: string | null; project_id: string | null;
  description: string | null; disabled_at: string | null; created_at: string }
interface Org { id: string; name: string }

/** Service accounts: non-human principals that act through API keys (made on API keys). */
export function ServiceAccounts() {
  const { api } = useConsole();
  const accounts = useLoad(() => api.get<Account>('/service_accounts', { order: 'name' }), []);
  const orgs = useLoad(() => api.get<Org>('/organizations', { order: 'name' }), []);
  const [name, setName] = useState('');
  const [orgId, setOrgId] = useState('');
  const [description, setDescription] = useState('');
  const action = useAction();
  const create = (e: Event) => {
    e.preventDefault();
    void action.run(async () => {
      await api.rpc('create_service_account', { name, org_id: orgId || null,
                                                description: description || null });
      setName('');
      setDescription('');
      accounts.reload();
      return `Service account ${name} created.`;
    });
  };
  const disable = (a: Account, disabled: boolean) => action.run(async () => {
    await api.rpc('disable_principal', { principal_id: a.id, disabled });
    accounts.reload();
    return `Service account ${a.name} ${disabled ? 'disabled' : 'enabled'}.`;
  });
  const names = new Map((orgs.data ?? []).map((o) => [o.id, o.name]));
  return (
    <>
      <Feedback error={action.error} done={action.done} />
      <Loaded load={accounts} empty="No service account yet.">
        {(rows) => (
          <table>
            <caption>Service accounts</caption>
            <thead><tr><th scope="col">Name</th><th scope="col">Organization</th>
              <th scope="col">Created</th><th scope="col">State</th><th scope="col">Action</th></tr></thead>
            <tbody>
              {rows.map((a) => (
                <tr key={a.id}>
                  <td>{a.name}{a.description ? <span class="muted"> · {a.description}</span> : null}</td>
                  <td>{a.org_id ? names.get(a.org_id) ?? a.org_id : '—'}</td>
                  <td>{when(a.created_at)}</td>
                  <td>{a.disabled_at ? 'disabled' : 'active'}</td>
                  <td><button type="button" onClick={() => disable(a, !a.disabled_at)}
                              aria-label={`${a.disabled_at ? 'Enable' : 'Disable'} ${a.name}`}>
                    {a.disabled_at ? 'Enable' : 'Disable'}</button></td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Loaded>
      <form onSubmit={create} aria-labelledby="sa-new">
        <h2 id="sa-new">New service account</h2>
        <label for="sa-name">Name</label>
        <input id="sa-name" required value={name} onInput={(e) => setName(e.currentTarget.value)} />
        <label for="sa-org">Organization</label>
        <select id="sa-org" value={orgId} onChange={(e) => setOrgId(e.currentTarget.value)}>
          <option value="">None</option>
          {(orgs.data ?? []).map((o) => <option key={o.id} value={o.id}>{o.name}</option>)}
        </select>
        <label for="sa-desc">Description (optional)</label>
        <input id="sa-desc" value={description} onInput={(e) => setDescription(e.currentTarget.value)} />
        <button type="submit" disabled={action.busy}>Create service account</button>
      </form>
      <p class="muted">A service account acts through API keys: create one on the API keys page.</p>
    </>
  );
}
