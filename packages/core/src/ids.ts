/** Ids are UUIDs so they can be minted on any instance (or offline) without a sequence. */
export type Id = string;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function newId(): Id {
  return globalThis.crypto.randomUUID();
}

export function isId(value: unknown): value is Id {
  return typeof value === 'string' && UUID.test(value);
}
