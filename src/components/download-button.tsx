/**
 * A button that makes a file and downloads it (a PNG drawn from the scene, say): disabled while
 * it works, and a short note beside it when it could not.
 */
import { useState } from 'react';
import type * as React from 'react';
import { Button } from '@/components/ui/button';

export function DownloadButton({
  children,
  what,
  make,
}: {
  children: React.ReactNode;
  /** Names the file in the failure note: "Could not make the PNG: …". */
  what: string;
  make: () => Promise<void>;
}) {
  const [state, setState] = useState<{ busy: boolean; error: string | null }>({ busy: false, error: null });
  const download = async () => {
    setState({ busy: true, error: null });
    try {
      await make();
      setState({ busy: false, error: null });
    } catch (error) {
      setState({ busy: false, error: error instanceof Error ? error.message : String(error) });
    }
  };
  return (
    <>
      <Button
        variant="secondary"
        size="sm"
        onClick={() => void download()}
        disabled={state.busy}
        className="ml-auto"
      >
        {children}
      </Button>
      {state.error ? (
        <span role="status" className="basis-full text-xs text-amber-800">
          Could not make the {what}: {state.error}.
        </span>
      ) : null}
    </>
  );
}
