// A table on a wide screen, a list of cards on a phone: columns squeezed to 390 px wrap a word a
// line and push buttons out of sight, while a card keeps each value beside its heading.
import type { ReactNode } from 'react';
import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, makeStyles, tokens } from '@fluentui/react-components';
import { usePhone } from './useMediaQuery';

const useStyles = makeStyles({
  scroll: { overflowX: 'auto', maxWidth: '100%' },
  cards: { listStyle: 'none', padding: 0, margin: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  card: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalM,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  title: { fontWeight: tokens.fontWeightSemibold, marginBottom: tokens.spacingVerticalXS },
  facts: { display: 'grid', gridTemplateColumns: 'minmax(90px, max-content) 1fr', gap: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalM}`, margin: 0 },
  term: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  value: { margin: 0, minWidth: 0, overflowWrap: 'anywhere' },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, marginTop: tokens.spacingVerticalS },
});

export interface Column<T> {
  header: string;
  cell(row: T): ReactNode;
}

export interface StackedTableProps<T> {
  /** Names the table (and the list of cards) for screen readers. */
  label: string;
  rows: readonly T[];
  rowKey(row: T): string;
  /** The first column titles each card on a phone. */
  columns: readonly Column<T>[];
  /** Buttons for a row: the last column on a wide screen, the foot of the card on a phone. */
  actions?: { header: string; cell(row: T): ReactNode };
  size?: 'small' | 'medium';
}

export function StackedTable<T>({ label, rows, rowKey, columns, actions, size = 'small' }: StackedTableProps<T>) {
  const styles = useStyles();
  const phone = usePhone();
  const [first, ...rest] = columns;
  if (phone) {
    return (
      <ul className={styles.cards} aria-label={label}>
        {rows.map((row) => (
          <li key={rowKey(row)} className={styles.card}>
            <div className={styles.title}>{first.cell(row)}</div>
            {rest.length > 0 && (
              <dl className={styles.facts}>
                {rest.map((c) => (
                  <div key={c.header} style={{ display: 'contents' }}>
                    <dt className={styles.term}>{c.header}</dt>
                    <dd className={styles.value}>{c.cell(row)}</dd>
                  </div>
                ))}
              </dl>
            )}
            {actions && <div className={styles.actions}>{actions.cell(row)}</div>}
          </li>
        ))}
      </ul>
    );
  }
  return (
    <div className={styles.scroll}>
      <Table aria-label={label} size={size}>
        <TableHeader>
          <TableRow>
            {columns.map((c) => (
              <TableHeaderCell key={c.header}>{c.header}</TableHeaderCell>
            ))}
            {actions && <TableHeaderCell>{actions.header}</TableHeaderCell>}
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((row) => (
            <TableRow key={rowKey(row)}>
              {columns.map((c) => (
                <TableCell key={c.header}>{c.cell(row)}</TableCell>
              ))}
              {actions && <TableCell>{actions.cell(row)}</TableCell>}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
