/**
 * Workflow code changes must not break runs already in flight. Histories recorded with
 * earlier versions of the code are replayed against the current bundle; a change that is not
 * guarded by `patched()` fails here with a nondeterminism error.
 */
import { beforeAll, describe, expect, it } from '@jest/globals';
import protobufs from '@temporalio/proto';
import { Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { bundleWorkflows } from '../support/time-skipping.js';

const dir = fileURLToPath(new URL('./histories/', import.meta.url));
const recorded = readdirSync(dir).filter((name) => name.endsWith('.json'));

let workflowBundle: WorkflowBundleWithSourceMap;
beforeAll(async () => {
  workflowBundle = await bundleWorkflows();
}, 60_000);

describe('replaying recorded histories', () => {
  it('has histories to replay', () => {
    expect(recorded.length).toBeGreaterThan(0);
  });

  it.each(recorded)('replays %s with the current workflow code', async (name) => {
    // Histories are kept in Temporal's JSON form, as the CLI and the Web UI export them.
    const history = protobufs.temporal.api.history.v1.History.fromObject(JSON.parse(readFileSync(`${dir}${name}`, 'utf8')));
    await expect(Worker.runReplayHistory({ workflowBundle }, history, name)).resolves.toBeUndefined();
  }, 60_000);
});
