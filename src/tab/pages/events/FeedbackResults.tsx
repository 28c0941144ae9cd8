// Organisers and coordinators, on an event that has ended: what attendees said — the return rate
// first (some ICBs pay for PLT on it), the mean and spread of ratings, and the comments with no
// names. For an event of a series, the same over the whole series.
import { Body1, Caption1, Subtitle1, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { useAsync } from '../../components/useAsync';
import { ErrorBar, Loading } from '../../components/Status';
import { StackedTable } from '../../components/StackedTable';
import { afterApi, percent, RATING_WORDS, type FeedbackSummaryJson } from './afterApi';

const useStyles = makeStyles({
  section: { marginTop: tokens.spacingVerticalXXL },
  figures: { display: 'flex', flexWrap: 'wrap', gap: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalXXL}`, margin: `${tokens.spacingVerticalS} 0` },
  figure: { display: 'flex', flexDirection: 'column' },
  comments: { margin: 0, paddingLeft: tokens.spacingHorizontalXL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  heading: { marginTop: tokens.spacingVerticalM },
});

function Figures({ s, testId }: { s: FeedbackSummaryJson; testId: string }) {
  const styles = useStyles();
  return (
    <div className={styles.figures}>
      <div className={styles.figure} data-testid={testId}>
        <Caption1>Feedback return rate</Caption1>
        <Subtitle2>
          {percent(s.returnRate)} ({s.responses} of {s.attended} attended)
        </Subtitle2>
      </div>
      <div className={styles.figure}>
        <Caption1>Mean rating (1–5)</Caption1>
        <Subtitle2>{s.ratingMean ?? '—'}</Subtitle2>
      </div>
    </div>
  );
}

export function FeedbackResults({ eventId, seriesId }: { eventId: string; seriesId?: string }) {
  const styles = useStyles();
  const one = useAsync(() => afterApi.feedbackResults(eventId), [eventId]);
  const series = useAsync(() => (seriesId ? afterApi.seriesResults(seriesId) : Promise.resolve(null)), [seriesId]);
  const s = one.data;
  return (
    <section className={styles.section} aria-labelledby="feedback-title">
      <Subtitle1 block as="h2" id="feedback-title">
        Feedback
      </Subtitle1>
      {one.error ? <ErrorBar error={one.error} title="Could not load the feedback" /> : null}
      {one.loading && !s && <Loading label="Loading the feedback…" />}
      {s && (
        <>
          <Figures s={s} testId="feedback-return-rate" />
          {s.responses > 0 && (
            <StackedTable
              label="Ratings"
              rows={(['5', '4', '3', '2', '1'] as const).map((k) => ({ k, n: s.ratingCounts[k] }))}
              rowKey={(r) => r.k}
              columns={[
                { header: 'Rating', cell: (r) => `${r.k} — ${RATING_WORDS[Number(r.k)]}` },
                { header: 'Answers', cell: (r) => r.n },
              ]}
            />
          )}
          <Subtitle2 as="h3" block className={styles.heading}>
            Comments (no names)
          </Subtitle2>
          {s.comments.length === 0 ? (
            <Body1 block as="p">
              No comments yet.
            </Body1>
          ) : (
            <ul className={styles.comments} aria-label="Comments">
              {s.comments.map((c, n) => (
                <li key={n}>
                  {c.useful && <Body1 block>Useful: {c.useful}</Body1>}
                  {c.improve && <Body1 block>Could be better: {c.improve}</Body1>}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      {series.data && series.data.events > 1 && (
        <>
          <Subtitle2 as="h3" block className={styles.heading}>
            The whole series ({series.data.events} events so far)
          </Subtitle2>
          <Figures s={series.data} testId="series-return-rate" />
        </>
      )}
    </section>
  );
}
