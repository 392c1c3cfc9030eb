/** The list as a non-empty tuple, for zod's unions; the ontology never has an empty table. */
export function nonEmpty<T>(items: readonly T[]): [T, ...T[]] {
  const [first, ...rest] = items;
  if (first === undefined) throw new Error('model: expected a non-empty list');
  return [first, ...rest];
}
