// Feedback on an event I attended, from the tab (the same questions as the card): a rating, what
// was useful, what could be better, how I will use it in my practice and the NMC Code theme.
// Opened again, it shows my answer to change.
import { useEffect, useState } from 'react';
import {
  Body1, Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Field, Radio, RadioGroup, Select, Textarea, makeStyles, tokens,
} from '@fluentui/react-components';
import { ErrorBar, Loading } from '../../components/Status';
import { afterApi, CODE_THEMES, CODE_THEME_NAMES, FEEDBACK_LIMITS, RATING_WORDS, type FeedbackAnswerJson } from './afterApi';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  ratings: { display: 'flex', flexWrap: 'wrap' },
});

export function FeedbackDialog({ eventId, title, open, onClose, onSaved }: { eventId: string; title: string; open: boolean; onClose: () => void; onSaved: (answer: FeedbackAnswerJson, replaced: boolean) => void }) {
  const styles = useStyles();
  const [loaded, setLoaded] = useState(false);
  const [had, setHad] = useState(false);
  const [rating, setRating] = useState('');
  const [useful, setUseful] = useState('');
  const [improve, setImprove] = useState('');
  const [practice, setPractice] = useState('');
  const [codeTheme, setCodeTheme] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [ratingMissing, setRatingMissing] = useState(false);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!open) return;
    let live = true;
    setLoaded(false);
    setError(null);
    afterApi
      .myFeedback(eventId)
      .then(({ feedback: f }) => {
        if (!live) return;
        setHad(!!f);
        setRating(f ? String(f.rating) : '');
        setUseful(f?.useful ?? '');
        setImprove(f?.improve ?? '');
        setPractice(f?.practice ?? '');
        setCodeTheme(f?.codeTheme ?? '');
        setLoaded(true);
      })
      .catch((e) => live && (setError(e), setLoaded(true)));
    return () => {
      live = false;
    };
  }, [eventId, open]);

  const send = async () => {
    if (!rating) {
      setRatingMissing(true);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const saved = await afterApi.giveFeedback(eventId, { rating: Number(rating), useful, improve, practice, codeTheme });
      onSaved(saved, saved.replaced);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog open={open} onOpenChange={(_, d) => !d.open && onClose()}>
      <DialogSurface aria-describedby={undefined}>
        <DialogBody>
          <DialogTitle>How was “{title}”?</DialogTitle>
          <DialogContent>
            {!loaded ? (
              <Loading label="Loading your answer…" />
            ) : (
              <form
                className={styles.form}
                onSubmit={(e) => {
                  e.preventDefault();
                  void send();
                }}
              >
                <Body1 block as="p">
                  Your rating and comments go to the organiser without your name. Your reflection goes into your own CPD record.
                </Body1>
                <Field label="Overall, how was it?" required validationState={ratingMissing ? 'error' : 'none'} validationMessage={ratingMissing ? 'Choose a rating from 1 to 5.' : undefined}>
                  <RadioGroup
                    className={styles.ratings}
                    layout="horizontal"
                    value={rating}
                    onChange={(_, d) => {
                      setRating(d.value);
                      setRatingMissing(false);
                    }}
                  >
                    {[5, 4, 3, 2, 1].map((n) => (
                      <Radio key={n} value={String(n)} label={`${n} — ${RATING_WORDS[n]}`} />
                    ))}
                  </RadioGroup>
                </Field>
                <Field label="What was most useful?">
                  <Textarea value={useful} maxLength={FEEDBACK_LIMITS.useful} onChange={(_, d) => setUseful(d.value)} />
                </Field>
                <Field label="What could be better?">
                  <Textarea value={improve} maxLength={FEEDBACK_LIMITS.improve} onChange={(_, d) => setImprove(d.value)} />
                </Field>
                <Field label="How will you use this in your practice?" hint="Your reflection for revalidation: it appears in your CPD record, not to the organiser.">
                  <Textarea value={practice} maxLength={FEEDBACK_LIMITS.practice} onChange={(_, d) => setPractice(d.value)} resize="vertical" />
                </Field>
                <Field label="Which theme of the NMC Code does it relate to? (optional)">
                  <Select value={codeTheme} onChange={(_, d) => setCodeTheme(d.value)}>
                    <option value="">No theme</option>
                    {CODE_THEMES.map((t) => (
                      <option key={t} value={t}>
                        {CODE_THEME_NAMES[t]}
                      </option>
                    ))}
                  </Select>
                </Field>
                {error ? <ErrorBar error={error} title="Not sent" /> : null}
              </form>
            )}
          </DialogContent>
          <DialogActions>
            <Button appearance="secondary" onClick={onClose}>
              Cancel
            </Button>
            <Button appearance="primary" disabled={!loaded || busy} onClick={() => void send()}>
              {had ? 'Save my changes' : 'Send feedback'}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
