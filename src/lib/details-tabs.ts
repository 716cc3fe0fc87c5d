/** A details page's tabs in its URL: /k8s/ns/<ns>/<resource>/<name>/<tab>, the first tab when none. Pure. */

export interface DetailsTab<Id extends string = string> {
  id: Id;
  title: string;
}

/** The tab a URL's rest (after the object's name) names; '' is the first tab (the overview), anything unknown is null. */
export function tabFromRest<Id extends string>(
  tabs: readonly [DetailsTab<Id>, ...DetailsTab<Id>[]],
  rest: string | undefined,
): Id | null {
  const first = (rest ?? '').split('/').filter(Boolean)[0] ?? tabs[0].id;
  return tabs.find((t) => t.id === first)?.id ?? null;
}
