/**
 * neuronplane-client: the TypeScript SDK of the neuronplane API.
 *
 * NeuronplaneClient (sessions, refresh, errors, pagination) over the code generated from
 * api/openapi.json, re-exported as it is: every operation (`postRpcCreateOrganization`,
 * `getProjects`, ...) and its types; pass `client: np.api` (or `np.glue`) to them.
 */

export { NeuronplaneClient } from './client.js';
export type { ClientOptions, Page, Tokens } from './client.js';
export { ApiError } from './errors.js';
export * from './generated/index.js';
