import { Component, type ErrorInfo, type ReactNode } from 'react';
import { ErrorState } from './error-state';

interface Props {
  children: ReactNode;
  title?: string;
}

interface State {
  error: unknown;
  hasError: boolean;
}

/** Catches render errors below it and shows what went wrong, with a Reload button. */
export class ErrorBoundary extends Component<Props, State> {
  state: State = { error: undefined, hasError: false };

  static getDerivedStateFromError(error: unknown): State {
    return { error, hasError: true };
  }

  componentDidCatch(error: unknown, info: ErrorInfo): void {
    // Kept visible in the browser console for bug reports; the user sees the message on the page.
    console.error('Render error', error, info.componentStack);
  }

  render() {
    if (this.state.hasError) {
      return <ErrorState title={this.props.title ?? 'Something went wrong'} error={this.state.error} reload />;
    }
    return this.props.children;
  }
}
