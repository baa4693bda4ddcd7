/**
 * Re-seals notice recipients' contact details with the current key of `RECIPIENT_KEYS`
 * (`npm run recipients:reseal`): the key rotation's second step. Prints how many rows moved.
 */
import 'reflect-metadata';
import { resealRecipients } from '../libs/application/src/notices/reseal-recipients.js';
import { AuditSeal } from '../libs/persistence/src/audit/audit-seal.js';
import { CaseFile } from '../libs/persistence/src/case-file.js';
import { createDataSource } from '../libs/persistence/src/data-source.js';
import { loadConfigOrExit } from '../libs/platform/src/config.js';
import { RecipientCipher } from '../libs/platform/src/recipient-cipher.js';

const config = loadConfigOrExit('breachflow-reseal');
const dataSource = createDataSource(config.DATABASE_URL, { applicationName: 'breachflow-reseal' });
await dataSource.initialize();
try {
  const cipher = RecipientCipher.fromConfig(config);
  const resealed = await resealRecipients(new CaseFile(dataSource, AuditSeal.fromConfig(config)), cipher);
  console.error(`[breachflow-reseal] ${resealed} recipient(s) re-sealed with key ${cipher.currentKeyId}`);
} finally {
  await dataSource.destroy();
}
