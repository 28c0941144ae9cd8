// Catches a page that fails to render or whose code cannot be fetched (typically: the app was
// updated while the tab stayed open, and the old chunk names are gone), so the shell stays usable.
import { Component, type ReactNode } from 'react';
import { Button } from '@fluentui/react-components';
import { ErrorBar } from './Status';

interface Props {
  /** Changing it (a new address) clears the error. */
  resetKey: string;
  children: ReactNode;
}

export class PageBoundary extends Component<Props, { error: unknown; key: string }> {
  state = { error: null as unknown, key: this.props.resetKey };

  static getDerivedStateFromError(error: unknown) {
    return { error };
  }

  static getDerivedStateFromProps(props: Props, state: { error: unknown; key: string }) {
    return props.resetKey === state.key ? null : { error: null, key: props.resetKey };
  }

  render() {
    if (!this.state.error) return this.props.children;
    const stale = this.state.error instanceof Error && /dynamically imported module|Importing a module script failed|error loading dynamically/i.test(this.state.error.message);
    return (
      <div>
        <ErrorBar
          title="This page could not be opened"
          error={stale ? 'The Virtual Café has been updated since this tab was opened. Reload to get the new version.' : this.state.error}
        />
        <Button style={{ marginTop: 8 }} onClick={() => window.location.reload()}>
          Reload
        </Button>
      </div>
    );
  }
}
