/**
 * Temporal registers activities as plain functions by name; Nest gives us provider instances.
 * Every public method of each provider becomes an activity bound to its instance.
 */
export function activityFunctions(providers: object[]): Record<string, (...args: unknown[]) => Promise<unknown>> {
  const activities: Record<string, (...args: unknown[]) => Promise<unknown>> = {};
  for (const provider of providers) {
    const prototype = Object.getPrototypeOf(provider) as Record<string, unknown>;
    for (const name of Object.getOwnPropertyNames(prototype)) {
      const member = prototype[name];
      if (name === 'constructor' || typeof member !== 'function') continue;
      if (name in activities) throw new Error(`activity ${name} is defined twice`);
      activities[name] = (member as (...args: unknown[]) => Promise<unknown>).bind(provider);
    }
  }
  return activities;
}
