// A value the configuration does not fix statically. src/net stays free of the eval layer's
// types, so the model wraps its own unknowns into this marker and keeps the reason.

export interface NetUnknown {
  readonly unknown: string;
}

export function netUnknown(reason: string): NetUnknown {
  return { unknown: reason };
}

export function isNetUnknown(value: unknown): value is NetUnknown {
  return typeof value === 'object' && value !== null && typeof (value as { unknown?: unknown }).unknown === 'string';
}

/** `T` or a marker saying why it is not known. */
export type MaybeUnknown<T> = T | NetUnknown;
