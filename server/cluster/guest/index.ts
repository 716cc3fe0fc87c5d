/** The guests behind running VMIs and their consoles. See types.ts for the contract. */
export type {
  ByteChannel,
  ConsoleKind,
  Guest,
  GuestBackend,
  GuestEventMap,
  GuestNotice,
  GuestOptions,
  GuestOsName,
  GuestState,
} from './types.js';
export {
  GUESTS_MODES,
  isGuestsMode,
  selectGuestBackend,
  type GuestBackendChoice,
  type GuestsMode,
} from './select-backend.js';
export { SimulatedGuest } from './simulated/simulated-guest.js';
export { SimulatedGuestBackend, type SimulatedBackendOptions } from './simulated/simulated-backend.js';
export { handleSerialConnection, handleVncConnection, type VncConnectionOptions } from './console/console-handlers.js';
export {
  ConsoleSessions,
  GUEST_GONE_CLOSE_CODE,
  GUEST_GONE_CLOSE_REASON,
  REPLACED_CLOSE_CODE,
  REPLACED_CLOSE_REASON,
  preserveSessionRefusal,
} from './console/sessions.js';
export { guestOptionsFromVmi, cloudInitCredentials, guessOsName, type GuestRuntimeFacts } from './vmi-guest-options.js';
export { osProfile, type OsProfile } from './os-profiles.js';
export { screenshotPng } from './console/screenshot.js';
