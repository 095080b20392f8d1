// A real OpenID Connect provider for the tests: node's oidc-provider (OpenID-certified) on a
// loopback port, with one confidential client that must use PKCE and a few accounts.
//
// Settings come from the environment (tests/support/oidc_provider.py sets them):
//   OIDC_PORT, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, OIDC_ACCOUNTS (JSON: login -> claims).
// Any login listed in OIDC_ACCOUNTS signs in with any password (the tests' provider is not
// what is under test; its protocol is), on a minimal login page of its own (oidc-provider's
// development pages load a web font from Google, which the browser tests forbid).
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
  features: { devInteractions: { enabled: false } },
  interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
  claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
  async findAccount(_ctx, id) {
    if (!accounts[id]) return undefined;
    return { accountId: id, claims: async () => ({ sub: id, ...accounts[id] }) };
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

async function bodyOf(ctx) {
  const chunks = [];
  for await (const chunk of ctx.req) chunks.push(chunk);
  return Buffer.concat(chunks).toString();
}

const escape = (text) => String(text).replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

function loginPage(uid, problem) {
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><link rel="icon" href="data:,">
<title>TestID sign-in</title></head>
<body><main><h1>TestID</h1>${problem ? `<p role="alert">${escape(problem)}</p>` : ''}
<form method="post" action="/interaction/${escape(uid)}/login">
<p><label for="login">Login</label> <input id="login" name="login" required></p>
<p><label for="password">Password</label> <input id="password" type="password" name="password" required></p>
<p><button type="submit">Sign in</button></p></form></main></body></html>`;
}

async function interaction(ctx) {
  const [, uid, action] = ctx.path.split('/').slice(1);
  const details = await provider.interactionDetails(ctx.req, ctx.res); // 400 unless live
  if (details.prompt.name === 'consent') {
    // oidc-provider asks a native client's user to consent each time; ours is first-party.
    const grant = details.grantId
      ? await provider.Grant.find(details.grantId)
      : new provider.Grant({ accountId: details.session.accountId, clientId: details.params.client_id });
    grant.addOIDCScope('openid email profile');
    grant.addOIDCClaims(['email', 'email_verified', 'name']);
    await provider.interactionFinished(ctx.req, ctx.res, { consent: { grantId: await grant.save() } }, {
      mergeWithLastSubmission: true,
    });
    return;
  }
  if (ctx.method === 'GET' && !action) {
    ctx.type = 'html';
    ctx.body = loginPage(uid);
    return;
  }
  const login = new URLSearchParams(await bodyOf(ctx)).get('login') || '';
  if (!accounts[login]) {
    ctx.type = 'html';
    ctx.body = loginPage(uid, 'Unknown login');
    return;
  }
  await provider.interactionFinished(ctx.req, ctx.res, { login: { accountId: login } }, {
    mergeWithLastSubmission: false,
  });
}

provider.use(async (ctx, next) => {
  if (ctx.method === 'POST' && ctx.path === '/test/next-token') {
    nextTokenMode = JSON.parse((await bodyOf(ctx)) || '{}').mode || null;
    ctx.body = { mode: nextTokenMode };
    return;
  }
  if (ctx.path.startsWith('/interaction/')) {
    await interaction(ctx);
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
