import type { HeadersFunction } from "react-router";

/*
 * A route's action answers with data, but the browser is sent the page rendered from it, whose
 * headers come from the route's `headers` export. This one carries the action's Retry-After (a
 * throttled form's 429) onto that page, so a client is told when to come back (docs/security.md §3).
 */
export const retryAfterHeaders: HeadersFunction = ({ actionHeaders }) => {
  const headers = new Headers();
  const retryAfter = actionHeaders.get("Retry-After");
  if (retryAfter) headers.set("Retry-After", retryAfter);
  return headers;
};
