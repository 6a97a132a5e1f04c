import { useConsole } from '../context';
import { Feedback, Loaded, useAction, useLoad, when } from '../hooks';

interface SessionRow { id: string; auth_method: string; created_at: string;
  last_used_at: string | null; expires_at: string; ip: string | null;
  user_agent: string | null; is_current: boolean }

export function Sessions() {
  const { api } = useConsole();
  const load = useLoad(() => api.get<SessionRow>('/rpc/sessions'), []);
  const action = useAction();
  const revoke = (id: string) => action.run(async () => {
    await api.rpc('revoke_session', { session_id: id });
    load.reload();
    return 'Session revoked.';
  });
  return (
    <>
      <p>Where you are signed in. Revoking a session signs that browser or program out.</p>
      <Feedback error={action.error} done={action.done} />
      <Loaded load={load} empty="No open session.">
        {(rows) => (
          <table>
            <caption>Open sessions</caption>
            <thead><tr><th scope="col">Method</th><th scope="col">Started</th>
              <th scope="col">Last used</th><th scope="col">Address</th>
              <th scope="col">Browser</th><th scope="col">Action</th></tr></thead>
            <tbody>
              {rows.map((s) => (
                <tr key={s.id}>
                  <td>{s.auth_method}{s.is_current ? ' (this one)' : ''}</td>
                  <td>{when(s.created_at)}</td><td>{when(s.last_used_at)}</td>
                  <td>{s.ip ?? '—'}</td><td class="ua">{s.user_agent ?? '—'}</td>
                  <td>{s.is_current ? '—' : (
                    <button type="button" disabled={action.busy}
                            aria-label={`Revoke the ${s.auth_method} session from ${s.ip ?? 'unknown address'}, started ${when(s.created_at)}`}
                            onClick={() => revoke(s.id)}>Revoke</button>)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Loaded>
    </>
  );
}
