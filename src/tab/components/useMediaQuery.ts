import { useEffect, useState } from 'react';

/** True while the media query matches (and re-renders when that changes, e.g. a phone turned). */
export function useMediaQuery(query: string): boolean {
  const [matches, setMatches] = useState(() => typeof window !== 'undefined' && !!window.matchMedia?.(query).matches);
  useEffect(() => {
    const list = window.matchMedia?.(query);
    if (!list) return;
    const update = () => setMatches(list.matches);
    update();
    list.addEventListener('change', update);
    return () => list.removeEventListener('change', update);
  }, [query]);
  return matches;
}

/** Phone width: the tab stacks tables as cards and tucks filters away below this. */
export const PHONE = '(max-width: 599px)';
export const usePhone = () => useMediaQuery(PHONE);
