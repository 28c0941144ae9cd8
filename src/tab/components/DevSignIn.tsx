// Dev mode with no ?devUser: ask who to act as (the server allows dev mode on loopback only, so this
// never appears in production). Its own chunk: a normal first load does not download it.
import { useState } from 'react';
import { Body1, Button, Field, Input, Title2, makeStyles, tokens } from '@fluentui/react-components';
import { setDevUser } from '../session';

const useStyles = makeStyles({
  form: { padding: tokens.spacingHorizontalXXL, maxWidth: '560px', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

export function DevSignIn({ onDone }: { onDone: () => void }) {
  const styles = useStyles();
  const [id, setId] = useState('6f1c2a7e-3b4d-4c5e-9f60-1a2b3c4d5e01');
  const [name, setName] = useState('Sam Okafor');
  return (
    <main>
      <form
        className={styles.form}
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
    </main>
  );
}
