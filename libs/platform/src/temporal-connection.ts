import { readFileSync } from 'node:fs';
import type { AppConfig } from './config.js';

export type TemporalConnectionConfig = Pick<
  AppConfig,
  'TEMPORAL_ADDRESS' | 'TEMPORAL_TLS' | 'TEMPORAL_TLS_CERT' | 'TEMPORAL_TLS_KEY' | 'TEMPORAL_TLS_CA' | 'TEMPORAL_TLS_SERVER_NAME' | 'TEMPORAL_API_KEY'
>;

/** What the client's `Connection` and the worker's `NativeConnection` both take. */
export interface TemporalConnectionOptions {
  address: string;
  tls?: {
    serverNameOverride?: string;
    serverRootCACertificate?: Buffer;
    clientCertPair?: { crt: Buffer; key: Buffer };
  };
  apiKey?: string;
}

/** A PEM given as itself (a secret store's value) or as the path of a file that holds it. */
export function pemOf(value: string): Buffer {
  return value.includes('-----BEGIN ') ? Buffer.from(value.replace(/\\n/g, '\n')) : readFileSync(value);
}

/**
 * How to reach Temporal: plain on a private network (the dev server), TLS with the server's CA and
 * a client certificate (mTLS, self-hosted or Temporal Cloud), or TLS with an API key (Temporal
 * Cloud). The API's client, the worker and the scripts all connect through this.
 */
export function temporalConnectionOptions(config: TemporalConnectionConfig): TemporalConnectionOptions {
  const wantsTls =
    config.TEMPORAL_TLS === 'true' ||
    config.TEMPORAL_API_KEY !== undefined ||
    config.TEMPORAL_TLS_CERT !== undefined ||
    config.TEMPORAL_TLS_CA !== undefined ||
    config.TEMPORAL_TLS_SERVER_NAME !== undefined;
  if (config.TEMPORAL_TLS === 'false' && wantsTls && (config.TEMPORAL_API_KEY || config.TEMPORAL_TLS_CERT || config.TEMPORAL_TLS_CA)) {
    throw new Error('TEMPORAL_TLS=false contradicts TEMPORAL_API_KEY / TEMPORAL_TLS_CERT / TEMPORAL_TLS_CA, which are only sent over TLS');
  }
  if (!wantsTls || config.TEMPORAL_TLS === 'false') return { address: config.TEMPORAL_ADDRESS };
  return {
    address: config.TEMPORAL_ADDRESS,
    tls: {
      ...(config.TEMPORAL_TLS_SERVER_NAME && { serverNameOverride: config.TEMPORAL_TLS_SERVER_NAME }),
      ...(config.TEMPORAL_TLS_CA && { serverRootCACertificate: pemOf(config.TEMPORAL_TLS_CA) }),
      ...(config.TEMPORAL_TLS_CERT && config.TEMPORAL_TLS_KEY && { clientCertPair: { crt: pemOf(config.TEMPORAL_TLS_CERT), key: pemOf(config.TEMPORAL_TLS_KEY) } }),
    },
    ...(config.TEMPORAL_API_KEY && { apiKey: config.TEMPORAL_API_KEY }),
  };
}
