#!/usr/bin/env node
// `pnpm cli …` finds this bin and runs it directly (no script banner on stdout, so
// `--json` output stays pure JSON). tsx loads the TypeScript sources of the workspace.
import { register } from 'tsx/esm/api';

register();
await import('../src/main.ts');
