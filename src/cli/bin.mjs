#!/usr/bin/env node
// The CLI is TypeScript; tsx compiles it on the fly so the same sources serve the app and the CLI.
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('./main.ts');
process.exitCode = await runCli(process.argv.slice(2));
