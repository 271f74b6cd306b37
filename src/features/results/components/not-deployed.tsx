/**
 * A node whose model is not set up where the API runs (status 21353): a card that says so and
 * shows the details, which tell how to set it up (LLM_BASE_URL for the generative models, an
 * `apt-get install` line for the speech tools), instead of an empty output.
 */
import { useId } from 'react';
import type { Status } from '@contract/clarifai';
import { codeSpans } from '@/features/results/lib/code-spans';

export const NOT_DEPLOYED_TITLE = 'Model not deployed';

export function NotDeployed({ status }: { status: Status }) {
  const titleId = useId();
  return (
    <div
      role="note"
      aria-labelledby={titleId}
      className="flex gap-3 rounded-lg border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-950"
    >
      <svg
        viewBox="0 0 24 24"
        className="mt-0.5 size-5 shrink-0 text-amber-600"
        aria-hidden
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
      >
        <path d="M12 3l9 16H3l9-16z" strokeLinejoin="round" />
        <path d="M12 10v4m0 3v.01" strokeLinecap="round" />
      </svg>
      <div className="flex min-w-0 flex-col gap-1">
        <p id={titleId} className="font-semibold">
          {NOT_DEPLOYED_TITLE}
        </p>
        <p className="text-amber-900">
          This node’s model is not set up where the API runs, so it gave no output; the other nodes ran as
          usual.
        </p>
        {status.details ? (
          <p className="break-words text-amber-900">
            {codeSpans(status.details).map((span, i) =>
              span.code ? (
                <code
                  key={i}
                  className="rounded bg-amber-100 px-1 py-0.5 font-mono text-[13px] text-amber-950"
                >
                  {span.text}
                </code>
              ) : (
                <span key={i}>{span.text}</span>
              ),
            )}
          </p>
        ) : (
          <p className="text-amber-900">Deploy the model (or point the engine at one), then run again.</p>
        )}
      </div>
    </div>
  );
}
