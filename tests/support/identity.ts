import { platformState } from './platform-state';

const tokens = new Map<string, string>();

/** A real access token from the identity provider (password grant on `convergences-cli`). */
export async function tokenFor(username: string, password = username): Promise<string> {
  const cached = tokens.get(username);
  if (cached) return cached;
  const response = await fetch(`${platformState().idpUrl}/realms/convergences/protocol/openid-connect/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'password', client_id: 'convergences-cli', username, password }),
  });
  if (!response.ok) throw new Error(`No token for ${username}: ${response.status} ${await response.text()}`);
  const { access_token } = (await response.json()) as { access_token: string };
  tokens.set(username, access_token);
  return access_token;
}
