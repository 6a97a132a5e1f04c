import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { Console } from '../src/api';
import { App } from '../src/app';
import { rate, sourceOf, type Job } from '../src/pages/datasets';
import { perDay } from '../src/pages/observability';
import { fakeServer, SESSION } from './fake';

const PROJECT = { id: 'p1', org_id: null, name: 'zips', description: null, neurondb_dsn: null,
                  agent_endpoint: null, created_at: '2026-12-01T10:00:00Z' };

function open(hash: string, routes: Record<string, unknown>, prepare?: (api: Console) => void) {
  window.location.hash = hash;
  document.cookie = 'np_csrf=tok';
  const server = fakeServer({ 'GET /auth/session': SESSION, 'GET /rest/projects': [PROJECT],
                              ...routes });
  const api = new Console('http://console.test', server.fetchImpl);
  prepare?.(api);
  render(<App api={api} />);
  return server;
}

const last = (calls: { path: string; body: unknown }[], path: string) =>
  calls.filter((c) => c.path === path).at(-1)?.body;

test('organizations: create, list members, invite, change a role, remove', async () => {
  const orgs = [{ id: 'o1', name: 'Acme', slug: 'acme', created_at: '2026-12-01T10:00:00Z' }];
  const server = open('#/organizations', {
    'GET /rest/organizations': orgs,
    'POST /rest/rpc/create_organization': { id: 'o2' },
    'GET /rest/memberships': [{ org_id: 'o1', user_id: 'u2', role: 'member', created_at: 'x' }],
    'GET /rest/users': [{ id: 'u2', username: 'bob' }],
    'POST /rest/rpc/invite_member': {},
    'POST /rest/rpc/change_member_role': {},
    'POST /rest/rpc/remove_member': { status: 204 },
  });
  fireEvent.input(await screen.findByLabelText('Name'), { target: { value: 'New' } });
  fireEvent.input(screen.getByLabelText(/^Slug/), { target: { value: 'new' } });
  fireEvent.click(screen.getByRole('button', { name: 'Create organization' }));
  expect(await screen.findByText('Organization New created.')).toBeTruthy();
  expect(last(server.calls, '/rest/rpc/create_organization')).toEqual({ name: 'New', slug: 'new' });

  fireEvent.click(screen.getByRole('button', { name: 'Acme' }));
  expect(await screen.findByRole('cell', { name: 'bob' })).toBeTruthy();
  fireEvent.change(screen.getByLabelText('Role of bob'), { target: { value: 'admin' } });
  expect(await screen.findByText('Role changed.')).toBeTruthy();
  expect(last(server.calls, '/rest/rpc/change_member_role')).toEqual({ org_id: 'o1', user_id: 'u2', role: 'admin' });
  fireEvent.input(screen.getByLabelText('E-mail or user id'), { target: { value: 'carol@x.test' } });
  fireEvent.click(screen.getByRole('button', { name: 'Invite' }));
  expect(await screen.findByText(/Invitation sent to carol@x\.test \(member\)/)).toBeTruthy();
  expect(last(server.calls, '/rest/rpc/invite_member'))
    .toEqual({ org_id: 'o1', email: 'carol@x.test', role: 'member' });
  fireEvent.input(screen.getByLabelText('E-mail or user id'), { target: { value: 'carol' } });
  fireEvent.click(screen.getByRole('button', { name: 'Invite' }));
  expect(await screen.findByText('Enter an e-mail address or a user id.')).toBeTruthy();
  fireEvent.click(screen.getByRole('button', { name: 'Remove bob' }));
  expect(await screen.findByText('Member removed.')).toBeTruthy();
  // Every write carried the CSRF token.
  for (const c of server.calls.filter((c) => c.path.startsWith('/rest/rpc/'))) {
    expect(c.headers.get('X-CSRF-Token')).toBe('tok');
  }
});

test('projects: the wizard tests the database before continuing, then creates the profile', async () => {
  let ok = false;
  const server = open('#/projects', {
    'GET /rest/organizations': [],
    'POST /onboarding/test-database': () => ({ body: ok ? { ok: true, elapsed_ms: 12 }
      : { ok: false, error: 'unreachable', message: 'connection refused' } }),
    'POST /onboarding/test-agent': { ok: true },
    'POST /rest/rpc/create_profile': { id: 'p2' },
  });
  expect(await screen.findByRole('cell', { name: 'zips' })).toBeTruthy();
  fireEvent.input(screen.getByLabelText('Profile name'), { target: { value: 'demo' } });
  fireEvent.input(screen.getByLabelText(/NeuronDB connection/), { target: { value: 'postgresql://h/db' } });
  const cont = screen.getByRole('button', { name: 'Continue' }) as HTMLButtonElement;
  expect(cont.disabled).toBe(true);
  fireEvent.click(screen.getByRole('button', { name: 'Test connection' }));
  expect((await screen.findByRole('alert')).textContent).toContain('connection refused');
  ok = true;
  fireEvent.click(screen.getByRole('button', { name: 'Test connection' }));
  expect(await screen.findByText('Connected in 12 ms.')).toBeTruthy();
  fireEvent.click(screen.getByRole('button', { name: 'Continue' }));
  fireEvent.input(await screen.findByLabelText(/NeuronAgent endpoint/), { target: { value: 'http://agent' } });
  fireEvent.click(screen.getByRole('button', { name: 'Test agent' }));
  expect(await screen.findByText('The agent answered.')).toBeTruthy();
  fireEvent.click(screen.getByRole('button', { name: 'Continue' }));
  fireEvent.click(await screen.findByRole('button', { name: 'Create profile' }));
  expect(await screen.findByText('Profile demo created.')).toBeTruthy();
  expect(last(server.calls, '/rest/rpc/create_profile')).toEqual({
    name: 'demo', org_id: null, neurondb_dsn: 'postgresql://h/db', agent_endpoint: 'http://agent',
    agent_api_key: null });
});

test('API keys: the secret is shown once, then hidden; revoke', async () => {
  const keys = [{ id: 'k1', name: 'ci', prefix: 'npk_ab', roles: ['member'], project_id: 'p1',
                  last_used_at: null, revoked_at: null, expires_at: null, created_at: 'x' }];
  const server = open('#/keys', {
    'GET /rest/api_keys': keys,
    'POST /rest/rpc/create_api_key': [{ id: 'k2', prefix: 'npk_cd', api_key: 'npk_cd_secret' }],
    'POST /rest/rpc/revoke_api_key': {},
  });
  await screen.findByRole('cell', { name: 'ci' });
  await waitFor(() => expect((screen.getByLabelText('Project') as HTMLSelectElement).value).toBe('p1'));
  fireEvent.input(screen.getByLabelText('Name'), { target: { value: 'deploy' } });
  fireEvent.click(screen.getByRole('button', { name: 'Create key' }));
  expect((await screen.findByTestId('new-secret')).textContent).toBe('npk_cd_secret');
  expect(last(server.calls, '/rest/rpc/create_api_key')).toEqual({ name: 'deploy', project_id: 'p1' });
  fireEvent.click(screen.getByRole('button', { name: 'I have saved it' }));
  expect(screen.queryByTestId('new-secret')).toBeNull();
  fireEvent.click(screen.getByRole('button', { name: 'Revoke key ci' }));
  expect(await screen.findByText('Key ci revoked.')).toBeTruthy();
});

test('API keys: an error of the server is shown', async () => {
  open('#/keys', { 'GET /rest/api_keys': { status: 403, body: { code: '42501', message: 'no right' } } });
  expect((await screen.findByRole('alert')).textContent).toContain('Not permitted: no right');
});

test('policies: list and explain a decision', async () => {
  let deny = false;
  open('#/policies', {
    'GET /rest/policies': [{ id: 'x', subject_id: null, subject_type: null, subject_role: 'member',
                             resource_type: 'project', resource_id: null, permission: 'read',
                             effect: 'allow', expires_at: null }],
    'POST /rest/rpc/explain_permission': () => ({ body: deny ? [] : [
      { source: 'membership', source_id: 'o1', effect: 'allow', detail: 'member of Acme' }] }),
  });
  expect(await screen.findByRole('cell', { name: 'role member' })).toBeTruthy();
  fireEvent.input(screen.getByLabelText('Resource id'), { target: { value: 'p1' } });
  fireEvent.click(screen.getByRole('button', { name: 'Explain' }));
  expect(await screen.findByRole('heading', { name: 'Allowed' })).toBeTruthy();
  expect(screen.getByText(/member of Acme/)).toBeTruthy();
  deny = true;
  fireEvent.click(screen.getByRole('button', { name: 'Explain' }));
  expect(await screen.findByRole('heading', { name: 'Denied' })).toBeTruthy();
  expect(screen.getByText('No grant applies: denied by default.')).toBeTruthy();
});

test('models: add one and set its key with a password field', async () => {
  const server = open('#/models', {
    'GET /rest/llm_models': [{ id: 'm1', provider: 'openai', model_name: 'gpt', display_name: null,
                               has_key: false, key_last4: null, key_updated_at: null }],
    'POST /rest/rpc/add_llm_model': {},
    'POST /rest/rpc/set_llm_model_key': {},
  });
  const keyField = await screen.findByLabelText('New key for gpt');
  expect(keyField.getAttribute('type')).toBe('password');
  fireEvent.input(keyField, { target: { value: 'sk-1234' } });
  fireEvent.click(screen.getByRole('button', { name: 'Set key' }));
  expect(await screen.findByText('Key saved.')).toBeTruthy();
  expect(last(server.calls, '/rest/rpc/set_llm_model_key')).toEqual({ model_id: 'm1', key: 'sk-1234' });
  fireEvent.change(screen.getByLabelText('Provider'), { target: { value: 'anthropic' } });
  fireEvent.input(screen.getByLabelText('Model name'), { target: { value: 'claude' } });
  fireEvent.click(screen.getByRole('button', { name: 'Add model' }));
  expect(await screen.findByText('Model claude added.')).toBeTruthy();
  expect(last(server.calls, '/rest/rpc/add_llm_model')).toEqual(
    { project_id: 'p1', provider: 'anthropic', model_name: 'claude', key: null });
});

const JOB: Job = { id: 'j1', dataset_name: 'zips', source_type: 'upload', status: 'running',
  phase: 'loading', format: 'auto', detected_format: 'csv', rows_done: 50, rows_total: 100,
  bytes_done: 10, bytes_total: 20, error: null, started_at: '2026-12-01T10:00:00Z',
  finished_at: null, created_at: '2026-12-01T10:00:00Z' };

test('datasets: upload a file, start a URL ingestion, cancel a running job', async () => {
  // jsdom's File is not the Blob Node's fetch can send: the upload itself is the SDK's
  // (tested there) and the browser tests'; here, what the page hands it.
  let uploaded: unknown[] = [];
  const server = open('#/datasets', {
    'GET /rest/ingest_jobs': [JOB],
    'POST /rest/rpc/start_ingest': { id: 'j3' },
    'POST /rest/rpc/cancel_ingest': {},
  }, (api) => { api.upload = async (...args: unknown[]) => { uploaded = args; return {}; }; });
  const row = await screen.findByRole('row', { name: /zips/ });
  expect(within(row).getByText('50 rows')).toBeTruthy();
  fireEvent.input(screen.getByLabelText('Dataset name'), { target: { value: 'cities' } });
  const file = new File(['a,b\n1,2\n'], 'cities.csv', { type: 'text/csv' });
  fireEvent.change(screen.getByLabelText(/^File/), { target: { files: [file] } });
  fireEvent.input(screen.getByLabelText(/Columns to embed/), { target: { value: 'a, b' } });
  fireEvent.input(screen.getByLabelText(/Columns to index/), { target: { value: 'a' } });
  // jsdom keeps its own (empty) file list for validation: submit the form directly.
  fireEvent.submit(screen.getByRole('form', { name: 'Ingest a dataset' }));
  expect(await screen.findByText('Ingestion of cities started.')).toBeTruthy();
  expect(uploaded.slice(0, 3)).toEqual(['p1', 'cities', file]);
  expect(uploaded[3]).toEqual({ format: undefined,
    embedding: { model: 'all-MiniLM-L6-v2', text_columns: ['a', 'b'] },
    indexConfig: { btree: ['a'] } });

  fireEvent.change(screen.getByLabelText('Source'), { target: { value: 'url' } });
  fireEvent.input(screen.getByLabelText(/^URL/), { target: { value: 'https://x.test/a.csv' } });
  fireEvent.click(screen.getByRole('button', { name: 'Start ingestion' }));
  await waitFor(() => expect(last(server.calls, '/rest/rpc/start_ingest')).toEqual({
    project_id: 'p1', dataset_name: 'cities', source_type: 'url',
    source: { url: 'https://x.test/a.csv' }, format: 'auto',
    embedding: { model: 'all-MiniLM-L6-v2', text_columns: ['a', 'b'] },
    index_config: { btree: ['a'] } }));
  fireEvent.click(screen.getByRole('button', { name: 'Cancel zips' }));
  expect(await screen.findByText('Job zips cancelled.')).toBeTruthy();
});

test('datasets: a job list with nothing yet says so', async () => {
  open('#/datasets', { 'GET /rest/ingest_jobs': [] });
  expect(await screen.findByText('No ingestion yet in this project.')).toBeTruthy();
});

test('the source of each kind, and the rate of a job', () => {
  expect(sourceOf('s3', 's3://b/k/x.csv')).toEqual({ bucket: 'b', key: 'k/x.csv' });
  expect(() => sourceOf('s3', 'b/k')).toThrow('s3://bucket/key');
  expect(sourceOf('github', 'o/r/data/x.csv')).toEqual({ repo: 'o/r', path: 'data/x.csv' });
  expect(sourceOf('huggingface', 'o/d/x.parquet')).toEqual({ dataset: 'o/d', path: 'x.parquet' });
  expect(() => sourceOf('github', 'o/r')).toThrow('owner/name/path');
  expect(rate({ ...JOB, finished_at: '2026-12-01T10:00:10Z' })).toBe('5 rows/s');
  expect(rate({ ...JOB, started_at: null })).toBe('—');
});

test('observability: health, workers and usage charts', async () => {
  open('#/observability', {
    'GET /rest/db_health': [{ server_version: '15.8', uptime: '1 day', database_size_bytes: 10485760,
      connections: 5, max_connections: 100, cache_hit_ratio: 0.99, deadlocks: 0, is_replica: false,
      checked_at: '2026-12-01T10:00:00Z' }],
    'GET /rest/workers': [{ kind: 'ingest', name: 'w1', state: 'idle', last_seen_at: null }],
    'GET /rest/usage': [
      { project_id: 'p1', day: '2026-12-02', requests: 3, errors: 1, tokens_in: 5, tokens_out: 5 },
      { project_id: 'p2', day: '2026-12-01', requests: 2, errors: 0, tokens_in: 1, tokens_out: 0 }],
    'GET /rest/index_health': [{ schema_name: 's', table_name: 't', index_name: 'i', size_bytes: 1,
                                 scans: 0, is_unused: true, is_valid: true }],
  });
  expect(await screen.findByText('5 of 100')).toBeTruthy();
  expect(screen.getByText('99.0 %')).toBeTruthy();
  expect(await screen.findByRole('cell', { name: 'w1' })).toBeTruthy();
  expect(screen.getByText('s.i on t: unused')).toBeTruthy();
  expect(screen.getByRole('img', { name: 'Requests: 2026-12-01 2, 2026-12-02 3' })).toBeTruthy();
  expect(perDay([{ project_id: 'p', day: 'd', requests: 1, errors: 0, tokens_in: 2, tokens_out: 3 }],
                'tokens')).toEqual([{ label: 'd', value: 5 }]);
});

test('audit: filter, and verify the chain (intact and broken)', async () => {
  let broken = false;
  const server = open('#/audit', {
    'GET /rest/audit_events': [{ id: 1, occurred_at: '2026-12-01T10:00:00Z', principal_id: 'u1-abcdef',
      principal_type: 'user', action: 'auth.login', resource_type: 'session', resource_id: 's1',
      outcome: 'success', ip: '127.0.0.1' }],
    'POST /rest/rpc/verify_audit': () => ({ body: broken
      ? [{ ok: false, event_id: 7, problem: 'hash mismatch' }] : [{ ok: true, event_id: null, problem: null }] }),
  });
  expect(await screen.findByRole('cell', { name: 'auth.login' })).toBeTruthy();
  fireEvent.input(screen.getByLabelText('Action starts with'), { target: { value: 'auth.' } });
  fireEvent.change(screen.getByLabelText('Outcome'), { target: { value: 'denied' } });
  fireEvent.click(screen.getByRole('button', { name: 'Apply filters' }));
  await waitFor(() => expect(server.calls.some((c) => c.path === '/rest/audit_events')).toBe(true));
  fireEvent.click(screen.getByRole('button', { name: 'Verify the chain' }));
  expect(await screen.findByText('Chain verified: no event was altered or removed.')).toBeTruthy();
  broken = true;
  fireEvent.click(screen.getByRole('button', { name: 'Verify the chain' }));
  expect(await screen.findByText('Chain broken: event 7: hash mismatch')).toBeTruthy();
});

test('sessions: revoke another session; an empty list says so', async () => {
  const server = open('#/sessions', {
    'GET /rest/rpc/sessions': [
      { id: 's1', auth_method: 'password', created_at: 'x', last_used_at: null, expires_at: 'x',
        ip: '127.0.0.1', user_agent: 'me', is_current: true },
      { id: 's2', auth_method: 'oidc', created_at: 'x', last_used_at: null, expires_at: 'x',
        ip: null, user_agent: null, is_current: false }],
    'POST /rest/rpc/revoke_session': { status: 204 },
  });
  fireEvent.click(await screen.findByRole('button', { name: /^Revoke the oidc session/ }));
  expect(await screen.findByText('Session revoked.')).toBeTruthy();
  expect(last(server.calls, '/rest/rpc/revoke_session')).toEqual({ session_id: 's2' });
});
