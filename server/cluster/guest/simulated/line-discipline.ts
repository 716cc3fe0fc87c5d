/**
 * The guest tty's canonical-mode line discipline (what the kernel's n_tty does for a
 * program reading lines): echo, erase, kill, interrupt, end-of-file, CR/LF mapping.
 *
 * Input is bytes (UTF-8). Output (echo) is written through `echo`, already in the tty's
 * output form (`\r\n` line ends, `\b \b` erases). Escape sequences from arrow and function
 * keys are recognised and dropped, so they never end up in a command line.
 */
export interface LineDisciplineHandlers {
  echo(text: string): void;
  /** A complete line (without its terminator). */
  line(text: string): void;
  /** Ctrl-C: the line so far is discarded. */
  interrupt(): void;
  /** Ctrl-D on an empty line. */
  endOfFile(): void;
}

const CTRL_C = 0x03;
const CTRL_D = 0x04;
const BACKSPACE = 0x08;
const TAB = 0x09;
const LF = 0x0a;
const CR = 0x0d;
const CTRL_U = 0x15;
const CTRL_W = 0x17;
const ESC = 0x1b;
const DEL = 0x7f;

type EscapeState = 'none' | 'esc' | 'csi' | 'ss3';

export class LineDiscipline {
  /** When false (password prompts) typed characters are not echoed. */
  echoEnabled = true;
  private chars: string[] = [];
  private escape: EscapeState = 'none';
  private lastWasCr = false;
  private readonly decoder = new TextDecoder('utf-8');

  constructor(private readonly handlers: LineDisciplineHandlers) {}

  /** Current (unfinished) line. */
  get pending(): string {
    return this.chars.join('');
  }

  /** Forgets the unfinished line (a new prompt after a logout, for example). */
  reset(): void {
    this.chars = [];
    this.escape = 'none';
  }

  input(data: Uint8Array): void {
    let text = '';
    const flushText = (): void => {
      if (text) this.printable(this.decoder.decode(Buffer.from(text, 'latin1'), { stream: true }));
      text = '';
    };
    for (const byte of data) {
      if (this.escape !== 'none') {
        this.escapeByte(byte);
        continue;
      }
      if (byte >= 0x20 && byte !== DEL) {
        text += String.fromCharCode(byte);
        continue;
      }
      flushText();
      this.control(byte);
    }
    flushText();
  }

  private printable(decoded: string): void {
    for (const ch of decoded) {
      this.chars.push(ch);
      if (this.echoEnabled) this.handlers.echo(ch);
    }
    if (decoded) this.lastWasCr = false;
  }

  private control(byte: number): void {
    const wasCr = this.lastWasCr;
    this.lastWasCr = byte === CR;
    switch (byte) {
      case CR:
        this.endLine();
        return;
      case LF:
        // A CR LF pair from a terminal ends one line, not two.
        if (!wasCr) this.endLine();
        return;
      case DEL:
      case BACKSPACE:
        this.eraseChars(1);
        return;
      case CTRL_U:
        this.eraseChars(this.chars.length);
        return;
      case CTRL_W:
        this.eraseWord();
        return;
      case CTRL_C:
        this.chars = [];
        this.handlers.echo('^C\r\n');
        this.handlers.interrupt();
        return;
      case CTRL_D:
        if (this.chars.length === 0) this.handlers.endOfFile();
        return;
      case ESC:
        this.escape = 'esc';
        return;
      case TAB:
        return; // no completion in this shell
      default:
        return; // other control characters are ignored
    }
  }

  private escapeByte(byte: number): void {
    if (this.escape === 'esc') {
      if (byte === 0x5b) this.escape = 'csi';
      else if (byte === 0x4f) this.escape = 'ss3';
      else this.escape = 'none'; // Alt+key: ESC followed by the key, dropped
      return;
    }
    if (this.escape === 'ss3') {
      this.escape = 'none';
      return;
    }
    // CSI: parameters and intermediates until a final byte 0x40..0x7e
    if (byte >= 0x40 && byte <= 0x7e) this.escape = 'none';
  }

  private endLine(): void {
    const line = this.chars.join('');
    this.chars = [];
    this.handlers.echo('\r\n');
    this.handlers.line(line);
  }

  private eraseChars(count: number): void {
    const n = Math.min(count, this.chars.length);
    if (n === 0) return;
    this.chars.splice(this.chars.length - n, n);
    if (this.echoEnabled) this.handlers.echo('\b \b'.repeat(n));
  }

  private eraseWord(): void {
    let n = 0;
    let i = this.chars.length - 1;
    while (i >= 0 && this.chars[i] === ' ') {
      i--;
      n++;
    }
    while (i >= 0 && this.chars[i] !== ' ') {
      i--;
      n++;
    }
    this.eraseChars(n);
  }
}
