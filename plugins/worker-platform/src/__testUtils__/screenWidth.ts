/**
 * Makes `window.matchMedia` (which jsdom lacks) answer MUI's breakpoint
 * queries — `(min-width:1280px)`, `(max-width:599.95px)` — for a screen of
 * `width` CSS pixels. Returns the function that removes it again.
 */
export function mockScreenWidth(width: number): () => void {
  const matches = (query: string) =>
    query.split(/\s+and\s+/).every(part => {
      const bound = /\((min|max)-width:\s*([\d.]+)px\)/.exec(part);
      if (!bound) return false;
      const px = Number(bound[2]);
      return bound[1] === 'min' ? width >= px : width <= px;
    });
  const previous = window.matchMedia;
  window.matchMedia = (query: string) =>
    ({
      matches: matches(query),
      media: query,
      onchange: null,
      addListener: () => {},
      removeListener: () => {},
      addEventListener: () => {},
      removeEventListener: () => {},
      dispatchEvent: () => false,
    } as MediaQueryList);
  return () => {
    window.matchMedia = previous;
  };
}
