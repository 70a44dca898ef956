/**
 * mathjs, loaded from its CommonJS build. Importing the ESM build (`lib/esm`) makes the ESM loader link several
 * hundred module files (about 1.2 s per process on the measuring machine, more under a loader hook); `require` of the
 * same release's CommonJS build takes about 0.8 s and gives the same functions. Every process that checks a claim or
 * writes a report pays this, so the engines take mathjs from here and nowhere else.
 */
import { createRequire } from 'node:module';
import type * as MathJs from 'mathjs';

const require = createRequire(import.meta.url);
const mathjs = require('mathjs') as typeof MathJs;

export const { create, all } = mathjs;
