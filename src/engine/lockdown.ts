/**
 * The engine's own wall (DESIGN.md, lock-down). Workbook SQL may come from a stranger;
 * the guard explains refusals, but only these settings make the engine itself refuse
 * to touch anything outside its tables: no file, URL or extension, and no way to undo
 * any of it. Every DuckDB engine runs them right after connecting, before any other SQL.
 */

/** The one directory under which files to import are registered: the only place SQL may read. */
export const IMPORT_PREFIX = '/shakhes-import/';

/**
 * The path at which to register a file to import, so that the locked engine can read it:
 * under the engine's own import directory (Engine.importDirectory), else the virtual prefix.
 */
export function importPath(name: string, directory = IMPORT_PREFIX): string {
  return `${directory}${name.replaceAll('/', '_')}`;
}

/** Whether a file name may be registered: only under the import directory, never climbing out of it. */
function isImportPath(name: string, directory: string): boolean {
  return name.startsWith(directory) && !name.slice(directory.length).split('/').includes('..');
}

/**
 * In this order: extensions can be neither fetched nor loaded (offline, and a Parquet COPY
 * would hang in Node and call out in the browser); file access is limited to the import
 * prefix, then external access is switched off; the lock comes last and makes every
 * later SET, RESET or PRAGMA that changes a setting fail.
 */
export function lockdownSettings(directories: readonly string[]): string[] {
  const quoted = directories.map((d) => `'${d.replaceAll("'", "''")}'`).join(', ');
  return [
    'SET autoinstall_known_extensions=false',
    'SET autoload_known_extensions=false',
    'SET allow_community_extensions=false',
    `SET allowed_directories=[${quoted}]`,
    'SET enable_external_access=false',
    'SET lock_configuration=true',
  ];
}

/** The browser's and the WASM Node engine's wall: only the virtual import prefix is readable. */
export const LOCKDOWN_SETTINGS: readonly string[] = lockdownSettings([IMPORT_PREFIX]);

/** Refuses to register a file where the locked engine could not read it (a caller's mistake). */
export function assertImportPath(name: string, directory = IMPORT_PREFIX): void {
  if (!isImportPath(name, directory))
    throw new Error(`Files to import are registered under ${directory} (importPath), not at ${name}.`);
}
