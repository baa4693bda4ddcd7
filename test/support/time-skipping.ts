import { afterAll, beforeAll } from '@jest/globals';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { bundleWorkflowCode, DefaultLogger, makeTelemetryFilterString, Runtime, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { workflowsPath } from '../../apps/worker/src/create-worker.js';
import { resolveTemporalBinaries } from '../../scripts/temporal-binaries.mjs';

/** The time-skipping test server from the installed binary (the SDK's download cannot work offline). */
export function createTimeSkippingEnvironment(): Promise<TestWorkflowEnvironment> {
  try {
    Runtime.install({
      logger: new DefaultLogger('WARN'),
      // The test server lacks some capabilities Core warns about on every worker start.
      telemetryOptions: { logging: { filter: makeTelemetryFilterString({ core: 'ERROR', other: 'ERROR' }), forward: {} } },
    });
  } catch {
    // already installed by an earlier test file in this process
  }
  const path = process.env.TEMPORAL_TEST_SERVER_PATH ?? resolveTemporalBinaries().testServer;
  return TestWorkflowEnvironment.createTimeSkipping({ server: { executable: { type: 'existing-path', path } } });
}

/** Bundles the workflow code once per test file; workers reuse it. */
export function bundleWorkflows(): Promise<WorkflowBundleWithSourceMap> {
  return bundleWorkflowCode({ workflowsPath: workflowsPath(), logger: { log: () => undefined, trace: () => undefined, debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined } });
}

/**
 * One time-skipping server and one workflow bundle per test file, torn down after it; the
 * callback hands them to the file's tests.
 */
export function useTimeSkippingEnvironment(ready: (env: TestWorkflowEnvironment, bundle: WorkflowBundleWithSourceMap) => void): void {
  let env: TestWorkflowEnvironment | undefined;
  beforeAll(async () => {
    env = await createTimeSkippingEnvironment();
    ready(env, await bundleWorkflows());
  }, 120_000);
  afterAll(async () => {
    await env?.teardown();
  });
}
