import { Body1, Title2 } from '@fluentui/react-components';

/** Shown for an area whose page has not been built yet. */
export function PlaceholderPage({ title, text }: { title: string; text: string }) {
  return (
    <section aria-labelledby="page-title">
      <Title2 as="h1" id="page-title">
        {title}
      </Title2>
      <Body1 as="p">{text}</Body1>
    </section>
  );
}
