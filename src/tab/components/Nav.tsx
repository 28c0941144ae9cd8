// The sections of the tab as links (each is an address people can open or share). Whatever does
// not fit the width — a phone, a narrow Teams side panel — moves into a "More" list instead of being
// clipped; the current section always stays in view.
//
// "More" is a disclosure (a button that shows a list of links), the WAI-ARIA pattern for site
// navigation, rather than an ARIA menu: these are links to addresses, and it keeps Fluent's menu and
// positioning code out of the first load.
import { Button, Overflow, OverflowItem, makeStyles, mergeClasses, tokens, useIsOverflowItemVisible, useOverflowMenu } from '@fluentui/react-components';
import { useEffect, useId, useRef, useState } from 'react';
import { Link } from '../router';

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
    // Overflow measures against this width; nothing may spill past it.
    overflow: 'hidden',
    minWidth: 0,
    flexGrow: 1,
  },
  item: { flexShrink: 0, display: 'flex' },
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

export function Nav({ entries, currentId }: { entries: NavEntry[]; currentId?: string }) {
  const styles = useStyles();
  return (
    <Overflow padding={8}>
      <div className={styles.bar}>
        <ul className={styles.list} data-testid="nav-list">
          {entries.map((e) => {
            const current = e.id === currentId;
            return (
              <OverflowItem key={e.id} id={e.id} pinned={current}>
                <li className={styles.item}>
                  <Link href={e.path} className={mergeClasses(styles.link, current && styles.current)} aria-current={current ? 'page' : undefined}>
                    {e.label}
                  </Link>
                </li>
              </OverflowItem>
            );
          })}
        </ul>
        <More entries={entries} currentId={currentId} />
      </div>
    </Overflow>
  );
}

function More({ entries, currentId }: { entries: NavEntry[]; currentId?: string }) {
  const styles = useStyles();
  const { ref, isOverflowing } = useOverflowMenu<HTMLButtonElement>();
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
      ref.current?.focus();
    };
    document.addEventListener('pointerdown', close);
    document.addEventListener('focusin', close);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', close);
      document.removeEventListener('focusin', close);
      document.removeEventListener('keydown', onKey);
    };
  }, [open, ref]);

  if (!isOverflowing) return null;
  return (
    <div ref={wrap} className={styles.moreWrap}>
      <Button
        ref={ref}
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
        {entries.map((e) => (
          <MoreItem key={e.id} entry={e} current={e.id === currentId} onChosen={() => setOpen(false)} />
        ))}
      </ul>
    </div>
  );
}

function MoreItem({ entry, current, onChosen }: { entry: NavEntry; current: boolean; onChosen: () => void }) {
  const styles = useStyles();
  const visible = useIsOverflowItemVisible(entry.id);
  if (visible) return null;
  return (
    <li>
      <Link href={entry.path} className={mergeClasses(styles.popupLink, current && styles.popupCurrent)} aria-current={current ? 'page' : undefined} onClick={onChosen}>
        {entry.label}
      </Link>
    </li>
  );
}

/** A small down chevron (the icon package is not a direct dependency for one glyph). */
const Chevron = () => (
  <svg width="12" height="12" viewBox="0 0 12 12" aria-hidden="true" focusable="false">
    <path d="M2.2 4.2a.75.75 0 0 1 1.06 0L6 6.94 8.74 4.2a.75.75 0 1 1 1.06 1.06L6.53 8.53a.75.75 0 0 1-1.06 0L2.2 5.26a.75.75 0 0 1 0-1.06Z" fill="currentColor" />
  </svg>
);
