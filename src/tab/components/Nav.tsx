// The sections of the tab as links (each is an address people can open or share). Whatever does
// not fit the width — a phone, a narrow Teams side panel — moves into a "More" list instead of being
// clipped; the current section always stays in view.
//
// "More" is a disclosure (a button that shows a list of links), the WAI-ARIA pattern for site
// navigation, rather than an ARIA menu: these are links to addresses. The fitting is measured here
// (a few lines) rather than with Fluent's Overflow and Menu, which would add about 15 KB to every
// first load.
import { Button, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import { Link } from '../router';
import { fitEntries } from './navFit';

export interface NavEntry {
  id: string;
  path: string;
  label: string;
}

const useStyles = makeStyles({
  bar: { display: 'flex', alignItems: 'stretch', minWidth: 0, position: 'relative' },
  list: {
    display: 'flex',
    alignItems: 'stretch',
    flexWrap: 'nowrap',
    listStyle: 'none',
    margin: 0,
    padding: 0,
    // Belt and braces: whatever the measurement, nothing spills past the bar.
    overflow: 'hidden',
    minWidth: 0,
    flexGrow: 1,
  },
  item: { flexShrink: 0, display: 'flex' },
  // Kept in the layout (to be measured) but neither seen nor reachable.
  away: { visibility: 'hidden', position: 'absolute', pointerEvents: 'none' },
  link: {
    display: 'flex',
    alignItems: 'center',
    minHeight: '40px',
    padding: `0 ${tokens.spacingHorizontalM}`,
    color: tokens.colorNeutralForeground2,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    textDecoration: 'none',
    whiteSpace: 'nowrap',
    borderBottom: `${tokens.strokeWidthThicker} solid transparent`,
    ':hover': { color: tokens.colorNeutralForeground1Hover, borderBottomColor: tokens.colorNeutralStroke1Hover },
    ':active': { color: tokens.colorNeutralForeground1Pressed },
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: '-2px', borderRadius: tokens.borderRadiusMedium },
  },
  current: {
    color: tokens.colorNeutralForeground1,
    fontWeight: tokens.fontWeightSemibold,
    borderBottomColor: tokens.colorCompoundBrandStroke,
    ':hover': { color: tokens.colorNeutralForeground1, borderBottomColor: tokens.colorCompoundBrandStroke },
  },
  moreWrap: { flexShrink: 0, display: 'flex', alignItems: 'center' },
  more: { minWidth: 'auto', fontWeight: tokens.fontWeightRegular, color: tokens.colorNeutralForeground2 },
  popup: {
    position: 'absolute',
    right: tokens.spacingHorizontalS,
    top: '100%',
    zIndex: 100,
    minWidth: '200px',
    margin: 0,
    padding: `${tokens.spacingVerticalXS} 0`,
    listStyle: 'none',
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorTransparentStroke}`,
    borderRadius: tokens.borderRadiusMedium,
    boxShadow: tokens.shadow16,
  },
  popupLink: {
    display: 'block',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    color: tokens.colorNeutralForeground1,
    textDecoration: 'none',
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover, color: tokens.colorNeutralForeground1Hover },
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: '-2px' },
  },
  popupCurrent: { fontWeight: tokens.fontWeightSemibold, borderLeft: `${tokens.strokeWidthThicker} solid ${tokens.colorCompoundBrandStroke}` },
});

/** Room kept for the "More" button (its width once shown; a fair guess before). */
const MORE_GUESS = 88;

export function Nav({ entries, currentId }: { entries: NavEntry[]; currentId?: string }) {
  const styles = useStyles();
  const barRef = useRef<HTMLDivElement>(null);
  const itemRefs = useRef<(HTMLLIElement | null)[]>([]);
  const moreRef = useRef<HTMLButtonElement>(null);
  const widths = useRef<number[]>([]);
  const [shown, setShown] = useState<boolean[]>(() => entries.map(() => true));
  const currentIndex = entries.findIndex((e) => e.id === currentId);
  const key = entries.map((e) => e.id).join() + '|' + currentId;

  useLayoutEffect(() => {
    const bar = barRef.current;
    if (!bar) return;
    const measure = () => {
      // An item's width is measured while it is laid out (shown or kept "away"), never 0.
      widths.current = itemRefs.current.slice(0, entries.length).map((li, i) => li?.getBoundingClientRect().width || widths.current[i] || 0);
      const more = moreRef.current?.getBoundingClientRect().width || MORE_GUESS;
      const next = fitEntries(widths.current, bar.clientWidth, more, currentIndex);
      setShown((prev) => (prev.length === next.length && prev.every((v, i) => v === next[i]) ? prev : next));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(bar);
    return () => observer.disconnect();
    // key covers entries and the current one
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);

  const hidden = entries.filter((_, i) => !shown[i]);
  return (
    <div ref={barRef} className={styles.bar}>
      <ul className={styles.list} data-testid="nav-list">
        {entries.map((e, i) => {
          const current = e.id === currentId;
          return (
            <li
              key={e.id}
              ref={(el) => {
                itemRefs.current[i] = el;
              }}
              className={mergeClasses(styles.item, !shown[i] && styles.away)}
              aria-hidden={shown[i] ? undefined : true}
            >
              <Link href={e.path} className={mergeClasses(styles.link, current && styles.current)} aria-current={current ? 'page' : undefined} tabIndex={shown[i] ? undefined : -1}>
                {e.label}
              </Link>
            </li>
          );
        })}
      </ul>
      {hidden.length > 0 && <More entries={hidden} currentId={currentId} buttonRef={moreRef} />}
    </div>
  );
}

function More({ entries, currentId, buttonRef }: { entries: NavEntry[]; currentId?: string; buttonRef: React.RefObject<HTMLButtonElement | null> }) {
  const styles = useStyles();
  const [open, setOpen] = useState(false);
  const wrap = useRef<HTMLDivElement>(null);
  const listId = useId();

  useEffect(() => {
    if (!open) return;
    const close = (ev: Event) => {
      if (!wrap.current?.contains(ev.target as Node)) setOpen(false);
    };
    const onKey = (ev: KeyboardEvent) => {
      if (ev.key !== 'Escape') return;
      setOpen(false);
      buttonRef.current?.focus();
    };
    document.addEventListener('pointerdown', close);
    document.addEventListener('focusin', close);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', close);
      document.removeEventListener('focusin', close);
      document.removeEventListener('keydown', onKey);
    };
  }, [open, buttonRef]);

  return (
    <div ref={wrap} className={styles.moreWrap}>
      <Button
        ref={buttonRef}
        appearance="subtle"
        className={styles.more}
        icon={<Chevron />}
        iconPosition="after"
        aria-expanded={open}
        aria-controls={listId}
        onClick={() => setOpen((o) => !o)}
      >
        More
      </Button>
      <ul id={listId} className={styles.popup} hidden={!open}>
        {entries.map((e) => {
          const current = e.id === currentId;
          return (
            <li key={e.id}>
              <Link href={e.path} className={mergeClasses(styles.popupLink, current && styles.popupCurrent)} aria-current={current ? 'page' : undefined} onClick={() => setOpen(false)}>
                {e.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

/** A small down chevron (the icon package is not a direct dependency for one glyph). */
const Chevron = () => (
  <svg width="12" height="12" viewBox="0 0 12 12" aria-hidden="true" focusable="false">
    <path d="M2.2 4.2a.75.75 0 0 1 1.06 0L6 6.94 8.74 4.2a.75.75 0 1 1 1.06 1.06L6.53 8.53a.75.75 0 0 1-1.06 0L2.2 5.26a.75.75 0 0 1 0-1.06Z" fill="currentColor" />
  </svg>
);
