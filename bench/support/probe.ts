// Timestamps inside a running request without editing application code: wraps methods of the
// live singletons (service, gateway, DataSource) for the duration of a profiling pass and
// restores them afterwards. Marks are taken only while a sample is open.

type AnyAsync = (...args: unknown[]) => Promise<unknown>;

export class Probe<M extends string> {
  private marks: Map<M, bigint> | undefined;
  private readonly restores: Array<() => void> = [];

  /** Opens a sample; marks from now until `end()` belong to it. */
  begin(): void {
    this.marks = new Map();
  }

  /** The first time each mark is reached within the open sample. */
  mark(name: M): void {
    if (this.marks && !this.marks.has(name)) this.marks.set(name, process.hrtime.bigint());
  }

  end(): Map<M, bigint> {
    const marks = this.marks ?? new Map<M, bigint>();
    this.marks = undefined;
    return marks;
  }

  /** Marks `before` when the async method is called and `after` when its promise settles. */
  wrap<T extends object>(target: T, key: keyof T & string, before: M, after: M): void {
    const original = (target as Record<string, unknown>)[key];
    if (typeof original !== 'function') throw new Error(`${key} is not a method`);
    const call = original as AnyAsync;
    const mark = (name: M): void => this.mark(name);
    const wrapped = async function (this: unknown, ...args: unknown[]): Promise<unknown> {
      mark(before);
      try {
        return await call.apply(this, args);
      } finally {
        mark(after);
      }
    };
    const own = Object.prototype.hasOwnProperty.call(target, key);
    Object.defineProperty(target, key, { value: wrapped, configurable: true, writable: true });
    this.restores.push(() => {
      if (own) Object.defineProperty(target, key, { value: original, configurable: true, writable: true });
      else delete (target as Record<string, unknown>)[key];
    });
  }

  /** Registers any other undo step (e.g. removing an event listener). */
  onRestore(step: () => void): void {
    this.restores.push(step);
  }

  restore(): void {
    for (const step of this.restores.splice(0).reverse()) step();
    this.marks = undefined;
  }
}
