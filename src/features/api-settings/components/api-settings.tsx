/**
 * The "API" corner of the header: which API the proxy talks to (never the token), and the
 * user/app the page reads, which a person may change.
 */
import { useId, useState } from 'react';
import type { LensConfig } from '@contract/lens-config';
import type { UserApp } from '@/lib/user-app';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';

export function describeApi(config: LensConfig): string {
  return `${config.mode === 'local' ? 'Local engine' : 'Clarifai cloud'} · ${config.apiTarget}`;
}

export function ApiSettings({
  config,
  userApp,
  onUserAppChange,
}: {
  config: LensConfig;
  userApp: UserApp;
  onUserAppChange: (next: UserApp) => void;
}) {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  return (
    <div className="relative flex flex-wrap items-center gap-2 text-sm">
      <Badge tone={config.mode === 'local' ? 'success' : 'info'}>
        <span aria-hidden className="size-1.5 rounded-full bg-current" />
        <span className="sr-only">API: </span>
        {describeApi(config)}
      </Badge>
      <span className="text-slate-500">
        {userApp.userId} / {userApp.appId}
      </span>
      <Button variant="ghost" size="sm" aria-expanded={open} aria-controls={panelId} onClick={() => setOpen(!open)}>
        API settings
      </Button>
      {open ? (
        <UserAppForm
          id={panelId}
          config={config}
          userApp={userApp}
          onSubmit={(next) => {
            onUserAppChange(next);
            setOpen(false);
          }}
        />
      ) : null}
    </div>
  );
}

function UserAppForm({
  id,
  config,
  userApp,
  onSubmit,
}: {
  id: string;
  config: LensConfig;
  userApp: UserApp;
  onSubmit: (next: UserApp) => void;
}) {
  // A draft, so half-typed ids do not fire requests on every keystroke.
  const [draft, setDraft] = useState(userApp);
  const valid = draft.userId.trim() !== '' && draft.appId.trim() !== '';
  return (
    <form
      id={id}
      aria-label="API settings"
      className="absolute top-full right-0 z-20 mt-2 flex w-80 flex-col gap-3 rounded-xl border border-slate-200 bg-white p-4 shadow-lg"
      onSubmit={(event) => {
        event.preventDefault();
        if (valid) onSubmit({ userId: draft.userId.trim(), appId: draft.appId.trim() });
      }}
    >
      <p className="text-xs text-slate-500">
        Requests go through the local proxy to {config.apiTarget}
        {config.authenticated ? ', which adds the access token.' : ', without an access token.'}
      </p>
      <label className="flex flex-col gap-1 text-xs font-medium text-slate-700">
        User ID
        <input
          className="h-9 rounded-md border border-slate-300 px-2 text-sm font-normal"
          value={draft.userId}
          onChange={(event) => setDraft({ ...draft, userId: event.target.value })}
        />
      </label>
      <label className="flex flex-col gap-1 text-xs font-medium text-slate-700">
        App ID
        <input
          className="h-9 rounded-md border border-slate-300 px-2 text-sm font-normal"
          value={draft.appId}
          onChange={(event) => setDraft({ ...draft, appId: event.target.value })}
        />
      </label>
      <div className="flex justify-between gap-2">
        <Button
          variant="ghost"
          size="sm"
          onClick={() => setDraft({ userId: config.userId, appId: config.appId })}
        >
          Reset to default
        </Button>
        <Button type="submit" size="sm" disabled={!valid}>
          Apply
        </Button>
      </div>
    </form>
  );
}
