import { Component, type ErrorInfo, type ReactNode } from 'react';

interface ErrorBoundaryProps {
  /** Rendered instead of the children once they threw; `reset` tries them again. */
  fallback: (error: unknown, reset: () => void) => ReactNode;
  /** When any of these change, a caught error is forgotten (new data may render fine). */
  resetKeys?: readonly unknown[];
  onError?: (error: unknown, info: ErrorInfo) => void;
  children: ReactNode;
}

interface ErrorBoundaryState {
  error: unknown;
  failed: boolean;
  resetKeys: readonly unknown[] | undefined;
}

/** A boundary that keeps one broken part from blanking the page around it. */
export class ErrorBoundary extends Component<ErrorBoundaryProps, ErrorBoundaryState> {
  override state: ErrorBoundaryState = { error: undefined, failed: false, resetKeys: this.props.resetKeys };

  static getDerivedStateFromError(error: unknown): Partial<ErrorBoundaryState> {
    return { error, failed: true };
  }

  static getDerivedStateFromProps(
    props: ErrorBoundaryProps,
    state: ErrorBoundaryState,
  ): Partial<ErrorBoundaryState> | null {
    const changed =
      props.resetKeys !== state.resetKeys &&
      (props.resetKeys?.length !== state.resetKeys?.length ||
        (props.resetKeys ?? []).some((key, i) => !Object.is(key, state.resetKeys?.[i])));
    if (!changed) return null;
    return state.failed
      ? { error: undefined, failed: false, resetKeys: props.resetKeys }
      : { resetKeys: props.resetKeys };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    this.props.onError?.(error, info);
  }

  reset = () => this.setState({ error: undefined, failed: false });

  override render(): ReactNode {
    return this.state.failed ? this.props.fallback(this.state.error, this.reset) : this.props.children;
  }
}
