/**
 * Lengths of RFB client-to-server messages (RFC 6143 §7.5 and the extensions noVNC may
 * send), so the session can cut them out of a byte buffer.
 */

/**
 * The length of the message at the start of `buf`: a number when known (it may be more than
 * `buf` holds: wait for more bytes), `undefined` when more bytes are needed to tell, `null`
 * for an unknown message type (the connection cannot continue).
 */
export function clientMessageLength(buf: Buffer): number | undefined | null {
  if (buf.length < 1) return undefined;
  switch (buf[0]) {
    case 0: // SetPixelFormat
      return 20;
    case 2: // SetEncodings
      return buf.length < 4 ? undefined : 4 + 4 * buf.readUInt16BE(2);
    case 3: // FramebufferUpdateRequest
      return 10;
    case 4: // KeyEvent
      return 8;
    case 5: // PointerEvent
      return 6;
    case 6: // ClientCutText (a negative length is the extended clipboard format)
      return buf.length < 8 ? undefined : 8 + Math.abs(buf.readInt32BE(4));
    case 150: // EnableContinuousUpdates
      return 10;
    case 248: // ClientFence
      return buf.length < 9 ? undefined : 9 + buf[8];
    case 251: // SetDesktopSize
      return buf.length < 8 ? undefined : 8 + 16 * buf[6];
    case 255: // QEMU client message
      if (buf.length < 2) return undefined;
      if (buf[1] === 0) return 12; // extended key event
      if (buf[1] === 1) return buf.length < 4 ? undefined : buf.readUInt16BE(2) === 2 ? 10 : 4; // audio
      return null;
    default:
      return null;
  }
}
