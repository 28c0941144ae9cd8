// Profile first: a first-time member says who they are before their first join completes.
import { useState } from 'react';
import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Field, Input, Select, makeStyles, tokens } from '@fluentui/react-components';
import { apiFetch } from '../../api';
import { HUB_NAMES, PROFESSION_NAMES } from '../../types';
import { ErrorBar } from '../../components/Status';
import { useKeepTabster } from '../../components/keepTabster';

const useStyles = makeStyles({ form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS } });

export function ProfileDialog({ channelName, guest, onSaved, onCancel }: { channelName: string; guest: boolean; onSaved: () => void; onCancel: () => void }) {
  useKeepTabster();
  const styles = useStyles();
  const [profession, setProfession] = useState('');
  const [hub, setHub] = useState('');
  const [pcn, setPcn] = useState('');
  const [organisation, setOrganisation] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  return (
    <Dialog open modalType="modal" onOpenChange={(_, d) => !d.open && onCancel()}>
      <DialogSurface aria-describedby="profile-intro">
        <form
          onSubmit={async (e) => {
            e.preventDefault();
            setBusy(true);
            setError(null);
            try {
              await apiFetch('/api/me/profile', { method: 'PUT', body: { profession, hub, pcn, organisation } });
              onSaved();
            } catch (err) {
              setError(err);
              setBusy(false);
            }
          }}
        >
          <DialogBody>
            <DialogTitle>Tell us about you</DialogTitle>
            <DialogContent className={styles.form}>
              <p id="profile-intro">Before you join {channelName}, tell us a little about you. You only do this once; it helps leads and organisers plan for the right people.</p>
              <Field label="Profession" required>
                <Select value={profession} onChange={(_, d) => setProfession(d.value)}>
                  <option value="">Choose…</option>
                  {Object.entries(PROFESSION_NAMES).map(([value, title]) => (
                    <option key={value} value={value}>
                      {title}
                    </option>
                  ))}
                </Select>
              </Field>
              <Field label="Training hub" required>
                <Select value={hub} onChange={(_, d) => setHub(d.value)}>
                  <option value="">Choose…</option>
                  {Object.entries(HUB_NAMES).map(([value, title]) => (
                    <option key={value} value={value}>
                      {title}
                    </option>
                  ))}
                </Select>
              </Field>
              <Field label="Primary Care Network (PCN)" required={!guest}>
                <Input value={pcn} maxLength={100} onChange={(_, d) => setPcn(d.value)} placeholder="e.g. The Ridge PCN" />
              </Field>
              <Field label="Organisation or practice" required>
                <Input value={organisation} maxLength={120} onChange={(_, d) => setOrganisation(d.value)} placeholder="e.g. Lenham Surgery" />
              </Field>
              {error ? <ErrorBar error={error} title="Profile not saved" /> : null}
            </DialogContent>
            <DialogActions>
              <Button appearance="secondary" onClick={onCancel}>
                Cancel
              </Button>
              <Button appearance="primary" type="submit" disabled={busy || !profession || !hub}>
                Save and join {channelName}
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
