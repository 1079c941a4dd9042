const QUANTITY_SUFFIXES: Record<string, number> = {
  n: 1e-9,
  u: 1e-6,
  m: 1e-3,
  '': 1,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
};

/**
 * Reads a Kubernetes quantity (`12`, `1500m`, `3k`, `2Ki`) as a number; KEDA
 * reports queue lengths this way. Null when it is not one.
 *
 * Not `quantityToScalar` from @kubernetes/client-node: 2.0 keeps it in an
 * internal module its entry point does not export, it reads `''` as 0, and it
 * returns a BigInt (throwing on `1.5k`) for every suffix from `k` up.
 */
export function parseQuantity(quantity: string): number | null {
  const match = /^([+-]?\d+(?:\.\d+)?)([a-zA-Z]*)$/.exec(quantity.trim());
  const factor = match && QUANTITY_SUFFIXES[match[2]];
  return factor ? Number(match[1]) * factor : null;
}
