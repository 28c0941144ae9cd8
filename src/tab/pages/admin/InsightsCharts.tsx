// The insights' charts (Fluent UI React Charts: Fluent's own charting library, themed by the same
// tokens as the rest of the tab, so light, dark and high contrast all work; bars are focusable and
// named for screen readers). Loaded on its own by InsightsSection; the tables there carry the same
// figures for anyone who prefers numbers.
import { useState } from 'react';
import { VerticalBarChart, type VerticalBarChartDataPoint } from '@fluentui/react-charts';
import { Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { professionName } from '../../components/names';
import type { InsightsJson } from '../events/afterApi';

const CHART_HEIGHT = 240;

const useStyles = makeStyles({
  charts: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(280px, 1fr))', gap: tokens.spacingHorizontalXXL, margin: `${tokens.spacingVerticalM} 0` },
  chart: { minWidth: 0, margin: 0 },
  box: { height: `${CHART_HEIGHT}px`, width: '100%', overflow: 'hidden' },
});

// Fluent palette tokens: each theme gives them its own value (dark and high contrast included).
const COLOURS = [tokens.colorPaletteBlueForeground2, tokens.colorPaletteDarkGreenForeground2, tokens.colorPaletteDarkOrangeForeground2, tokens.colorPaletteBerryForeground2, tokens.colorPaletteNavyForeground2];

const MOST_CHANNELS = 8;

function Chart({ title, data, yTitle }: { title: string; data: VerticalBarChartDataPoint[]; yTitle: string }) {
  const styles = useStyles();
  // The chart sizes itself to a box of fixed height: measured from its own content, its height
  // grew by a few pixels a frame, for ever (a layout a frame, the processor busy).
  const [box, setBox] = useState<HTMLDivElement | null>(null);
  const id = `chart-${title.replace(/\W+/g, '-').toLowerCase()}`;
  return (
    <figure className={styles.chart} aria-labelledby={id}>
      <Subtitle2 as="h3" block id={id}>
        {title}
      </Subtitle2>
      <div ref={setBox} className={styles.box}>
        {box && <VerticalBarChart parentRef={box} chartTitle={title} data={data} height={CHART_HEIGHT} hideLegend yAxisTitle={yTitle} wrapXAxisLables barWidth="auto" maxBarWidth={48} />}
      </div>
    </figure>
  );
}

export default function InsightsCharts({ insights: i }: { insights: InsightsJson }) {
  const styles = useStyles();
  const bar = (x: string, y: number, n: number): VerticalBarChartDataPoint => ({ x, y, legend: x, color: COLOURS[n % COLOURS.length], xAxisCalloutData: x, yAxisCalloutData: String(y) });
  const places = [bar('Offered', i.placesOffered, 0), bar('Booked', i.booked, 1), bar('Waitlisted', i.waitlisted, 2), bar('Attended', i.attended, 3)];
  const professions = Object.entries(i.cpdHoursByProfession)
    .sort((a, b) => b[1] - a[1])
    .map(([p, h], n) => bar(p === 'unknown' ? 'Not recorded' : professionName(p), h, n));
  const channels = [...i.channels]
    .sort((a, b) => b.joinedInPeriod - a.joinedInPeriod)
    .slice(0, MOST_CHANNELS)
    .map((c, n) => bar(c.name, c.joinedInPeriod, n));
  return (
    <div className={styles.charts} data-testid="insights-charts">
      <Chart title="Places and attendance" data={places} yTitle="People" />
      {professions.length > 0 && <Chart title="CPD hours by profession" data={professions} yTitle="Hours" />}
      {channels.length > 0 && <Chart title={`Joined in the period (top ${Math.min(MOST_CHANNELS, channels.length)} channels)`} data={channels} yTitle="New members" />}
    </div>
  );
}
