// Channel tab configuration: pick what the tab shows in this channel, then Teams saves it.
import { useEffect, useState } from 'react';
import { Body1, Radio, RadioGroup, Title2 } from '@fluentui/react-components';
import { pages } from '@microsoft/teams-js';
import { useApp } from '../MeContext';

const CHOICES = [
  { value: 'calendar', label: 'PLT event calendar' },
  { value: 'channels', label: 'Communities of Practice directory' },
  { value: 'facilitation', label: 'Facilitation' },
];

export function ConfigPage() {
  const { host } = useApp();
  const [choice, setChoice] = useState('calendar');

  useEffect(() => {
    if (!host.inTeams) return;
    pages.config.setValidityState(true);
    pages.config.registerOnSaveHandler((save) => {
      const origin = window.location.origin;
      const label = CHOICES.find((c) => c.value === choice)?.label ?? 'Virtual Café';
      pages.config
        .setConfig({ entityId: `virtual-cafe-${choice}`, contentUrl: `${origin}/tab/${choice}`, websiteUrl: `${origin}/tab/${choice}`, suggestedDisplayName: label })
        .then(() => save.notifySuccess())
        .catch((e: unknown) => save.notifyFailure(String(e)));
    });
  }, [host.inTeams, choice]);

  return (
    <section aria-labelledby="page-title">
      <Title2 as="h1" block id="page-title">
        Add the Virtual Café to this channel
      </Title2>
      <Body1 as="p">Choose what this tab shows. You can add more than one tab.</Body1>
      <RadioGroup aria-label="What the tab shows" value={choice} onChange={(_, d) => setChoice(d.value)}>
        {CHOICES.map((c) => (
          <Radio key={c.value} value={c.value} label={c.label} />
        ))}
      </RadioGroup>
      {!host.inTeams && <Body1 as="p">Open this page from Teams to save the tab.</Body1>}
    </section>
  );
}
