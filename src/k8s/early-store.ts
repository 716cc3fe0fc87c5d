/** What the early module (early-fetch.ts) hands to the app: the answers of requests it started. */
export const EARLY_KEY = '__kubevirtConsoleEarly';

export interface EarlyAnswer {
  status: number;
  statusText: string;
  text: string;
}

/**
 * The early answer for a GET of `url`, once: the entry is removed as it is taken, so only the first
 * request of that URL adopts it (a later one, a re-list, asks the server). undefined when there is none.
 */
export function adoptEarly(url: string): Promise<EarlyAnswer> | undefined {
  if (typeof window === 'undefined') return undefined;
  const answers = (window as unknown as Record<string, Record<string, Promise<EarlyAnswer>> | undefined>)[EARLY_KEY];
  const answer = answers?.[url];
  if (answer) delete answers[url];
  return answer;
}
