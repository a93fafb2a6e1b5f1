/**
 * Names the first few items of a list and counts the rest, so a message about many other objects
 * (every default StorageClass, every workload a PodDisruptionBudget selects) stays one readable
 * line, and its length does not grow with the workspace.
 */
export function listSome(items: readonly string[], shown = 3): string {
  // "a, b, c, d" reads better than "a, b, c and 1 more".
  if (items.length <= shown + 1) return items.join(', ');
  return `${items.slice(0, shown).join(', ')} and ${items.length - shown} more`;
}
