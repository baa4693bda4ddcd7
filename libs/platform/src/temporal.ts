import type { DataConverter } from '@temporalio/common';
import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';
import protobufs from '@temporalio/proto';
import type { AppConfig } from './config.js';
import { AesGcmPayloadCodec } from './payload-codec.js';

const { temporal } = protobufs;

/** The data converter both the API's client and the worker use: every payload encrypted. */
export function encryptedDataConverter(config: Pick<AppConfig, 'PAYLOAD_ENCRYPTION_KEY' | 'PAYLOAD_ENCRYPTION_KEY_ID'>): DataConverter {
  return { payloadCodecs: [AesGcmPayloadCodec.fromBase64(config.PAYLOAD_ENCRYPTION_KEY_ID, config.PAYLOAD_ENCRYPTION_KEY)] };
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
