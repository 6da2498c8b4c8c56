/*
 * The links of a list read a page at a time by a keyset cursor (the last row's key, never an offset, so rows
 * added meanwhile neither repeat nor go missing). Pure, so the loader builds them and a test reads them.
 */

/**
 * The address of the next page: the list's other query parameters as they are (its filters), the cursor
 * parameter set to the cursor. A plain link, so the pages work without JavaScript.
 */
export function keysetHref(
  params: URLSearchParams | Readonly<Record<string, string | undefined>>,
  cursorParam: string,
  cursor: string,
  options: { path?: string; hash?: string } = {},
): string {
  const query =
    params instanceof URLSearchParams
      ? new URLSearchParams(params)
      : new URLSearchParams(
          Object.entries(params).filter(
            (entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== "",
          ),
        );
  query.set(cursorParam, cursor);
  return `${options.path ?? ""}?${query.toString()}${options.hash ?? ""}`;
}
