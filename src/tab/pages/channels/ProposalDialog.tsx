// Propose a new Community of Practice; a hub coordinator decides.
import { useState } from 'react';
import { Button, Checkbox, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Field, Input, Select, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { apiFetch } from '../../api';
import { HUB_NAMES, PROFESSION_NAMES } from '../../types';
import { ErrorBar } from '../../components/Status';
import { useKeepTabster } from '../../components/keepTabster';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  professions: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalM, border: 'none', padding: 0, margin: 0 },
});

export function ProposalDialog({ onDone, onCancel }: { onDone: (name: string) => void; onCancel: () => void }) {
  useKeepTabster();
  const styles = useStyles();
  const [name, setName] = useState('');
  const [purpose, setPurpose] = useState('');
  const [hub, setHub] = useState('kent-medway');
  const [professions, setProfessions] = useState<string[]>([]);
  const [channelType, setChannelType] = useState('standard');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  return (
    <Dialog open modalType="modal" onOpenChange={(_, d) => !d.open && onCancel()}>
      <DialogSurface>
        <form
          onSubmit={async (e) => {
            e.preventDefault();
            setBusy(true);
            setError(null);
            try {
              await apiFetch('/api/channel-proposals', { method: 'POST', body: { name, purpose, hub, professions, channelType } });
              onDone(name);
            } catch (err) {
              setError(err);
              setBusy(false);
            }
          }}
        >
          <DialogBody>
            <DialogTitle>Propose a new channel</DialogTitle>
            <DialogContent className={styles.form}>
              <p>A hub coordinator reviews each proposal. Once it is approved the channel is created and you become its lead.</p>
              <Field label="Channel name" required>
                <Input value={name} maxLength={50} onChange={(_, d) => setName(d.value)} />
              </Field>
              <Field label="Purpose" required hint="What the channel is for, in a sentence or two.">
                <Textarea value={purpose} maxLength={500} onChange={(_, d) => setPurpose(d.value)} />
              </Field>
              <Field label="Hub">
                <Select value={hub} onChange={(_, d) => setHub(d.value)}>
                  {Object.entries(HUB_NAMES).map(([value, title]) => (
                    <option key={value} value={value}>
                      {title}
                    </option>
                  ))}
                </Select>
              </Field>
              <fieldset className={styles.professions}>
                <legend>Professions it serves (none = everyone)</legend>
                {Object.entries(PROFESSION_NAMES).map(([value, title]) => (
                  <Checkbox
                    key={value}
                    label={title}
                    checked={professions.includes(value)}
                    onChange={(_, d) => setProfessions(d.checked ? [...professions, value] : professions.filter((p) => p !== value))}
                  />
                ))}
              </fieldset>
              <Field label="Who can see it">
                <Select value={channelType} onChange={(_, d) => setChannelType(d.value)}>
                  <option value="standard">Everyone in the Virtual Café (standard)</option>
                  <option value="private">Members only (private)</option>
                </Select>
              </Field>
              {error ? <ErrorBar error={error} title="Proposal not sent" /> : null}
            </DialogContent>
            <DialogActions>
              <Button appearance="secondary" onClick={onCancel}>
                Cancel
              </Button>
              <Button appearance="primary" type="submit" disabled={busy || !name.trim() || !purpose.trim()}>
                Send proposal
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
