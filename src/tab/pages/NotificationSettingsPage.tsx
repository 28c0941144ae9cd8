// My notification settings: a switch per kind I may turn off; facilitation explained, not switchable.
import { useState } from 'react';
import { Body1, Caption1, Switch, Title2, makeStyles, tokens } from '@fluentui/react-components';
import { apiFetch } from '../api';
import { useAsync } from '../components/useAsync';
import { ErrorBar, Loading, Notice } from '../components/Status';
import type { PreferenceView as KindView, PreferencesView as SettingsView } from '../../contracts/notifications';


const useStyles = makeStyles({
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, marginTop: tokens.spacingVerticalL, maxWidth: '640px' },
  item: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
});

export function NotificationSettingsPage() {
  const styles = useStyles();
  const { data, error, loading, setData } = useAsync(() => apiFetch<SettingsView>('/api/me/notification-settings'), []);
  const [saving, setSaving] = useState<string | null>(null);
  const [saveError, setSaveError] = useState<unknown>(null);
  const [saved, setSaved] = useState('');

  const change = async (kind: KindView, on: boolean) => {
    if (!data) return;
    const before = data;
    // Show the new position at once; put it back if the server says no.
    setData({ settings: { ...data.settings, [kind.kind]: on }, kinds: data.kinds.map((k) => (k.kind === kind.kind ? { ...k, on } : k)) });
    setSaving(kind.kind);
    setSaveError(null);
    setSaved('');
    try {
      const next = await apiFetch<SettingsView>('/api/me/notification-settings', { method: 'PUT', body: { [kind.kind]: on } });
      setData(next);
      setSaved(`${kind.title}: ${on ? 'on' : 'off'}.`);
    } catch (e) {
      setData(before);
      setSaveError(e);
    } finally {
      setSaving(null);
    }
  };

  return (
    <section aria-labelledby="page-title">
      <Title2 as="h1" block id="page-title">
        Notifications
      </Title2>
      <Body1 as="p" block>
        Choose what the Virtual Café sends you in Teams. Changes apply to messages not yet sent.
      </Body1>
      {loading && !data ? <Loading /> : null}
      {error ? <ErrorBar error={error} title="Your settings could not be loaded" /> : null}
      {data && (
        <div className={styles.list}>
          {data.kinds.map((k) => (
            <div key={k.kind} className={styles.item}>
              <Switch
                label={k.optional ? k.title : `${k.title} (always on)`}
                checked={k.on}
                disabled={!k.optional || saving !== null}
                onChange={(_, d) => void change(k, d.checked)}
              />
              <Caption1>{k.description}</Caption1>
            </div>
          ))}
        </div>
      )}
      {saved && <Notice intent="success">{saved}</Notice>}
      {saveError ? <ErrorBar error={saveError} title="Not saved" /> : null}
    </section>
  );
}
