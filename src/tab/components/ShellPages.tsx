// Pages of the shell itself: an address that leads nowhere, and a page someone may not use.
import { Body1, Title2, makeStyles, tokens } from '@fluentui/react-components';
import { Link } from '../router';
import { HUB_NAMES, type Me } from '../types';

const useStyles = makeStyles({
  // The gap spaces the parts; their own margins would double it.
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '640px', '& > *': { margin: 0 } },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
});

/** Any /tab/… address the tab does not know: say so, and offer the way back. */
export function NotFoundPage() {
  const styles = useStyles();
  return (
    <section aria-labelledby="page-title" className={styles.page}>
      <Title2 as="h1" id="page-title">
        Page not found
      </Title2>
      <Body1 as="p">There is no page at this address in the Virtual Café. The link may be out of date or mistyped.</Body1>
      <Body1 as="p">
        <Link href="/tab/calendar">Go to the PLT calendar</Link> or choose a section above.
      </Body1>
    </section>
  );
}

/** Hub administration opened by someone who is not a coordinator: what it is and who to ask. */
export function AdminNoAccess({ me }: { me: Me }) {
  const styles = useStyles();
  const hub = me.profile?.hub ? HUB_NAMES[me.profile.hub] : undefined;
  return (
    <section aria-labelledby="page-title" className={styles.page}>
      <Title2 as="h1" id="page-title">
        Hub administration
      </Title2>
      <Body1 as="p">This page is for hub coordinators. It is where they:</Body1>
      <ul className={styles.list}>
        <li>give people the organiser or coordinator role,</li>
        <li>approve or reject proposals for new channels and choose channel leads,</li>
        <li>manage the facilitator pool and follow facilitation requests,</li>
        <li>check that notifications are reaching people.</li>
      </ul>
      <Body1 as="p">
        You are not a coordinator, so there is nothing here for you to change. If you need one of these done, or think you should have the role, ask a
        coordinator of {hub ? <strong>{hub}</strong> : 'your training hub'}.
      </Body1>
      <Body1 as="p">
        <Link href="/tab/calendar">Back to the PLT calendar</Link>
      </Body1>
    </section>
  );
}
