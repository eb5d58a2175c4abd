import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

/** What this project uses of the `chdb` package (3.4). */
export interface ChdbSession {
  readonly path: string;
  queryAsync(sql: string, options?: { format?: string }): Promise<{ bytes(): Uint8Array }>;
  close(): void;
}
interface ChdbModule {
  Session: new (path?: string, options?: { connectionArgs?: readonly string[] }) => ChdbSession;
}

/**
 * Where `npm run engines` installs chDB: a prefix of its own under node_modules/.cache,
 * so neither the app nor `shakhes serve` depends on its ~540 MB (docs/engines.md).
 * SHAKHES_ENGINES_DIR points elsewhere.
 */
export const ENGINES_DIR =
  process.env.SHAKHES_ENGINES_DIR ??
  fileURLToPath(new URL('../../../node_modules/.cache/shakhes-engines/', import.meta.url));

/** The chDB package, or null when it is not installed (the reason is then `chdbMissing()`). */
export function loadChdb(): ChdbModule | null {
  try {
    return createRequire(`${ENGINES_DIR.replace(/\/?$/, '/')}package.json`)('chdb') as ChdbModule;
  } catch {
    return null;
  }
}

export const CHDB_INSTALL = 'npm run engines';
