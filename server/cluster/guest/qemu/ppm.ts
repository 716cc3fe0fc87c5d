/** QEMU's `screendump` writes a binary PPM (P6); the `vnc/screenshot` subresource answers PNG. */
import { PNG } from 'pngjs';

export interface RgbImage {
  width: number;
  height: number;
  /** width * height * 3 bytes, R G B. */
  rgb: Buffer;
}

/** Reads a binary PPM (P6, maxval ≤ 255). */
export function parsePpm(data: Buffer): RgbImage {
  let pos = 0;
  const token = (): string => {
    for (;;) {
      while (pos < data.length && /\s/.test(String.fromCharCode(data[pos]))) pos++;
      if (data[pos] !== 0x23) break; // '#' comment to end of line
      while (pos < data.length && data[pos] !== 0x0a) pos++;
    }
    const start = pos;
    while (pos < data.length && !/\s/.test(String.fromCharCode(data[pos]))) pos++;
    return data.subarray(start, pos).toString('ascii');
  };
  if (token() !== 'P6') throw new Error('not a binary PPM (P6) image');
  const width = Number(token());
  const height = Number(token());
  const maxval = Number(token());
  pos++; // the single whitespace after maxval
  if (!(width > 0 && height > 0) || maxval !== 255)
    throw new Error(`unsupported PPM ${width}x${height} maxval ${maxval}`);
  const rgb = data.subarray(pos, pos + width * height * 3);
  if (rgb.length !== width * height * 3) throw new Error('truncated PPM image');
  return { width, height, rgb };
}

/** PNG (RGB, 8 bits per channel) of a PPM image. */
export function ppmToPng(data: Buffer): Buffer {
  const { width, height, rgb } = parsePpm(data);
  const png = new PNG({ width, height });
  for (let i = 0, j = 0; i < rgb.length; i += 3, j += 4) {
    png.data[j] = rgb[i];
    png.data[j + 1] = rgb[i + 1];
    png.data[j + 2] = rgb[i + 2];
    png.data[j + 3] = 0xff;
  }
  return PNG.sync.write(png, { colorType: 2, inputHasAlpha: true });
}
