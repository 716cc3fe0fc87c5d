import type { AccessReviewState } from '../../k8s/access-review';

/**
 * Why the user may not do something, from a SelfSubjectAccessReview, or undefined when they may:
 * "Checking your permissions…" while asking, the review's failure, or "You are not allowed to
 * <what>" with the server's reason.
 */
export function accessDeniedReason(
  access: Pick<AccessReviewState, 'allowed' | 'reason' | 'isLoading' | 'error'>,
  what: string,
): string | undefined {
  if (access.allowed) return undefined;
  if (access.error) return `Cannot check your permissions: ${access.error.message}`;
  if (access.isLoading) return 'Checking your permissions…';
  return `You are not allowed to ${what}${access.reason ? ` (${access.reason})` : ''}`;
}
