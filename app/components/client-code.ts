import type { UIMatch } from "react-router";

/*
 * Pages that need no client code (the catalogue, a service, search, schools, indicators) are sent
 * without scripts: their links and GET forms are plain HTML, so JavaScript would only add weight —
 * about 160 KB compressed, a minute on a village's shared line. A route says so in its handle;
 * the next page with a form loads the scripts again.
 */
export const NO_CLIENT_CODE = { clientCode: false } as const;

/** Whether the page being rendered (its deepest route) wants the scripts. */
export function needsClientCode(matches: readonly Pick<UIMatch, "handle">[]): boolean {
  return handleWantsClientCode(matches.at(-1)?.handle);
}

export function handleWantsClientCode(handle: unknown): boolean {
  return (handle as { clientCode?: boolean } | undefined)?.clientCode !== false;
}
