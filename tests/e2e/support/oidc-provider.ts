// A real OpenID provider for the e2e tests: the certified `oidc-provider` package (8.x, the line
// that supports Node 20) on loopback, with its development login page (type any account name; the
// password is ignored) and the accounts' claims as given. Nothing is downloaded.
// The client is registered once the app knows its redirect URI (shown on the provider's beheer
// page), as an identity provider's administrator would.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import Provider from "oidc-provider";

export type Claims = { email?: string; email_verified?: boolean; name?: string; preferred_username?: string };

export type TestOidcProvider = {
  issuer: string;
  /** Registers the app as a confidential client (code flow) with this redirect URI. */
  registerClient(client: { clientId: string; clientSecret: string; redirectUri: string }): void;
  close(): Promise<void>;
};

export async function startOidcProvider(name: string, accounts: Record<string, Claims>): Promise<TestOidcProvider> {
  let handle: ((req: IncomingMessage, res: ServerResponse) => void) | null = null;
  const server: Server = createServer((req, res) => {
    if (!handle) {
      res.statusCode = 503;
      res.end("nog niet ingericht");
      return;
    }
    handle(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    issuer,
    registerClient({ clientId, clientSecret, redirectUri }) {
      const provider = new Provider(issuer, {
        clients: [
          {
            client_id: clientId,
            client_secret: clientSecret,
            redirect_uris: [redirectUri],
            grant_types: ["authorization_code"],
            response_types: ["code"],
            token_endpoint_auth_method: "client_secret_basic",
          },
        ],
        // Every instance on 127.0.0.1 shares the browser's cookie jar for that host: own names.
        cookies: {
          names: { session: `${name}_session`, interaction: `${name}_interaction`, resume: `${name}_resume` },
          keys: [`${name}-cookie-key-for-tests-only`],
        },
        claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name", "preferred_username"] },
        // The claims of the requested scopes in the ID token itself (next-auth reads the ID token).
        conformIdTokenClaims: false,
        features: { devInteractions: { enabled: true } },
        async findAccount(_ctx, id) {
          const claims = accounts[id];
          if (!claims) return undefined;
          return { accountId: id, claims: async () => ({ sub: id, ...claims }) };
        },
        // A first-party client: no consent screen.
        async loadExistingGrant(ctx) {
          const grantId = ctx.oidc.result?.consent?.grantId ?? ctx.oidc.session!.grantIdFor(ctx.oidc.client!.clientId);
          if (grantId) return ctx.oidc.provider.Grant.find(grantId);
          const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client!.clientId, accountId: ctx.oidc.session!.accountId! });
          grant.addOIDCScope("openid email profile");
          await grant.save();
          return grant;
        },
      });
      handle = provider.callback();
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
