/*
 * The personal-data consent given at registration (152-ФЗ): a separate act with its own text. When
 * the text changes, its version changes, and the stored consent says which one the person agreed to.
 * The text itself is in locales/<lang>/auth.json under consent.text.
 */
export const ACCOUNT_CONSENT = { purpose: "account", textVersion: "2026-11-01" } as const;
