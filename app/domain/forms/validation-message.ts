/*
 * Schema errors carry a key of the "validation" namespace and its parameters instead of a sentence,
 * so the same schema runs in the browser and on the server and each side shows the message in the
 * reader's language, prefixed with the field's label.
 */
export type ValidationMessage = { key: string; params: Record<string, string | number> };

export function validationMessage(key: string, params?: Record<string, string | number>): string {
  return params ? `${key}|${JSON.stringify(params)}` : key;
}

export function parseValidationMessage(message: string): ValidationMessage {
  const bar = message.indexOf("|");
  if (bar < 0) return { key: message, params: {} };
  try {
    return { key: message.slice(0, bar), params: JSON.parse(message.slice(bar + 1)) as ValidationMessage["params"] };
  } catch {
    return { key: message.slice(0, bar), params: {} };
  }
}
