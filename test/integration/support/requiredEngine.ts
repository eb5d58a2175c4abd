import { test } from 'vitest';
import { CHDB_INSTALL, ENGINES_DIR, loadChdb } from '../../../src/engine/clickhouse/chdbModule';
import { postgresMissing } from './postgresServer';

/**
 * Whether the tests of an engine can run here. Missing, they are skipped locally with a
 * message naming the command that installs it, and fail in CI (CI is set), where a
 * skipped parity run must never pass for a green one.
 */
function available(engine: string, missing: string | null, command: string): boolean {
  if (missing === null) return true;
  const message = `${engine} tests need ${missing}: run \`${command}\``;
  if (process.env.CI)
    test(`${engine} is installed`, () => {
      throw new Error(message);
    });
  else test.skip(`${engine}: ${message}`, () => undefined);
  return false;
}

export const postgresAvailable = () =>
  available('PostgreSQL', postgresMissing(), 'apt-get install postgresql (as .ci/run does)');

export const chdbAvailable = () =>
  available('chDB', loadChdb() === null ? `chDB in ${ENGINES_DIR}` : null, CHDB_INSTALL);
