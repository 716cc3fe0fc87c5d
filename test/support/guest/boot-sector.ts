/**
 * A tiny bootable disk image for tests: a 512-byte MBR boot sector (16-bit x86, hand-assembled
 * below) that writes `message` to the first serial port, then echoes what it receives there and
 * writes `message` again on Enter (a getty's prompt, in miniature), padded to `size` bytes. It
 * sleeps between timer ticks (sti; hlt) instead of spinning. QEMU's firmware boots it like any
 * disk, so a VM whose disk holds it shows `message` on its serial console: end it with ` login: `
 * and the QEMU backend reports the VMI Running.
 */
export function bootSectorImage(message = '\r\nuploaded-disk login: ', size = 1024 * 1024): Buffer {
  const code = Buffer.from([
    0xfa, //             cli
    0x31,
    0xc0, //       xor ax, ax
    0x8e,
    0xd8, //       mov ds, ax
    0xbe,
    0x28,
    0x7c, // print: mov si, 0x7c28 (the message, after this code)
    0xba,
    0xf8,
    0x03, // mov dx, 0x3f8 (COM1)
    0xac, //             next: lodsb
    0x84,
    0xc0, //       test al, al
    0x74,
    0x03, //       jz wait
    0xee, //             out dx, al
    0xeb,
    0xf8, //       jmp next
    0xfb, //             wait: sti
    0xf4, //             hlt (until the BIOS timer's next tick)
    0xba,
    0xfd,
    0x03, // mov dx, 0x3fd (COM1 line status)
    0xec, //             in al, dx
    0xa8,
    0x01, //       test al, 1 (data ready)
    0x74,
    0xf6, //       jz wait
    0xba,
    0xf8,
    0x03, // mov dx, 0x3f8
    0xec, //             in al, dx
    0x3c,
    0x0d, //       cmp al, 13 (Enter)
    0x74,
    0xe0, //       je print
    0xee, //             out dx, al (echo)
    0xeb,
    0xeb, //       jmp wait
  ]);
  if (code.length !== 0x28) throw new Error('boot sector code length changed: fix the message address');
  const text = Buffer.from(message + '\0', 'latin1');
  if (code.length + text.length > 510) throw new Error('boot sector message too long');
  const image = Buffer.alloc(Math.max(512, size));
  code.copy(image, 0);
  text.copy(image, code.length);
  image[510] = 0x55;
  image[511] = 0xaa;
  return image;
}
