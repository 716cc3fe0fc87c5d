import { detectImage, HEADER_BYTES, type ImageCheck } from '../model/image-format';

/** How much of a gzip file is inflated to read the image inside (its header is in the first 64 KiB). */
const GZIP_PEEK_BYTES = 1024 * 1024;

/** The first bytes of a gzip file's content, or undefined where the browser cannot inflate. */
async function gunzipHead(file: Blob): Promise<Uint8Array | undefined> {
  if (typeof DecompressionStream === 'undefined') return undefined;
  const reader = file.slice(0, GZIP_PEEK_BYTES).stream().pipeThrough(new DecompressionStream('gzip')).getReader();
  const out = new Uint8Array(HEADER_BYTES);
  let filled = 0;
  try {
    while (filled < HEADER_BYTES) {
      const { done, value } = await reader.read();
      if (done || !value) break;
      const n = Math.min(value.length, HEADER_BYTES - filled);
      out.set(value.subarray(0, n), filled);
      filled += n;
    }
  } catch {
    // The slice ends mid-stream: what was inflated before that is enough.
  } finally {
    void reader.cancel().catch(() => undefined);
  }
  return filled ? out.subarray(0, filled) : undefined;
}

/**
 * Reads a picked file's first bytes (nothing is sent) and says what image it is, or why it is
 * refused. A gzip file is looked into, so a .qcow2.gz gets its virtual size too.
 */
export async function inspectFile(file: Blob): Promise<ImageCheck> {
  const header = new Uint8Array(await file.slice(0, HEADER_BYTES).arrayBuffer());
  const check = detectImage(header, file.size);
  if (!check.ok || check.format !== 'gzip') return check;
  const inner = await gunzipHead(file);
  if (!inner) return check;
  const content = detectImage(inner);
  if (!content.ok) return { ok: false, reason: `Inside the gzip file: ${content.reason}` };
  return {
    ...check,
    inner: content,
    virtualSize: content.virtualSize,
    description: `gzip-compressed ${content.description}`,
  };
}
