// The TypeScript SDK against a running stack (node --test). tests/sdk/test_typescript_sdk.py
// starts the stack and sets: NEURONPLANE_API_URL, NEURONPLANE_GLUE_URL, NEURONPLANE_USERNAME,
// NEURONPLANE_PASSWORD, and for the refresh test a session's expired access token and its
// refresh token (NP_EXPIRED_ACCESS, NP_REFRESH). It checks the database side afterwards.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { test } from 'node:test';

import { ApiError, NeuronplaneClient, getProjects } from '../dist/index.js';
import { main as basicExample } from '../examples/basic.mjs';

const env = process.env;
const options = { baseUrl: env.NEURONPLANE_API_URL, glueUrl: env.NEURONPLANE_GLUE_URL };

test('the basic example runs', async () => {
  const out = await basicExample(env);
  assert.deepEqual(out.projects_seen_with_key, [out.project_id]);
  assert.equal(out.key_refused_create_organization, '42501');
  console.log(`EXAMPLE ${JSON.stringify(out)}`);
});

test('20 concurrent calls with an expired access token: one refresh, all succeed', async () => {
  const np = new NeuronplaneClient({
    ...options, tokens: { accessToken: env.NP_EXPIRED_ACCESS, refreshToken: env.NP_REFRESH } });
  // The token really is refused as it is.
  const bare = await fetch(`${options.baseUrl}/projects`, {
    headers: { Authorization: `Bearer ${env.NP_EXPIRED_ACCESS}` } });
  assert.equal(bare.status, 401);
  const answers = await Promise.all(Array.from({ length: 20 }, () => np.page('/projects')));
  assert.equal(answers.length, 20);
  for (const page of answers) assert.ok(Array.isArray(page.rows));
  assert.equal(np.refreshes, 1);
  assert.notEqual(np.tokens.refreshToken, env.NP_REFRESH);
  // A generated function goes through the same session.
  const { data } = await getProjects({ client: np.api, throwOnError: true });
  assert.ok(Array.isArray(data));
});

test('an API error is an ApiError with the SQLSTATE', async () => {
  const np = new NeuronplaneClient(options);
  await np.login(env.NEURONPLANE_USERNAME, env.NEURONPLANE_PASSWORD);
  const slug = `dup-${randomUUID().slice(0, 8)}`;
  await np.rpc('create_organization', { name: slug, slug });
  await assert.rejects(np.rpc('create_organization', { name: slug, slug }), (error) => {
    assert.ok(error instanceof ApiError);
    assert.equal(error.status, 409);
    assert.equal(error.sqlstate, '23505');
    assert.match(error.message, /slug/);
    return true;
  });
  await assert.rejects(new NeuronplaneClient(options).login(env.NEURONPLANE_USERNAME, 'wrong'),
    (error) => error instanceof ApiError && error.status === 401 && error.sqlstate === '28P01');
});

test('pagination walks every row by ranges', async () => {
  const np = new NeuronplaneClient(options);
  await np.login(env.NEURONPLANE_USERNAME, env.NEURONPLANE_PASSWORD);
  const first = await np.page('/organizations', { limit: 2, params: { order: 'id' } });
  assert.ok(first.total >= 2, `at least two organizations, got ${first.total}`);
  const ids = [];
  for await (const row of np.paginate('/organizations', { pageSize: 2,
                                                           params: { order: 'id' } })) {
    ids.push(row.id);
  }
  assert.equal(ids.length, first.total);
  assert.equal(new Set(ids).size, ids.length);
});
