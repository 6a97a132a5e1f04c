// A cookie session in Node: OIDC login through the glue (cookies kept by the client),
// a write that needs X-CSRF-Token, a refresh through the glue when the access cookie is
// refused as expired, logout. Run by tests/sdk/test_cookie_session.py, which sets
// NP_OIDC_PROVIDER, NP_OIDC_REDIRECT and NP_EXPIRED_ACCESS (an access token that expired);
// skipped without them.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { ApiError, NeuronplaneClient } from '../dist/index.js';

const env = process.env;

test('OIDC cookie session: CSRF on writes, refresh, logout', { skip: !env.NP_OIDC_PROVIDER },
     async () => {
  // The first PostgREST request after `expire = true` carries an expired access cookie, as
  // a browser's would once the token's 15 minutes are over.
  let expire = false;
  const fetchWithExpiry = (input, init) => {
    const request = new Request(input, init);
    if (expire && request.url.startsWith(env.NEURONPLANE_API_URL)) {
      expire = false;
      const cookie = request.headers.get('Cookie') ?? '';
      request.headers.set('Cookie',
        cookie.replace(/np_access=[^;]*/, `np_access=${env.NP_EXPIRED_ACCESS}`));
    }
    return fetch(request);
  };
  const np = new NeuronplaneClient({ baseUrl: env.NEURONPLANE_API_URL,
                                     glueUrl: env.NEURONPLANE_GLUE_URL, fetch: fetchWithExpiry });
  await np.loginOidc(env.NP_OIDC_PROVIDER, env.NP_OIDC_REDIRECT, { loginHint: 'alice' });
  const who = await (await np.request('GET', '/auth/session', { glue: true })).json();
  const project = await np.rpc('create_project', { name: `ts-cookie-${Date.now()}` });
  assert.equal(project.user_id, who.principal_id);
  expire = true;
  const again = await np.rpc('create_project', { name: `ts-cookie-2-${Date.now()}` });
  assert.equal(again.user_id, who.principal_id);
  assert.equal(expire, false);
  assert.equal(np.refreshes, 1);
  await np.logout();
  await assert.rejects(np.rpc('create_project', { name: 'after-logout' }),
    (error) => error instanceof ApiError && error.status === 401);
  console.log(`COOKIE_SESSION ${who.session_id}`);
});
