// A real OpenID provider for the tests (the certified npm package oidc-provider) on loopback.
//
//   node tests/oidc/provider.mjs CONFIG.json
//
// CONFIG: {"port": 8115, "client": {"client_id", "client_secret", "redirect_uris",
// "post_logout_redirect_uris"}, "accounts": {"login": {"claims": {...}, "amr": [...]}},
// "id_token_ttl": 300, "wrong_keys": false}. Each account signs in by its login name alone on
// the provider's own page; "wrong_keys" publishes keys that did not sign the ID tokens.
// Prints "ready" once it listens.
import { generateKeyPairSync } from 'node:crypto';
import http from 'node:http';
import { readFileSync } from 'node:fs';

import Provider from 'oidc-provider';

const config = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const issuer = `http://127.0.0.1:${config.port}`;

function signingKey(kid) {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { ...privateKey.export({ format: 'jwk' }), kid, use: 'sig', alg: 'RS256' };
}

const key = signingKey('test-key');
const publicPart = ({ kty, n, e, kid, use, alg }) => ({ kty, n, e, kid, use, alg });
// Same key id, other key: a signature made with `key` does not verify against it.
const published = config.wrong_keys ? publicPart(signingKey('test-key')) : publicPart(key);

const provider = new Provider(issuer, {
  clients: [{ ...config.client, response_types: ['code'], grant_types: ['authorization_code'] }],
  jwks: { keys: [key] },
  cookies: { keys: ['test-cookie-key-only-for-tests'] },
  claims: { openid: ['sub', 'acr', 'amr'], email: ['email', 'email_verified'], profile: ['name', 'organisation'] },
  features: { devInteractions: { enabled: false }, rpInitiatedLogout: { enabled: true } },
  pkce: { required: () => true },
  ttl: { IdToken: config.id_token_ttl ?? 300, Session: 3600, Interaction: 600, Grant: 3600 },
  async findAccount(ctx, id) {
    const account = config.accounts[id];
    if (!account) return undefined;
    return { accountId: id, claims: async () => ({ sub: id, ...account.claims }) };
  },
  // Samverkan is the organisation's own service: no consent screen.
  async loadExistingGrant(ctx) {
    const grantId = ctx.oidc.result?.consent?.grantId
      || ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
    if (grantId) return ctx.oidc.provider.Grant.find(grantId);
    const grant = new ctx.oidc.provider.Grant({
      clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId,
    });
    grant.addOIDCScope(ctx.oidc.params.scope);
    await grant.save();
    return grant;
  },
});

const page = (title, body) => `<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>${title}</title></head><body><h1>${title}</h1>${body}</body></html>`;

async function formBody(req) {
  let text = '';
  for await (const chunk of req) text += chunk;
  return new URLSearchParams(text);
}

async function interaction(req, res) {
  const details = await provider.interactionDetails(req, res);
  if (req.method === 'GET') {
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.end(page('Test provider sign-in', `<form method="post">
<label for="login">Login</label> <input id="login" name="login" autofocus>
<button type="submit">Sign in</button></form>`));
    return;
  }
  const login = (await formBody(req)).get('login');
  const account = config.accounts[login];
  if (!account || details.prompt.name !== 'login') {
    res.statusCode = 400;
    res.end(page('Unknown login', '<p>No such test account.</p>'));
    return;
  }
  const result = { login: { accountId: login, amr: account.amr, acr: account.acr } };
  await provider.interactionFinished(req, res, result, { mergeWithLastSubmission: false });
}

const handle = provider.callback();
http.createServer((req, res) => {
  if (req.url.startsWith('/interaction/')) {
    interaction(req, res).catch((error) => {
      res.statusCode = 500;
      res.end(String(error));
    });
  } else if (req.url === '/jwks') {
    res.setHeader('Content-Type', 'application/jwk-set+json');
    res.end(JSON.stringify({ keys: [published] }));
  } else {
    handle(req, res);
  }
}).listen(config.port, '127.0.0.1', () => console.log('ready'));
