// Keeps Fluent's focus manager (tabster) alive for the page's life once a dialog has used it.
//
// Why: a modal Fluent Dialog hides the rest of the page with aria-hidden through tabster's
// modalizer, and takes it back off on a 250 ms timer after the dialog goes. Fluent creates tabster
// per component (useTabster) and disposes it when the last one unmounts; disposal clears that timer
// without running it (tabster's ModalizerAPI.dispose, microsoft/tabster#530), so the page stays
// aria-hidden="true": every control vanishes from the accessibility tree. The page used to hold
// tabster through Fluent's TabList (calendar sections, navigation); since those became plain
// buttons and links, a dialog is often the only user, and closing or unmounting it disposed
// tabster. Every dialog of the tab calls this hook.
import { useLayoutEffect } from 'react';
import { createTabster, getTabster, type Types } from 'tabster';

let held: Types.Tabster | undefined;

/** Call in a component that renders a Fluent Dialog (any state): from then on tabster is never disposed. */
export function useKeepTabster(): void {
  // After every render: the Dialog's own layout effect (a child's) has created tabster by the time
  // this one runs, even when the dialog appears later than its parent. This only adds a reference
  // that nothing releases to the instance Fluent created (with Fluent's options).
  useLayoutEffect(() => {
    if (!held && getTabster(window)) held = createTabster(window);
  });
}
