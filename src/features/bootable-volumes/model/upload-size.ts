/** The default size of an uploaded image's volume, and the Gi arithmetic the upload form needs. */

export const GI = 1024 ** 3;

/** Room on top of the image's virtual size: CDI's default filesystem overhead is 5.5%; a little more is kept. */
export const HEADROOM = 0.1;

/** When the virtual size is not known (an xz file, or a gzip one whose content is not qcow2). */
export const UNKNOWN_SIZE_DEFAULT_GI = 10;

/**
 * Whole Gi for a volume holding an image: its virtual size plus headroom, rounded up, at least
 * 1 Gi; when the virtual size is unknown, the larger of the file's size with headroom and 10 Gi.
 */
export function defaultSizeGi(virtualSize: number | undefined, fileSize: number): number {
  if (virtualSize !== undefined && virtualSize > 0) return Math.max(1, Math.ceil((virtualSize * (1 + HEADROOM)) / GI));
  return Math.max(UNKNOWN_SIZE_DEFAULT_GI, Math.ceil((fileSize * (1 + HEADROOM)) / GI));
}

/** Whether a volume of `sizeGi` Gi can hold an image whose virtual size is `virtualSize` bytes. */
export const fits = (sizeGi: number, virtualSize: number | undefined): boolean =>
  virtualSize === undefined || sizeGi * GI >= virtualSize;
