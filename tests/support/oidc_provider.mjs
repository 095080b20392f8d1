// A real OpenID Connect provider for the tests: node's oidc-provider (OpenID-certified) on a
// loopback port, with one confidential client that must use PKCE and a few accounts.
//
// Settings come from the environment (tests/support/oidc_provider.py sets them):
//   OIDC_PORT, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, OIDC_ACCOUNTS (JSON: login -> claims).
// Any login listed in OIDC_ACCOUNTS signs in with any password (the tests' provider is not
// what is under test; its protocol is). Its login page is oidc-provider's own.
//
// POST /test/next-token {"mode": ...} makes the next token response carry a bad id_token,
// as a broken or hostile provider would: "expired", "audience", "nonce", "signature",
// "issuer" or "missing". The relying party must refuse each.
import { generateKeyPair, exportJWK, decodeJwt, decodeProtectedHeader, SignJWT } from 'jose';
import Provider from 'oidc-provider';

const port = Number(process.env.OIDC_PORT);
const issuer = `http://127.0.0.1:${port}`;
const clientId = process.env.OIDC_CLIENT_ID;
const accounts = JSON.parse(process.env.OIDC_ACCOUNTS || '{}');

// Keys made at each start: nothing to keep, nothing that could leak.
const { privateKey } = await generateKeyPair('RS256', { extractable: true });
const signingJwk = { ...(await exportJWK(privateKey)), kid: 'test-key', alg: 'RS256', use: 'sig' };
const { privateKey: strangerKey } = await generateKeyPair('RS256', { extractable: true });

const configuration = {
  clients: [{
    client_id: clientId,
    client_secret: process.env.OIDC_CLIENT_SECRET,
    // "native": a loopback redirect URI matches on any port (RFC 8252), so the app's test
    // server, started on a free port, needs no registration of its own.
    application_type: 'native',
    redirect_uris: ['http://127.0.0.1/auth/oidc/callback', 'http://localhost/auth/oidc/callback'],
    grant_types: ['authorization_code'],
    response_types: ['code'],
    token_endpoint_auth_method: 'client_secret_basic',
  }],
  jwks: { keys: [signingJwk] },
  pkce: { required: () => true },
  features: { devInteractions: { enabled: true } },
  claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
  async findAccount(_ctx, id) {
    if (!accounts[id]) return undefined;
    return { accountId: id, claims: async () => ({ sub: id, ...accounts[id] }) };
  },
  // A first-party client: no consent screen, as with an organisation's own provider.
  async loadExistingGrant(ctx) {
    const grant = new ctx.oidc.provider.Grant({
      clientId: ctx.oidc.client.clientId,
      accountId: ctx.oidc.session.accountId,
    });
    grant.addOIDCScope('openid email profile');
    grant.addOIDCClaims(['email', 'email_verified', 'name']);
    await grant.save();
    return grant;
  },
  ttl: { AccessToken: 600, AuthorizationCode: 60, IdToken: 600, Interaction: 600, Session: 600, Grant: 600 },
};

const provider = new Provider(issuer, configuration);
let nextTokenMode = null;

async function resigned(idToken, mode) {
  const claims = decodeJwt(idToken);
  const header = decodeProtectedHeader(idToken);
  const now = Math.floor(Date.now() / 1000);
  let key = privateKey;
  if (mode === 'expired') Object.assign(claims, { iat: now - 3600, exp: now - 1800 });
  if (mode === 'audience') claims.aud = 'someone-else';
  if (mode === 'nonce') claims.nonce = 'not-the-nonce-we-sent';
  if (mode === 'issuer') claims.iss = 'http://127.0.0.1:1';
  if (mode === 'signature') key = strangerKey; // same kid, another key
  return new SignJWT(claims).setProtectedHeader({ alg: header.alg, kid: header.kid }).sign(key);
}

provider.use(async (ctx, next) => {
  if (ctx.method === 'POST' && ctx.path === '/test/next-token') {
    const chunks = [];
    for await (const chunk of ctx.req) chunks.push(chunk);
    nextTokenMode = JSON.parse(Buffer.concat(chunks).toString() || '{}').mode || null;
    ctx.body = { mode: nextTokenMode };
    return;
  }
  await next();
  if (ctx.path === '/token' && nextTokenMode && ctx.body && ctx.body.id_token) {
    const mode = nextTokenMode;
    nextTokenMode = null;
    if (mode === 'missing') delete ctx.body.id_token;
    else ctx.body.id_token = await resigned(ctx.body.id_token, mode);
  }
});

provider.listen(port, '127.0.0.1', () => {
  console.log(`oidc-provider listening on ${issuer}`);
});
