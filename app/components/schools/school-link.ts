/** The public page of one school for a campaign year. */
export function schoolLink(code: string, year: number): string {
  return `/schools/${encodeURIComponent(code)}?year=${year}`;
}
