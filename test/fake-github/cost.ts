import { DocumentNode, Kind, SelectionSetNode, ValueNode } from 'graphql';

/**
 * GitHub's documented GraphQL rate-limit cost of a query ("Calculating a rate limit score"): one
 * request per connection, times the `first`/`last` of every connection above it; the sum divided by
 * 100 and rounded, at least 1. Fragments are not used by our client and count as nothing here.
 */
export function queryCost(
  document: DocumentNode,
  variables: Record<string, unknown> = {},
): { requests: number; cost: number } {
  let requests = 0;
  const walk = (set: SelectionSetNode | undefined, multiplier: number) => {
    for (const sel of set?.selections ?? []) {
      if (sel.kind !== Kind.FIELD) continue;
      const size = sel.arguments?.find(a => a.name.value === 'first' || a.name.value === 'last');
      if (size) {
        requests += multiplier;
        walk(
          sel.selectionSet,
          multiplier * Math.max(0, Number(valueOf(size.value, variables)) || 0),
        );
      } else {
        walk(sel.selectionSet, multiplier);
      }
    }
  };
  for (const def of document.definitions)
    if (def.kind === Kind.OPERATION_DEFINITION) walk(def.selectionSet, 1);
  return { requests, cost: Math.max(1, Math.round(requests / 100)) };
}

function valueOf(v: ValueNode, variables: Record<string, unknown>): unknown {
  if (v.kind === Kind.VARIABLE) return variables[v.name.value];
  if (v.kind === Kind.INT) return Number(v.value);
  return undefined;
}
