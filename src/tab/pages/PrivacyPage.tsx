// Your data: see and download everything held about you, or erase it (asks to confirm).
import { useState } from 'react';
import {
  Body1,
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
  makeStyles,
  Title2,
  tokens,
} from '@fluentui/react-components';
import { apiFetch } from '../api';
import { ErrorBar, Loading, Notice } from '../components/Status';
import { useKeepTabster } from '../components/keepTabster';

const useStyles = makeStyles({
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, margin: `${tokens.spacingVerticalM} 0` },
  json: {
    maxHeight: '50vh',
    overflow: 'auto',
    padding: tokens.spacingHorizontalM,
    backgroundColor: tokens.colorNeutralBackground3,
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    whiteSpace: 'pre-wrap',
    wordBreak: 'break-word',
  },
});

export function PrivacyPage() {
  useKeepTabster();
  const styles = useStyles();
  const [json, setJson] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [erased, setErased] = useState(false);

  const load = async () => {
    setBusy(true);
    setError(null);
    try {
      setJson(JSON.stringify(await apiFetch('/api/me/export'), null, 2));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const download = () => {
    if (!json) return;
    const url = URL.createObjectURL(new Blob([json], { type: 'application/json' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = 'virtual-cafe-my-data.json';
    a.click();
    URL.revokeObjectURL(url);
  };

  const erase = async () => {
    setBusy(true);
    setError(null);
    try {
      await apiFetch('/api/me', { method: 'DELETE' });
      setErased(true);
      setJson(null);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="page-title">
      <Title2 as="h1" block id="page-title">
        Your data
      </Title2>
      <Body1 as="p" block>
        The Virtual Café keeps only what its features need: your profile, channel memberships, bookings and attendance, facilitation details, and where to reach you in Teams.
      </Body1>
      <div className={styles.actions}>
        <Button appearance="primary" onClick={() => void load()} disabled={busy}>
          Show my data
        </Button>
        <Button onClick={download} disabled={!json}>
          Download as JSON
        </Button>
        <Dialog>
          <DialogTrigger disableButtonEnhancement>
            <Button disabled={busy || erased}>Erase my data…</Button>
          </DialogTrigger>
          <DialogSurface>
            <DialogBody>
              <DialogTitle>Erase your data?</DialogTitle>
              <DialogContent>
                This removes your profile, your channel memberships and requests, your facilitator details and your future bookings (the next person on each
                waitlist gets your place). Past attendance is kept only as anonymous counts. It cannot be undone.
              </DialogContent>
              <DialogActions>
                <DialogTrigger disableButtonEnhancement>
                  <Button appearance="secondary">Keep my data</Button>
                </DialogTrigger>
                <DialogTrigger disableButtonEnhancement>
                  <Button appearance="primary" onClick={() => void erase()}>
                    Erase my data
                  </Button>
                </DialogTrigger>
              </DialogActions>
            </DialogBody>
          </DialogSurface>
        </Dialog>
      </div>
      {busy && <Loading />}
      {error ? <ErrorBar error={error} /> : null}
      {erased && <Notice intent="success">Your data has been erased.</Notice>}
      {json && (
        <pre className={styles.json} aria-label="Your data as JSON" tabIndex={0}>
          {json}
        </pre>
      )}
    </section>
  );
}
