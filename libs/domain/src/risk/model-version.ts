/**
 * The version of the risk model's rules. Raise it whenever a table, threshold or qualifier
 * changes what an assessment says: stored assessments keep the version they were made with,
 * and a different version here is how the system knows they may need a fresh look.
 */
export const RISK_MODEL_VERSION = '1.0.0';
