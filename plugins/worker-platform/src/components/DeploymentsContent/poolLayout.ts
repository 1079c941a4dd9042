/** How an environment shows its worker pools. */
export type PoolLayout = 'table' | 'cards';

/** What {@link poolLayout} decides from. */
export interface PoolLayoutInput {
  /** Grid columns (of 12) an environment takes at the current width. */
  columns: number;
  /** Whether the screen is phone-narrow (below MUI's `sm`, 600 px). */
  phone: boolean;
}

/**
 * A table when an environment has the page's width, cards in anything
 * narrower: six columns of pool, state, replicas, queue meters, age and
 * actions need some 900 px, and an environment side by side with two
 * others gets a third of the content width (about 380 px at 1440 px).
 */
export function poolLayout({ columns, phone }: PoolLayoutInput): PoolLayout {
  return phone || columns < 12 ? 'cards' : 'table';
}
