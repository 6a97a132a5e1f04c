// The OpenID Provider of the end-to-end tests: the npm package oidc-provider (pinned in
// package.json / package-lock.json), on loopback, configured from a JSON file:
//
//   {"port": 0, "issuer": "http://127.0.0.1:PORT", "module": "<path of oidc-provider's index.js>",
//    "keys": [private JWKs, the first one signs], "clients": [client metadata],
//    "accounts": {"alice": {"email": ..., "email_verified": true, ...}}}
//
// Logging in needs no person: GET /interaction/<uid> logs in the test account named by the
// authorization request's login_hint (default "alice") and grants the requested scopes.
// GET /__test/mode?mode=...&patch=<JSON>&header=<JSON> makes the token endpoint misbehave,
// for the tests of ID tokens the relying party must refuse:
//   mode=resign    the ID token's claims and header are patched and re-signed (RS256) with
//                  the provider's key;
//   mode=tamper    the claims are patched but the old header and signature are kept;
//   mode=unsigned  the header is patched (e.g. alg none), the signature left empty;
//   mode=none      (default) tokens as issued.
// GET /__test/token_requests lists the authorization codes the token endpoint was asked to
// redeem (a provider playing an attacker shows what reached it).
import crypto from 'node:crypto';
import fs from 'node:fs';
import { pathToFileURL } from 'node:url';

const config = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const { default: Provider } = await import(pathToFileURL(config.module).href);

const accounts = config.accounts;
let mode = { mode: 'none', patch: {}, header: {} };
const tokenRequests = [];

const b64url = (buf) => Buffer.from(buf).toString('base64url');

function rewriteIdToken(idToken) {
  const [header, payload, signature] = idToken.split('.');
  const claims = { ...JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')), ...mode.patch };
  const newPayload = b64url(JSON.stringify(claims));
  if (mode.mode === 'tamper') {
    return `${header}.${newPayload}.${signature}`;
  }
  const newHeader = b64url(JSON.stringify({
    ...JSON.parse(Buffer.from(header, 'base64url').toString('utf8')), ...mode.header }));
  if (mode.mode === 'unsigned') {
    return `${newHeader}.${newPayload}.`;
  }
  const key = crypto.createPrivateKey({ key: config.keys[0], format: 'jwk' });
  const signingInput = `${newHeader}.${newPayload}`;
  const sig = crypto.sign('sha256', Buffer.from(signingInput), key);
  return `${signingInput}.${b64url(sig)}`;
}

const provider = new Provider(config.issuer, {
  clients: config.clients,
  jwks: { keys: config.keys },
  cookies: { keys: [crypto.randomBytes(32).toString('hex')] },
  features: { devInteractions: { enabled: false } },
  pkce: { required: () => true, methods: ['S256'] },
  // The e-mail and profile claims go into the ID token itself.
  conformIdTokenClaims: false,
  claims: {
    openid: ['sub'],
    email: ['email', 'email_verified'],
    profile: ['name', 'preferred_username'],
  },
  async findAccount(ctx, id) {
    if (!accounts[id]) return undefined;
    return { accountId: id, claims: async () => ({ sub: id, ...accounts[id] }) };
  },
  interactions: { url: (ctx, interaction) => `/interaction/${interaction.uid}` },
});
provider.proxy = false;

provider.use(async (ctx, next) => {
  if (ctx.method === 'GET' && ctx.path === '/__test/mode') {
    mode = {
      mode: ctx.query.mode || 'none',
      patch: JSON.parse(ctx.query.patch || '{}'),
      header: JSON.parse(ctx.query.header || '{}'),
    };
    ctx.body = mode;
    return;
  }
  if (ctx.method === 'GET' && ctx.path === '/__test/token_requests') {
    ctx.body = tokenRequests;
    return;
  }
  const m = ctx.method === 'GET' && ctx.path.match(/^\/interaction\/([^/]+)$/);
  if (m) {
    const details = await provider.interactionDetails(ctx.req, ctx.res);
    const { prompt, params, session } = details;
    let result;
    if (prompt.name === 'login') {
      const accountId = params.login_hint || 'alice';
      if (!accounts[accountId]) {
        ctx.status = 400;
        ctx.body = `no test account ${accountId}`;
        return;
      }
      result = { login: { accountId } };
    } else {
      const grant = new provider.Grant({ accountId: session.accountId, clientId: params.client_id });
      grant.addOIDCScope(params.scope);
      result = { consent: { grantId: await grant.save() } };
    }
    const returnTo = await provider.interactionResult(ctx.req, ctx.res, result,
                                                      { mergeWithLastSubmission: true });
    ctx.status = 303;
    ctx.set('Location', returnTo);
    return;
  }
  await next();
  if (ctx.path === '/token' && ctx.method === 'POST') {
    tokenRequests.push({ code: ctx.oidc?.params?.code ?? null, status: ctx.status });
  }
  if (ctx.path === '/token' && mode.mode !== 'none' && ctx.body && ctx.body.id_token) {
    ctx.body = { ...ctx.body, id_token: rewriteIdToken(ctx.body.id_token) };
  }
});

const server = provider.listen(config.port, '127.0.0.1', () => {
  process.stdout.write(`listening ${server.address().port}\n`);
});
for (const signal of ['SIGTERM', 'SIGINT']) {
  process.on(signal, () => server.close(() => process.exit(0)));
}
