import { describeStatus, StatusCode, type Status } from '@contract/clarifai';
import { Badge } from '@/components/ui/badge';

export function statusTone(code: number): 'success' | 'warning' | 'danger' {
  if (code === StatusCode.SUCCESS) return 'success';
  if (code === StatusCode.MIXED_STATUS) return 'warning';
  return 'danger';
}

export function StatusBadge({ status }: { status: Status }) {
  const description = status.description || describeStatus(status.code);
  return (
    <Badge tone={statusTone(status.code)} title={`Status ${status.code}`}>
      {description}
      {status.code !== StatusCode.SUCCESS ? <span className="opacity-75">· {status.code}</span> : null}
    </Badge>
  );
}

/** A failed status in full: what, the code, and the details Clarifai gave. */
export function StatusFailure({ status, what }: { status: Status; what: string }) {
  const description = status.description || describeStatus(status.code);
  return (
    <div role="alert" className="rounded-lg border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-900">
      <p className="font-medium">
        {what} failed: {description} (code {status.code})
      </p>
      {status.details ? <p className="mt-0.5 break-words text-red-800">{status.details}</p> : null}
    </div>
  );
}
