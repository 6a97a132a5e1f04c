// A cookie session in Node: OIDC login through the glue (cookies kept by the client),
// a write that needs X-CSRF-Token, logout. Run by tests/sdk/test_cookie_session.py, which
// sets NP_OIDC_PROVIDER and NP_OIDC_REDIRECT; skipped without them.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { ApiError, NeuronplaneClient } from '../dist/index.js';

const env = process.env;

test('OIDC cookie session: CSRF on writes, logout', { skip: !env.NP_OIDC_PROVIDER }, async () => {
  const np = new NeuronplaneClient({ baseUrl: env.NEURONPLANE_API_URL,
                                     glueUrl: env.NEURONPLANE_GLUE_URL });
  await np.loginOidc(env.NP_OIDC_PROVIDER, env.NP_OIDC_REDIRECT, { loginHint: 'alice' });
  const who = await (await np.request('GET', '/auth/session', { glue: true })).json();
  const project = await np.rpc('create_project', { name: `ts-cookie-${Date.now()}` });
  assert.equal(project.user_id, who.principal_id);
  await np.logout();
  await assert.rejects(np.rpc('create_project', { name: 'after-logout' }),
    (error) => error instanceof ApiError && error.status === 401);
  console.log(`COOKIE_SESSION ${who.session_id}`);
});
