// A link to another page of the tab: Fluent's Link (theme colours that keep their contrast in
// dark and high contrast) that navigates in place, keeping a real link's keyboard, middle-click
// and "open in new tab" behaviour.
import type { MouseEvent, ReactNode } from 'react';
import { Link as FluentLink } from '@fluentui/react-components';
import { navigate } from '../router';

export function AppLink({ href, children, className, inline }: { href: string; children: ReactNode; className?: string; inline?: boolean }) {
  const onClick = (e: MouseEvent<HTMLAnchorElement>) => {
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigate(href);
  };
  return (
    <FluentLink href={href} onClick={onClick} className={className} inline={inline}>
      {children}
    </FluentLink>
  );
}
