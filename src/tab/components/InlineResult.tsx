// What an action did, shown beside the control that did it (not in a banner far up the page),
// and announced to screen readers.
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  note: { display: 'block', fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
  shown: { marginTop: tokens.spacingVerticalXS },
  success: { color: tokens.colorPaletteGreenForeground1 },
  error: { color: tokens.colorPaletteRedForeground1 },
  info: { color: tokens.colorNeutralForeground2 },
});

export type ResultIntent = 'success' | 'error' | 'info';

export interface ActionResult {
  intent: ResultIntent;
  text: string;
}

export function InlineResult({ result, className }: { result: ActionResult | null | undefined; className?: string }) {
  const styles = useStyles();
  // The live region stays in the page so the next message is announced too.
  return (
    <span role="status" className={mergeClasses(styles.note, !!result && styles.shown, !!result && styles[result.intent], className)} data-testid="action-result">
      {result?.text ?? ''}
    </span>
  );
}

export const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));
