/**
 * The simulated shell's file commands over the root disk (guest/volume-data.ts): `echo text >
 * file`, `>>`, `cat`, `ls [-l] [dir]`, `touch`, `rm [-f]`, `sync`. Relative paths are in the
 * user's home. A disk backed by a PVC keeps its files across reboots and follows the PVC into
 * snapshots, restores and clones; a container disk starts empty at each boot.
 */
import { MAX_FILES, MAX_FILE_BYTES, type GuestFiles } from '../volume-data.js';

export interface FileShell {
  readonly home: string;
  readonly files: GuestFiles;
  out(text: string): void;
}

export function absolutePath(home: string, p: string): string {
  const parts = (p.startsWith('/') ? p : `${home}/${p}`).split('/');
  const stack: string[] = [];
  for (const part of parts) {
    if (part === '' || part === '.') continue;
    if (part === '..') stack.pop();
    else if (part === '~') stack.splice(0, stack.length, ...home.split('/').filter(Boolean));
    else stack.push(part);
  }
  return `/${stack.join('/')}`;
}

/** Writes `text` to `file` (`append` for `>>`); an error line when the disk or the file is full. */
export function writeFile(s: FileShell, file: string, text: string, append: boolean): void {
  const path = absolutePath(s.home, file);
  const next = (append ? (s.files.get(path) ?? '') : '') + text;
  if (!s.files.has(path) && s.files.size >= MAX_FILES) {
    s.out(`-sh: ${file}: No space left on device`);
    return;
  }
  if (Buffer.byteLength(next) > MAX_FILE_BYTES) {
    s.out(`-sh: ${file}: File too large`);
    return;
  }
  s.files.set(path, next);
}

/** `cat` of a file on the disk: its content, or undefined when there is no such file. */
export function readFile(s: FileShell, file: string): string | undefined {
  return s.files.get(absolutePath(s.home, file));
}

function entries(s: FileShell, dir: string): string[] {
  const prefix = dir === '/' ? '/' : `${dir}/`;
  const names = new Set<string>();
  for (const path of s.files.keys()) {
    if (path.startsWith(prefix)) names.add(path.slice(prefix.length).split('/')[0]);
  }
  return [...names].sort();
}

export function ls(s: FileShell, args: string[]): void {
  const long = args.some((a) => a.startsWith('-') && a.includes('l'));
  const targets = args.filter((a) => !a.startsWith('-'));
  for (const target of targets.length ? targets : ['.']) {
    const path = absolutePath(s.home, target);
    if (s.files.has(path)) {
      s.out(long ? longLine(s, path, target) : target);
      continue;
    }
    const names = entries(s, path);
    if (names.length === 0 && path !== s.home && path !== '/') {
      s.out(`ls: cannot access '${target}': No such file or directory`);
      continue;
    }
    if (names.length === 0) continue;
    if (long) for (const n of names) s.out(longLine(s, path === '/' ? `/${n}` : `${path}/${n}`, n));
    else s.out(names.join('  '));
  }
}

function longLine(s: FileShell, path: string, name: string): string {
  const content = s.files.get(path);
  if (content === undefined) return `drwxr-xr-x. 2 user user 4096 ${name}`;
  return `-rw-r--r--. 1 user user ${String(Buffer.byteLength(content)).padStart(4)} ${name}`;
}

export function touch(s: FileShell, args: string[]): void {
  for (const f of args.filter((a) => !a.startsWith('-'))) {
    if (s.files.has(absolutePath(s.home, f))) continue;
    writeFile(s, f, '', false);
  }
}

export function rm(s: FileShell, args: string[]): void {
  const force = args.some((a) => a.startsWith('-') && a.includes('f'));
  for (const f of args.filter((a) => !a.startsWith('-'))) {
    const path = absolutePath(s.home, f);
    if (!s.files.delete(path) && !force) s.out(`rm: cannot remove '${f}': No such file or directory`);
  }
}

/** Splits `cmd args > file` / `cmd args >> file` (the redirection at the end of the line). */
export function splitRedirect(words: string[]): { words: string[]; file?: string; append: boolean } {
  for (let i = words.length - 1; i >= 0; i--) {
    const w = words[i];
    const m = /^(.*?)(>>?)(.*)$/.exec(w);
    if (!m) continue;
    const [, before, op, after] = m;
    const file = after || words[i + 1];
    if (!file) return { words, append: false };
    const rest = [...words.slice(0, i), ...(before ? [before] : [])];
    return { words: rest, file, append: op === '>>' };
  }
  return { words, append: false };
}
