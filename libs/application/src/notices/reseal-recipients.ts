import type { RecipientContact } from '../../../domain/src/notices/recipient-row.js';
import type { CaseFile } from '../../../persistence/src/case-file.js';
import type { RecipientCipher } from '../../../platform/src/recipient-cipher.js';

const BATCH = 500;

/**
 * Key rotation for recipients' contact details: every row sealed with a retired key is opened
 * with it and sealed again with the current one, a batch per transaction. Run it after adding the
 * new key first in `RECIPIENT_KEYS`; once it reports nothing left, the old key can be removed.
 */
export async function resealRecipients(caseFile: CaseFile, cipher: RecipientCipher): Promise<number> {
  let resealed = 0;
  for (;;) {
    const moved = await caseFile.transaction(async (repositories) => {
      const rows = await repositories.recipients.sealedWithOtherKey(cipher.currentKeyId, BATCH);
      for (const row of rows) {
        const { keyId, sealed } = cipher.seal(cipher.open<RecipientContact>(row.keyId!, row.sealed!));
        await repositories.recipients.reseal(row.id, keyId, sealed);
      }
      return rows.length;
    });
    resealed += moved;
    if (moved < BATCH) return resealed;
  }
}
