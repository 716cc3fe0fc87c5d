/**
 * The YAML tab's editing state machine, pure so it can be tested without a browser.
 *
 *   follows the live object while the text is unchanged;
 *   once edited, live updates only move `latest` ("the VM changed since you started editing");
 *   save → saved (text becomes the server's answer) | conflict (409: text kept, choose Reload or
 *   Overwrite) | invalid (422 or a YAML/identity problem: text kept, causes shown) | failed.
 */

/** One version of the object as the editor shows it. */
export interface Snapshot {
  resourceVersion: string;
  text: string;
}

export type EditStatus = 'editing' | 'saving' | 'saved' | 'conflict' | 'invalid' | 'failed';

export interface EditState {
  /** The version the text started from (or was last saved as); null before the object loads. */
  base: Snapshot | null;
  /** The newest version seen from the cluster. */
  latest: Snapshot | null;
  text: string;
  status: EditStatus;
  /** The save's error (a K8sError) or the local problems that stopped it. */
  error: unknown;
}

export type EditAction =
  | { type: 'live'; snapshot: Snapshot }
  | { type: 'edit'; text: string }
  | { type: 'saveStarted' }
  | { type: 'saveSucceeded'; snapshot: Snapshot }
  | { type: 'saveFailed'; error: unknown; code?: number }
  | { type: 'rejected'; error: unknown }
  /** Discard the edits and take `snapshot` (freshly read) or the latest version seen. */
  | { type: 'reload'; snapshot?: Snapshot }
  | { type: 'dismiss' };

export const initialEditState: EditState = { base: null, latest: null, text: '', status: 'editing', error: null };

/** The text differs from the version it started from. */
export const isDirty = (s: EditState): boolean => s.base !== null && s.text !== s.base.text;

/** The object changed in the cluster after the user started editing. */
export const changedUnderneath = (s: EditState): boolean =>
  isDirty(s) && s.latest !== null && s.base !== null && s.latest.resourceVersion !== s.base.resourceVersion;

function take(snapshot: Snapshot): Pick<EditState, 'base' | 'latest' | 'text'> {
  return { base: snapshot, latest: snapshot, text: snapshot.text };
}

export function editReducer(state: EditState, action: EditAction): EditState {
  switch (action.type) {
    case 'live':
      if (state.latest?.resourceVersion === action.snapshot.resourceVersion) return state;
      if (state.status !== 'saving' && !isDirty(state)) {
        // Nothing of the user's to keep: follow the cluster (a pending "saved" notice stays).
        return { ...state, ...take(action.snapshot) };
      }
      return { ...state, latest: action.snapshot };
    case 'edit': {
      if (action.text === state.text) return state;
      const settled = state.status === 'saved' || state.status === 'invalid' || state.status === 'failed';
      return {
        ...state,
        text: action.text,
        status: settled ? 'editing' : state.status,
        error: settled ? null : state.error,
      };
    }
    case 'saveStarted':
      return { ...state, status: 'saving', error: null };
    case 'saveSucceeded':
      return { ...state, ...take(action.snapshot), status: 'saved', error: null };
    case 'saveFailed':
      return {
        ...state,
        status: action.code === 409 ? 'conflict' : action.code === 422 ? 'invalid' : 'failed',
        error: action.error,
      };
    case 'rejected':
      return { ...state, status: 'invalid', error: action.error };
    case 'reload': {
      const next = action.snapshot ?? state.latest;
      return next ? { ...state, ...take(next), status: 'editing', error: null } : state;
    }
    case 'dismiss':
      return state.status === 'saving' ? state : { ...state, status: 'editing', error: null };
  }
}
