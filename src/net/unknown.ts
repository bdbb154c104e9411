// A value the configuration does not fix statically. src/net stays free of the eval layer's
// types, so the model wraps its own unknowns into this marker and keeps the reason, and the
// Unknown itself as an opaque cause that the verdict hands back.

/** Opaque to src/net: what the layer above could not know (the model's Unknown), carried from an input to the verdict. */
export type NetCause = object;

export interface NetUnknown {
  readonly unknown: string;
  readonly cause?: NetCause;
}

export function netUnknown(reason: string, cause?: NetCause): NetUnknown {
  return cause === undefined ? { unknown: reason } : { unknown: reason, cause };
}

/** `u` with its reason prefixed by `label` (`remote: var.cidr has no value`), the same cause. */
export function labelled(label: string, u: NetUnknown): NetUnknown {
  return netUnknown(`${label}: ${u.unknown}`, u.cause);
}

export function isNetUnknown(value: unknown): value is NetUnknown {
  return typeof value === 'object' && value !== null && typeof (value as { unknown?: unknown }).unknown === 'string';
}

/** `T` or a marker saying why it is not known. */
export type MaybeUnknown<T> = T | NetUnknown;
