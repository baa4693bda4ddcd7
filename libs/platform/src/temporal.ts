import type { DataConverter } from '@temporalio/common';
import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';
import protobufs from '@temporalio/proto';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AppConfig } from './config.js';
import { AesGcmPayloadCodec } from './payload-codec.js';
import { payloadKeysOf } from './payload-keys.js';

const { temporal } = protobufs;

type PayloadKeyConfig = Pick<AppConfig, 'PAYLOAD_ENCRYPTION_KEY' | 'PAYLOAD_ENCRYPTION_KEY_ID' | 'PAYLOAD_ENCRYPTION_KEYS'>;

/** The failure converter's module: TypeScript source under tests, compiled JavaScript in a build. */
function failureConverterPath(): string {
  for (const candidate of ['./temporal-failure-converter.ts', './temporal-failure-converter.js']) {
    const path = fileURLToPath(new URL(candidate, import.meta.url));
    if (existsSync(path)) return path;
  }
  throw new Error('temporal-failure-converter not found beside temporal.ts');
}

/**
 * The data converter the API's client, the worker and the scripts use: every payload encrypted
 * (an unencrypted one is refused on decode), failures' messages and stack traces included.
 */
export function encryptedDataConverter(config: PayloadKeyConfig): DataConverter {
  return { payloadCodecs: [new AesGcmPayloadCodec(payloadKeysOf(config))], failureConverterPath: failureConverterPath() };
}

/**
 * Search attributes (never encrypted, so they carry ids only) that let people find an
 * incident's workflow in the Temporal Web UI.
 */
export const organisationIdAttribute = defineSearchAttributeKey('BreachflowOrganisationId', SearchAttributeType.KEYWORD);
export const incidentReferenceAttribute = defineSearchAttributeKey('BreachflowIncidentReference', SearchAttributeType.KEYWORD);
const searchAttributes = [organisationIdAttribute, incidentReferenceAttribute];

/** The `--search-attribute` flags that register them on a Temporal dev server. */
export const devServerSearchAttributeFlags = searchAttributes.flatMap((key) => ['--search-attribute', `${key.name}=Keyword`]);

interface OperatorServiceLike {
  listSearchAttributes(request: { namespace: string }): Promise<{ customAttributes?: Record<string, unknown> | null }>;
  addSearchAttributes(request: { namespace: string; searchAttributes: Record<string, number> }): Promise<unknown>;
}

/**
 * Registers the search attributes on a cluster that lacks them (idempotent). Returns false
 * when the cluster refuses (e.g. no operator permission); workflows then start without them.
 */
export async function ensureSearchAttributes(operator: OperatorServiceLike, namespace: string): Promise<boolean> {
  try {
    const existing = (await operator.listSearchAttributes({ namespace })).customAttributes ?? {};
    const missing = searchAttributes.filter((key) => !(key.name in existing));
    if (missing.length > 0) {
      await operator.addSearchAttributes({
        namespace,
        searchAttributes: Object.fromEntries(missing.map((key) => [key.name, temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD])),
      });
    }
    return true;
  } catch {
    return false;
  }
}
