/** RiskFacts whose outcome is known from the published cases the model is validated on. */
export const noRiskFacts = {
  breach: { confidentiality: { exposure: 'known-recipients', recipientsTrusted: true, dataRetrievedOrDeleted: true }, malicious: false },
  data: { categories: ['contact'], identifiability: 'maximum', protection: 'none', volumePerSubject: 'single-item' },
  subjects: { approxCount: 3, categories: ['customers'] },
  controller: { sector: 'retail' },
};

/** EDPB 01/2021 case 02: ransomware, no backup, data rebuilt by hand — notify the authority only. */
export const riskFacts = {
  breach: {
    confidentiality: { exposure: 'no-evidence-of-access' },
    availability: { permanentLoss: true, backupRestorable: false, hoursUnavailable: 120 },
    malicious: true,
    exfiltrationRuledOut: true,
  },
  data: { categories: ['identity', 'contact'], identifiability: 'maximum', protection: 'none' },
  subjects: { approxCount: 40, categories: ['customers'] },
  controller: { sector: 'other' },
};

/** A psychiatric clinic's mass e-mail with every recipient visible — also tell the patients. */
export const highRiskFacts = {
  breach: { confidentiality: { exposure: 'known-recipients' }, malicious: false },
  data: { categories: ['contact'], identifiability: 'maximum', protection: 'none' },
  subjects: { approxCount: 2000, categories: ['psychiatric-patients'] },
  controller: { sector: 'healthcare' },
};
