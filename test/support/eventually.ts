/**
 * Polls until the probe returns something truthy, for effects that happen on another process's
 * schedule (a worker, a workflow, an SMTP delivery). Fails naming what it waited for.
 */
export async function eventually<T>(
  probe: () => Promise<T | undefined | null | false>,
  options: { timeoutMs?: number; what?: string } = {},
): Promise<T> {
  const deadline = Date.now() + (options.timeoutMs ?? 20_000);
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${options.what ?? 'a condition'}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
