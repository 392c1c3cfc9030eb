/** The value under `key`, made by `create` and stored when missing. */
export function getOrCreate<K, V>(map: Map<K, V>, key: K, create: () => V): V {
  let value = map.get(key);
  if (value === undefined) {
    value = create();
    map.set(key, value);
  }
  return value;
}

/** The list under `key`, stored empty when missing. */
export function listIn<K, V>(map: Map<K, V[]>, key: K): V[] {
  return getOrCreate(map, key, () => []);
}
