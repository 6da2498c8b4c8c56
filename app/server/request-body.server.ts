// A signed request's raw body, read with a cap: the signature is over the exact bytes, so it is read as text.
/** The body as text, or null when it is longer than `max` bytes: past `max` the rest is read and dropped, so a
 * sender without Content-Length cannot fill memory either. Not cancelled: the Node bridge under the server
 * (@mjackson/node-fetch-server) closes the stream again at the request's end, which throws once it is cancelled. */
export async function readUpTo(request: Request, max: number): Promise<string | null> {
  if (Number(request.headers.get("content-length") ?? 0) > max) return null;
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size <= max) chunks.push(value);
  }
  return size > max ? null : Buffer.concat(chunks).toString("utf8");
}

/** A request's headers as a plain record with lower-case names, as the signature checks read them. */
export function headersOf(request: Request): Record<string, string> {
  return Object.fromEntries([...request.headers.entries()].map(([name, value]) => [name.toLowerCase(), value]));
}
