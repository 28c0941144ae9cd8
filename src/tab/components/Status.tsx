// Loading, error and empty states, announced to screen readers. Loading is a skeleton in the shape
// of what is coming (lines of text), not a spinner: the page keeps its layout while it fills in.
// The skeleton is a few blocks in the theme's neutral colours that pulse (opacity, which the
// compositor animates, and not at all for people who ask for reduced motion) — Fluent's Skeleton
// would add 3 KB to every first load for the same picture.
import { MessageBar, MessageBarBody, MessageBarTitle, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';

const useStyles = makeStyles({
  lines: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, padding: `${tokens.spacingVerticalS} 0` },
  bone: {
    display: 'block',
    height: '16px',
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralStencil1,
    animationName: { '0%': { opacity: 1 }, '50%': { opacity: 0.4 }, '100%': { opacity: 1 } },
    animationDuration: '2s',
    animationIterationCount: 'infinite',
    animationTimingFunction: 'ease-in-out',
    '@media (prefers-reduced-motion: reduce)': { animationName: 'none' },
    // High contrast: a visible outline instead of a tint that may be lost.
    '@media (forced-colors: active)': { border: '1px solid CanvasText' },
  },
  heading: { height: '28px', width: '40%' },
  short: { width: '40%' },
  medium: { width: '70%' },
  block: { height: '64px' },
  // Read by screen readers, not shown.
  hidden: { position: 'absolute', width: '1px', height: '1px', margin: '-1px', overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap' },
});

/** One placeholder block (decorative: the surrounding status says what is loading). */
export function Bone({ className, style }: { className?: string; style?: React.CSSProperties }) {
  const styles = useStyles();
  return <span aria-hidden className={mergeClasses(styles.bone, className)} style={style} />;
}

/** Placeholder lines while content loads; the label is announced, not shown. */
export function Loading({ label = 'Loading…', rows = 3 }: { label?: string; rows?: number }) {
  const styles = useStyles();
  return (
    <div role="status" data-testid="loading" className={styles.lines}>
      <span className={styles.hidden}>{label}</span>
      {Array.from({ length: rows }, (_, i) => (
        <Bone key={i} className={i === 0 ? styles.short : i % 2 ? undefined : styles.medium} />
      ))}
    </div>
  );
}

/** A page-sized placeholder: a heading, a line of text and a few blocks (first load, page chunks). */
export function PageSkeleton({ label = 'Loading…' }: { label?: string }) {
  const styles = useStyles();
  return (
    <div role="status" data-testid="page-skeleton" className={styles.lines}>
      <span className={styles.hidden}>{label}</span>
      <Bone className={styles.heading} />
      <Bone className={styles.medium} />
      <Bone className={styles.block} />
      <Bone className={styles.block} />
      <Bone className={styles.block} />
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
