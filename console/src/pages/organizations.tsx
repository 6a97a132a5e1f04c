import { useState } from 'preact/hooks';
import { useConsole } from '../context';
import { Feedback, Loaded, useAction, useLoad, when } from '../hooks';

interface Org { id: string; name: string; slug: string; created_at: string }
interface Member { org_id: string; user_id: string; role: string; created_at: string }
interface User { id: string; username: string }

const ROLES = ['owner', 'admin', 'member', 'viewer'];

export function Organizations() {
  const { api } = useConsole();
  const orgs = useLoad(() => api.get<Org>('/organizations', { order: 'name' }), []);
  const [name, setName] = useState('');
  const [slug, setSlug] = useState('');
  const [selected, setSelected] = useState<string | null>(null);
  const create = useAction();
  const submit = (e: Event) => {
    e.preventDefault();
    void create.run(async () => {
      await api.rpc('create_organization', { name, slug });
      setName('');
      setSlug('');
      orgs.reload();
      return `Organization ${name} created.`;
    });
  };
  return (
    <>
      <section aria-labelledby="org-list">
        <h2 id="org-list">Your organizations</h2>
        <Loaded load={orgs} empty="You belong to no organization yet: create one below.">
          {(rows) => (
            <ul class="plain">
              {rows.map((o) => (
                <li key={o.id}>
                  <button type="button" aria-pressed={selected === o.id}
                          onClick={() => setSelected(o.id)}>{o.name}</button>
                  {' '}<span class="muted">{o.slug} · since {when(o.created_at)}</span>
                </li>
              ))}
            </ul>
          )}
        </Loaded>
      </section>
      <form onSubmit={submit} aria-labelledby="org-new">
        <h2 id="org-new">New organization</h2>
        <label for="org-name">Name</label>
        <input id="org-name" required value={name} onInput={(e) => setName(e.currentTarget.value)} />
        <label for="org-slug">Slug (lower-case letters, digits, dashes)</label>
        <input id="org-slug" required value={slug} onInput={(e) => setSlug(e.currentTarget.value)} />
        <button type="submit" disabled={create.busy}>Create organization</button>
        <Feedback error={create.error} done={create.done} />
      </form>
      {selected && <Members orgId={selected} />}
    </>
  );
}

function Members({ orgId }: { orgId: string }) {
  const { api } = useConsole();
  const members = useLoad(async () => {
    const rows = await api.get<Member>('/memberships', { org_id: `eq.${orgId}`, order: 'created_at' });
    const ids = rows.map((m) => m.user_id);
    const users = ids.length
      ? await api.get<User>('/users', { id: `in.(${ids.join(',')})` }) : [];
    const names = new Map(users.map((u) => [u.id, u.username]));
    return rows.map((m) => ({ ...m, username: names.get(m.user_id) ?? m.user_id }));
  }, [orgId]);
  const [who, setWho] = useState('');
  const [role, setRole] = useState('member');
  const action = useAction();
  const invite = (e: Event) => {
    e.preventDefault();
    void action.run(async () => {
      // Members join by invitation: the person accepts it before the organization sees them.
      const target = who.trim();
      const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
      if (!target.includes('@') && !uuid.test(target)) {
        throw new Error('Enter an e-mail address or a user id.');
      }
      await api.rpc('invite_member', target.includes('@')
        ? { org_id: orgId, email: target, role } : { org_id: orgId, user_id: target, role });
      setWho('');
      members.reload();
      return `Invitation sent to ${target} (${role}): they become a member when they accept it.`;
    });
  };
  const change = (userId: string, newRole: string) => action.run(async () => {
    await api.rpc('change_member_role', { org_id: orgId, user_id: userId, role: newRole });
    members.reload();
    return 'Role changed.';
  });
  const remove = (userId: string) => action.run(async () => {
    await api.rpc('remove_member', { org_id: orgId, user_id: userId });
    members.reload();
    return 'Member removed.';
  });
  return (
    <section aria-labelledby="members">
      <h2 id="members">Members</h2>
      <Feedback error={action.error} done={action.done} />
      <Loaded load={members} empty="No member yet.">
        {(rows) => (
          <table>
            <caption>Members and their roles</caption>
            <thead><tr><th scope="col">User</th><th scope="col">Role</th><th scope="col">Action</th></tr></thead>
            <tbody>
              {rows.map((m) => (
                <tr key={m.user_id}>
                  <td>{m.username}</td>
                  <td>
                    <select aria-label={`Role of ${m.username}`} value={m.role}
                            onChange={(e) => change(m.user_id, e.currentTarget.value)}>
                      {ROLES.map((r) => <option key={r} value={r}>{r}</option>)}
                    </select>
                  </td>
                  <td><button type="button" onClick={() => remove(m.user_id)}
                              aria-label={`Remove ${m.username}`}>Remove</button></td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Loaded>
      <form onSubmit={invite} aria-label="Add a member">
        <label for="invite">E-mail or user id</label>
        <input id="invite" required value={who} onInput={(e) => setWho(e.currentTarget.value)} />
        <label for="invite-role">Role</label>
        <select id="invite-role" value={role} onChange={(e) => setRole(e.currentTarget.value)}>
          {ROLES.map((r) => <option key={r} value={r}>{r}</option>)}
        </select>
        <button type="submit" disabled={action.busy}>Invite</button>
      </form>
    </section>
  );
}
