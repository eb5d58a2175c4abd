import { createWriteStream } from 'node:fs';
import { unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/** A name the upload folder accepts: one plain file name, so no path can climb out of it. */
const FILE_NAME = /^[\w.-]{1,200}$/;

/**
 * The private folder that files dropped on the page are streamed into: the engine's own
 * import directory (Engine.importDirectory, readable by its SQL), which the page learns
 * from /api/hello and names its files under, so the app's import SQL reads them unchanged.
 */
export interface UploadFolder {
  dir: string;
  /** Where the file `name` is; refuses a name that is not one plain file name. */
  path(name: string): string;
  /** Streams a request body to the file `name`; refuses a name that is not one plain file name. */
  receive(name: string, body: Readable): Promise<void>;
  remove(name: string): Promise<void>;
}

export class UploadNameError extends Error {
  constructor(name: string) {
    super(`“${name}” is not a file name the upload folder accepts (letters, digits, _ . - only).`);
    this.name = 'UploadNameError';
  }
}

function checked(name: string): string {
  if (!FILE_NAME.test(name) || name === '.' || name === '..') throw new UploadNameError(name);
  return name;
}

/** Uploads into the engine's import directory (private to it, and removed when it closes). */
export function uploadFolder(importDirectory: string): UploadFolder {
  const dir = importDirectory.replace(/\/$/, '');
  return {
    dir,
    path: (name) => join(dir, checked(name)),
    async receive(name, body) {
      const path = join(dir, checked(name));
      // A page that goes away mid-upload (or cancels) leaves no part of its file behind.
      await pipeline(body, createWriteStream(path, { mode: 0o600 })).catch(async (err: unknown) => {
        await unlink(path).catch(() => undefined);
        throw err;
      });
    },
    async remove(name) {
      await unlink(join(dir, checked(name))).catch(() => undefined);
    },
  };
}
