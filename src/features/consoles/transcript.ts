/** Serial transcripts and screenshot downloads: file names and the text a terminal stream shows. */

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** "20261124-153005" in local time: sorts by name, has no characters file systems dislike. */
export function fileTimestamp(d: Date): string {
  return `${d.getFullYear()}${pad(d.getMonth() + 1)}${pad(d.getDate())}-${pad(d.getHours())}${pad(d.getMinutes())}${pad(d.getSeconds())}`;
}

const safe = (s: string) => s.replace(/[^A-Za-z0-9._-]+/g, '_');

/** "<namespace>-<vm>-serial-20261124-153005.txt" */
export const transcriptFileName = (namespace: string, name: string, at: Date): string =>
  `${safe(namespace)}-${safe(name)}-serial-${fileTimestamp(at)}.txt`;

/** "<namespace>-<vm>-screen-20261124-153005.png" */
export const screenshotFileName = (namespace: string, name: string, at: Date): string =>
  `${safe(namespace)}-${safe(name)}-screen-${fileTimestamp(at)}.png`;

// CSI (ESC [ ... final), OSC (ESC ] ... BEL or ESC \), and two-byte escapes (ESC x).
// eslint-disable-next-line no-control-regex
const ESCAPES = /\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[@-Z\\-_]|\x1b[ -/]*[0-~]/g;

/**
 * What a terminal stream reads as text: escape sequences dropped, backspaces applied within the
 * line, CR LF as LF, a lone CR returning to the line's start, other control characters dropped.
 */
export function terminalText(raw: string): string {
  const lines: string[] = [];
  let line: string[] = [];
  let col = 0;
  for (const ch of raw.replace(ESCAPES, '').replace(/\r\n/g, '\n')) {
    if (ch === '\n') {
      lines.push(line.join('').trimEnd());
      line = [];
      col = 0;
    } else if (ch === '\r') {
      col = 0;
    } else if (ch === '\b') {
      col = Math.max(0, col - 1);
    } else if (ch === '\t' || ch >= ' ') {
      if (ch === '\x7f') continue;
      line[col] = ch;
      col++;
    }
  }
  if (line.length) lines.push(line.join('').trimEnd());
  return lines.join('\n');
}

/** Keeps the last `max` characters of a growing transcript. */
export function appendCapped(current: string, more: string, max: number): string {
  const all = current + more;
  return all.length > max ? all.slice(all.length - max) : all;
}

/** Saves a blob under a file name through a temporary link. */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
