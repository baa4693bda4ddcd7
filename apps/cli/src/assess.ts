#!/usr/bin/env node
// node dist/apps/cli/src/assess.js FILE.json — prints the risk assessment(s) of the facts in FILE.
import { readFileSync } from 'node:fs';
import { runAssessCli } from './assess-command.js';

const result = runAssessCli(process.argv, (path) => readFileSync(path, 'utf8'));
process.stdout.write(result.stdout);
process.stderr.write(result.stderr);
// Setting exitCode rather than calling exit() lets piped stdout finish flushing.
process.exitCode = result.exitCode;
