// Which navigation entries fit a bar of a given width (pure, so it can be unit-tested).

/**
 * Which entries fit in `available` pixels, in order, always keeping the current one: when not all
 * fit, room is kept for "More" and the entries from the first that does not fit onwards go there.
 */
export function fitEntries(widths: number[], available: number, moreWidth: number, currentIndex: number): boolean[] {
  const total = widths.reduce((a, b) => a + b, 0);
  if (total <= available) return widths.map(() => true);
  let room = available - moreWidth - (currentIndex >= 0 ? widths[currentIndex] : 0);
  let full = false;
  return widths.map((w, i) => {
    if (i === currentIndex) return true;
    // Keep the order: nothing after the first entry that does not fit.
    if (full || w > room) {
      full = true;
      return false;
    }
    room -= w;
    return true;
  });
}
