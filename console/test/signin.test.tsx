import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { Console } from '../src/api';
import { App } from '../src/app';
import { fakeServer, SESSION } from './fake';

const ORIGIN = 'http://console.test';

function setup(routes: Record<string, unknown>) {
  const server = fakeServer(routes);
  render(<App api={new Console(ORIGIN, server.fetchImpl)} />);
  return server;
}

beforeEach(() => { window.location.hash = ''; document.cookie = 'np_csrf=; max-age=0'; });

test('signed out: the sign-in page with the SSO providers', async () => {
  setup({
    'GET /auth/session': { status: 401, body: { code: '28000', message: 'no session cookie' } },
    'POST /auth/refresh': { status: 401, body: { code: '28000', message: 'no refresh cookie' } },
    'GET /rest/rpc/sign_in_providers': [{ name: 'corp' }],
  });
  expect(await screen.findByRole('heading', { name: 'Sign in to neuronplane' })).toBeTruthy();
  const link = await screen.findByRole('link', { name: 'Sign in with corp' });
  expect(link.getAttribute('href')).toBe(`${ORIGIN}/auth/oidc/corp/login?redirect_to=%2F`);
});

test('no provider configured: says so', async () => {
  setup({
    'GET /auth/session': { status: 401, body: { code: '28000', message: 'no session cookie' } },
    'POST /auth/refresh': { status: 401, body: { code: '28000', message: 'x' } },
    'GET /rest/rpc/sign_in_providers': [],
  });
  expect(await screen.findByText('No single sign-on provider is configured.')).toBeTruthy();
});

test('a wrong password shows the server message; the right one signs in', async () => {
  let signedIn = false;
  const server = setup({
    'GET /auth/session': () => signedIn ? { body: SESSION }
      : { status: 401, body: { code: '28000', message: 'no session cookie' } },
    'POST /auth/refresh': { status: 401, body: { code: '28000', message: 'x' } },
    'GET /rest/rpc/sign_in_providers': [],
    'POST /auth/login': (_u: URL, init: { body: any }) => {
      if (init.body.password !== 'right') {
        return { status: 401, body: { code: '28P01', message: 'invalid username or password' } };
      }
      signedIn = true;
      return { body: { session_id: 's1' } };
    },
    'GET /rest/organizations': [],
  });
  fireEvent.input(await screen.findByLabelText('Username or e-mail'), { target: { value: 'alice' } });
  fireEvent.input(screen.getByLabelText('Password'), { target: { value: 'wrong' } });
  fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
  expect((await screen.findByRole('alert')).textContent).toBe('invalid username or password');
  fireEvent.input(screen.getByLabelText('Password'), { target: { value: 'right' } });
  fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
  expect(await screen.findByText('alice')).toBeTruthy();
  expect(await screen.findByText('You belong to no organization yet: create one below.')).toBeTruthy();
  const login = server.calls.filter((c) => c.path === '/auth/login').at(-1)!;
  expect(login.body).toEqual({ username_or_email: 'alice', password: 'right' });
});

test('the server unreachable: an error with a retry', async () => {
  const failing = (async () => { throw new TypeError('fetch failed'); }) as typeof fetch;
  render(<App api={new Console(ORIGIN, failing)} />);
  const alert = await screen.findByRole('alert');
  expect(alert.textContent).toContain('cannot be reached');
  expect(screen.getByRole('button', { name: 'Try again' })).toBeTruthy();
});

test('sign out ends the session and shows the sign-in page', async () => {
  document.cookie = 'np_csrf=tok';
  let out = false;
  const server = setup({
    'GET /auth/session': () => out ? { status: 401, body: { message: 'x' } } : { body: SESSION },
    'POST /auth/refresh': { status: 401, body: { message: 'x' } },
    'POST /auth/logout': () => { out = true; return { status: 204 }; },
    'GET /rest/rpc/sign_in_providers': [],
    'GET /rest/organizations': [],
  });
  fireEvent.click(await screen.findByRole('button', { name: 'Sign out' }));
  expect(await screen.findByRole('heading', { name: 'Sign in to neuronplane' })).toBeTruthy();
  const logout = server.calls.find((c) => c.path === '/auth/logout')!;
  expect(logout.headers.get('X-CSRF-Token')).toBe('tok');
});

test('navigation follows the hash and marks the current page', async () => {
  setup({ 'GET /auth/session': SESSION, 'GET /rest/organizations': [],
          'GET /rest/audit_events': [] });
  await screen.findByRole('heading', { level: 1, name: 'Organizations' });
  window.location.hash = '#/audit';
  window.dispatchEvent(new HashChangeEvent('hashchange'));
  expect(await screen.findByRole('heading', { level: 1, name: 'Audit log' })).toBeTruthy();
  expect(screen.getByRole('link', { name: 'Audit log' }).getAttribute('aria-current')).toBe('page');
  await waitFor(() => expect(document.title).toBe('Audit log · neuronplane'));
});

test('a refusal is told as one, not as an ended session', async () => {
  const { describe, ApiError } = await import('../src/api');
  expect(describe(new ApiError(401, '42501', 'permission denied: x'))).toBe('Not permitted: permission denied: x');
  expect(describe(new ApiError(401, 'PGRST301', 'JWT expired'))).toContain('Sign in again');
  expect(describe(new ApiError(409, '23505', 'exists', { hint: 'pick another' }))).toBe('exists (pick another)');
  expect(describe(new Error('plain'))).toBe('plain');
});
