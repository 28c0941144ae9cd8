// Tab entry point: find the host (Teams or a plain browser), apply its theme, learn who is signed
// in from /api/me, then render the app.
import { StrictMode, useCallback, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { Button, Field, FluentProvider, Input, teamsDarkTheme, teamsHighContrastTheme, teamsLightTheme, Title2, Body1, makeStyles, tokens } from '@fluentui/react-components';
import { initialiseHost, onThemeChange, type HostInfo, type ThemeName } from './teams';
import { authMode, devUser, setDevUser } from './session';
import { apiFetch } from './api';
import type { Me } from './types';
import { App } from './App';
import { AppContext } from './MeContext';
import { ErrorBar, Loading } from './components/Status';

const THEMES = { default: teamsLightTheme, dark: teamsDarkTheme, contrast: teamsHighContrastTheme };

const useStyles = makeStyles({
  centre: { padding: tokens.spacingHorizontalXXL, maxWidth: '560px', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

/** Dev mode with no ?devUser: ask who to act as (loopback only, so this is never in production). */
function DevSignIn({ onDone }: { onDone: () => void }) {
  const styles = useStyles();
  const [id, setId] = useState('6f1c2a7e-3b4d-4c5e-9f60-1a2b3c4d5e01');
  const [name, setName] = useState('Sam Okafor');
  return (
    <form
      className={styles.centre}
      onSubmit={(e) => {
        e.preventDefault();
        setDevUser({ id: id.trim(), name: name.trim() || 'Dev user' });
        onDone();
      }}
    >
      <Title2 as="h1">Virtual Café (local)</Title2>
      <Body1 as="p">This is a local run without Teams sign-in. Choose who to act as.</Body1>
      <Field label="Object id" required>
        <Input value={id} onChange={(_, d) => setId(d.value)} />
      </Field>
      <Field label="Name">
        <Input value={name} onChange={(_, d) => setName(d.value)} />
      </Field>
      <Button appearance="primary" type="submit">
        Continue
      </Button>
    </form>
  );
}

function Root() {
  const styles = useStyles();
  const [host, setHost] = useState<HostInfo | null>(null);
  const [theme, setTheme] = useState<ThemeName>('default');
  const [me, setMe] = useState<Me | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [needsDevUser, setNeedsDevUser] = useState(false);

  const loadMe = useCallback(async () => {
    if (authMode() === 'dev' && !devUser()) {
      setNeedsDevUser(true);
      return;
    }
    setNeedsDevUser(false);
    try {
      setMe(await apiFetch<Me>('/api/me'));
      setError(null);
    } catch (e) {
      setError(e);
    }
  }, []);

  useEffect(() => {
    void (async () => {
      const info = await initialiseHost();
      setHost(info);
      setTheme(info.theme);
      onThemeChange(setTheme);
      await loadMe();
    })();
  }, [loadMe]);

  let content;
  if (needsDevUser) content = <DevSignIn onDone={() => void loadMe()} />;
  else if (error)
    content = (
      <div className={styles.centre}>
        <ErrorBar error={error} title="Could not open the Virtual Café" />
        <Button onClick={() => void loadMe()}>Try again</Button>
      </div>
    );
  else if (!host || !me)
    content = (
      <div className={styles.centre}>
        <Loading label="Opening the Virtual Café…" />
      </div>
    );
  else
    content = (
      <AppContext.Provider value={{ me, host, refreshMe: loadMe }}>
        <App />
      </AppContext.Provider>
    );

  return (
    <FluentProvider theme={THEMES[theme]} data-theme={theme} style={{ minHeight: '100vh' }}>
      {content}
    </FluentProvider>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Root />
  </StrictMode>,
);
