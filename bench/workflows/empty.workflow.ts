// Benchmark-only workflow: the least a workflow can be while still "running and answering a
// query" — the baseline the incident workflow's start is compared with.
import { condition, defineQuery, setHandler } from '@temporalio/workflow';

export const emptyStateQuery = defineQuery<string>('emptyState');

export async function emptyWorkflow(): Promise<void> {
  setHandler(emptyStateQuery, () => 'running');
  await condition(() => false);
}
