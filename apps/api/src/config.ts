import { randomBytes } from 'node:crypto';

type Env = Readonly<Record<string, string | undefined>>;

export interface ApiConfig {
  host: string;
  port: number;
  /** Bearer token that writes need. */
  editorToken: string;
  /** True when the editor token was generated at start (printed once for the local user). */
  editorTokenGenerated: boolean;
  /** Bearer token that reads need, when set; the editor token reads too. */
  readToken: string | undefined;
}

function setting(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value === undefined || value === '' ? undefined : value;
}

/** API settings from the environment: PORT (8080), HOST (127.0.0.1), EDITOR_TOKEN, READ_TOKEN. */
export function apiConfig(env: Env = process.env): ApiConfig {
  const rawPort = setting(env, 'PORT') ?? '8080';
  const port = Number(rawPort);
  if (!/^\d+$/.test(rawPort) || port < 1 || port > 65535) {
    throw new Error(`PORT must be a whole number between 1 and 65535, got '${rawPort}'`);
  }
  const given = setting(env, 'EDITOR_TOKEN');
  return {
    host: setting(env, 'HOST') ?? '127.0.0.1',
    port,
    editorToken: given ?? randomBytes(18).toString('base64url'),
    editorTokenGenerated: given === undefined,
    readToken: setting(env, 'READ_TOKEN'),
  };
}
