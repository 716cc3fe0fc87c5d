/**
 * A tiny bootable disk image for tests: a 512-byte MBR boot sector (16-bit x86, hand-assembled
 * below) that writes `message` to the first serial port and halts, padded to `size` bytes. QEMU's
 * firmware boots it like any disk, so a VM whose disk holds it shows `message` on its serial
 * console: end it with ` login: ` and the QEMU backend reports the VMI Running.
 */
export function bootSectorImage(message = '\r\nuploaded-disk login: ', size = 1024 * 1024): Buffer {
  const code = Buffer.from([
    0xfa, //             cli
    0x31,
    0xc0, //       xor ax, ax
    0x8e,
    0xd8, //       mov ds, ax
    0xbe,
    0x16,
    0x7c, // mov si, 0x7c16 (the message, after this code)
    0xba,
    0xf8,
    0x03, // mov dx, 0x3f8 (COM1)
    0xac, //             next: lodsb
    0x84,
    0xc0, //       test al, al
    0x74,
    0x03, //       jz done
    0xee, //             out dx, al
    0xeb,
    0xf8, //       jmp next
    0xf4, //             done: hlt
    0xeb,
    0xfd, //       jmp done
  ]);
  const text = Buffer.from(message + '\0', 'latin1');
  if (code.length + text.length > 510) throw new Error('boot sector message too long');
  const image = Buffer.alloc(Math.max(512, size));
  code.copy(image, 0);
  text.copy(image, code.length);
  image[510] = 0x55;
  image[511] = 0xaa;
  return image;
}
