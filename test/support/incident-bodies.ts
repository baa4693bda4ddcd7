/** A realistic create body: a tracking pixel on a care provider's booking page. */
export function newIncidentBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const now = Date.now();
  const hoursAgo = (h: number) => new Date(now - h * 3_600_000).toISOString();
  return {
    title: 'Tracking pixel on the booking page',
    summary: 'A third-party pixel on the video-visit booking page sent hashed contact details to an ad network.',
    cause: 'third-party',
    occurredAt: { from: hoursAgo(24 * 30), to: hoursAgo(30) },
    discoveredAt: hoursAgo(6),
    awareAt: hoursAgo(2),
    awarenessNote: 'Confirmed by the web team at the morning incident meeting.',
    careProvider: true,
    breach: { confidentiality: { exposure: 'known-recipients' }, malicious: false },
    data: { categories: ['contact', 'health'], identifiability: 'significant', protection: 'hashed-strong' },
    subjects: { approxCount: 2400, categories: ['patients'] },
    controller: { sector: 'healthcare' },
    ...overrides,
  };
}
