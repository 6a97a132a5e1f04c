// Log in, create an organization and a project, create an API key for the project, use it.
//
//   NEURONPLANE_API_URL=http://127.0.0.1:3000 NEURONPLANE_GLUE_URL=http://127.0.0.1:8080 \
//   NEURONPLANE_USERNAME=alice NEURONPLANE_PASSWORD=... node examples/basic.mjs
//
// Prints what it made as one JSON object. (From an installed package, import
// 'neuronplane-client' instead of the relative path.)
import { randomUUID } from 'node:crypto';
import { pathToFileURL } from 'node:url';

import { ApiError, NeuronplaneClient, postRpcCreateOrganization } from '../dist/index.js';

export async function main(env = process.env) {
  const baseUrl = env.NEURONPLANE_API_URL ?? 'http://127.0.0.1:3000';
  const glueUrl = env.NEURONPLANE_GLUE_URL ?? 'http://127.0.0.1:8080';
  const suffix = randomUUID().slice(0, 8);

  const np = new NeuronplaneClient({ baseUrl, glueUrl });
  const session = await np.login(env.NEURONPLANE_USERNAME, env.NEURONPLANE_PASSWORD);

  // A generated function (typed body), through the client's session.
  const { data: org } = await postRpcCreateOrganization({
    client: np.api, body: { name: `Example ${suffix}`, slug: `ex-${suffix}` },
    throwOnError: true,
  });

  // The same session, through the small helper for RPCs.
  const project = await np.rpc('create_project', { name: 'example', org_id: org.id });
  const key = await np.rpc('create_api_key', {
    name: 'basic example', project_id: project.id, roles: ['member'] });

  // The key alone, as a service would use it.
  const service = new NeuronplaneClient({ baseUrl, glueUrl, apiKey: key.api_key });
  const seen = [];
  for await (const p of service.paginate('/projects', { params: { order: 'name' } })) {
    seen.push(p.id);
  }
  let refused = null;
  try {
    await service.rpc('create_organization', { name: `Other ${suffix}`, slug: `other-${suffix}` });
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    refused = error.sqlstate;  // a project-limited member key may not create organizations
  }
  return {
    principal_id: session.principal_id, org_id: org.id, project_id: project.id,
    api_key_id: key.id, projects_seen_with_key: seen, key_refused_create_organization: refused,
  };
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(JSON.stringify(await main()));
}
