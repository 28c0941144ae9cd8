// Loading, error and empty states, announced to screen readers. Loading is a skeleton in the shape
// of what is coming (lines of text), not a spinner: the page keeps its layout while it fills in.
import { MessageBar, MessageBarBody, MessageBarTitle, Skeleton, SkeletonItem, makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';

const useStyles = makeStyles({
  lines: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, padding: `${tokens.spacingVerticalS} 0` },
  short: { width: '40%' },
  medium: { width: '70%' },
  block: { height: '64px' },
  // Read by screen readers, not shown.
  hidden: { position: 'absolute', width: '1px', height: '1px', margin: '-1px', overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap' },
});

/** Placeholder lines while content loads; the label is announced, not shown. */
export function Loading({ label = 'Loading…', rows = 3 }: { label?: string; rows?: number }) {
  const styles = useStyles();
  return (
    <div role="status" data-testid="loading">
      <span className={styles.hidden}>{label}</span>
      <Skeleton aria-hidden className={styles.lines}>
        {Array.from({ length: rows }, (_, i) => (
          <SkeletonItem key={i} size={16} className={i === 0 ? styles.short : i % 2 ? undefined : styles.medium} />
        ))}
      </Skeleton>
    </div>
  );
}

/** A page-sized placeholder: a heading, a line of text and a few blocks (first load, page chunks). */
export function PageSkeleton({ label = 'Loading…' }: { label?: string }) {
  const styles = useStyles();
  return (
    <div role="status" data-testid="page-skeleton">
      <span className={styles.hidden}>{label}</span>
      <Skeleton aria-hidden className={styles.lines}>
        <SkeletonItem size={28} className={styles.short} />
        <SkeletonItem size={16} className={styles.medium} />
        <SkeletonItem className={styles.block} />
        <SkeletonItem className={styles.block} />
        <SkeletonItem className={styles.block} />
      </Skeleton>
    </div>
  );
}

export function ErrorBar({ error, title = 'Something went wrong' }: { error: unknown; title?: string }) {
  const message = error instanceof Error ? error.message : String(error);
  return (
    <MessageBar intent="error" role="alert">
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle>
        {message}
      </MessageBarBody>
    </MessageBar>
  );
}

export function Notice({ intent = 'info', children }: { intent?: 'info' | 'success' | 'warning'; children: ReactNode }) {
  return (
    <MessageBar intent={intent} role="status">
      <MessageBarBody>{children}</MessageBarBody>
    </MessageBar>
  );
}
