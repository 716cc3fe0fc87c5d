/** Real guests: the QEMU backend (`--guests qemu`). See docs/real-guests.md. */
export { QemuGuestBackend, StandInGuest, defaultMaxGuests, type QemuBackendOptions } from './qemu-backend.js';
export { QemuGuest } from './qemu-guest.js';
export { findGuestImage, guestImageDir, qemuAvailability, type GuestImage } from './guest-image.js';
export { decideAccel, type AccelDecision } from './accel.js';
