#!/usr/bin/env node
// Launches the TypeScript CLI through tsx's loader so the package runs without a build step.
import { register } from 'tsx/esm/api';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

register();
const here = dirname(fileURLToPath(import.meta.url));
await import(join(here, '..', 'src', 'cli', 'main.ts'));
