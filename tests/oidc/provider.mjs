// A real OpenID Connect provider for the sign-in tests: panva's certified oidc-provider with
// the users, tenants and clients of a JSON file. Usage: node provider.mjs CONFIG.json PORT
//
// Each user's claims are released as the school's provider would: `tid` as Entra ID does,
// `hd` as Google Workspace does, `uid` and `nlEduPersonHomeOrganizationId` (BRIN) as Entree
// does. A user missing from the file (or marked "disabled") cannot sign in, as an account
// switched off at the school.
import { readFileSync } from 'node:fs';
import Provider from 'oidc-provider';

const [configPath, port] = process.argv.slice(2);
const config = JSON.parse(readFileSync(configPath, 'utf8'));
const issuer = `http://127.0.0.1:${port}`;

function currentUsers() {
  // Read on every look-up, so a test can switch an account off while the provider runs.
  return JSON.parse(readFileSync(configPath, 'utf8')).users;
}

const provider = new Provider(issuer, {
  clients: config.clients.map((client) => ({
    grant_types: ['authorization_code'],
    response_types: ['code'],
    token_endpoint_auth_method: 'client_secret_post',
    ...client,
  })),
  async findAccount(ctx, id) {
    const user = currentUsers()[id];
    if (!user || user.disabled) return undefined;
    return {
      accountId: id,
      async claims() {
        const { disabled, ...claims } = user;
        return { sub: id, ...claims };
      },
    };
  },
  claims: {
    openid: ['sub', 'oid', 'tid', 'hd', 'uid', 'nlEduPersonHomeOrganizationId'],
    email: ['email', 'email_verified'],
    profile: ['name'],
  },
  conformIdTokenClaims: false,
  features: { devInteractions: { enabled: true } },
  cookies: { keys: ['tlschool-tests-only'] },
  pkce: { required: () => false },
  ttl: { Session: 3600, Interaction: 600, Grant: 3600 },
});
provider.proxy = false;
// The tests' own servers listen on ports chosen at random: any redirect back to this machine
// (or to Django's test client) is accepted, nothing else.
const localRedirect = /^http:\/\/(127\.0\.0\.1|localhost|testserver)(:[0-9]+)?\//;
provider.Client.prototype.redirectUriAllowed = (uri) => localRedirect.test(uri);

provider.listen(Number(port), '127.0.0.1', () => {
  console.log(`oidc-provider listening on ${issuer}`);
});
