import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** An SMTP server on loopback that accepts every message, reads it to the end and only counts: the fastest possible receiver. */
export interface CountingSink {
  url: string;
  /** Messages accepted so far, with when each was accepted (ms since the sink started). */
  count(): number;
  acceptedAt: number[];
  stop(): Promise<void>;
}

export async function startCountingSink(): Promise<CountingSink> {
  const acceptedAt: number[] = [];
  const started = performance.now();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    size: 1024 * 1024,
    onData(stream, _session, callback) {
      stream.on('data', () => undefined);
      stream.on('end', () => {
        acceptedAt.push(performance.now() - started);
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    count: () => acceptedAt.length,
    acceptedAt,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
