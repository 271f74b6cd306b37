import { useQuery } from '@tanstack/react-query';
import type { UserApp } from '@/lib/user-app';
import { formatDate, shortId } from '@/lib/format';
import { ApiErrorNotice } from '@/components/api-error-notice';
import { Skeleton } from '@/components/ui/skeleton';
import { workflowVersionsQueryOptions } from '@/features/workflow-picker/api/workflows';
import { SelectField } from '@/features/workflow-picker/components/field';

export function VersionSelect({
  userApp,
  workflowId,
  value,
  onChange,
  label = 'Version',
}: {
  userApp: UserApp;
  workflowId: string;
  value: string | undefined;
  onChange: (versionId: string) => void;
  /** The field's name ("Version A" and "Version B" when comparing). */
  label?: string;
}) {
  const versions = useQuery(workflowVersionsQueryOptions(userApp, workflowId));

  if (versions.data) {
    if (versions.data.length === 0) {
      return (
        <SelectField label={label} value="" disabled>
          <option value="">latest (no versions listed)</option>
        </SelectField>
      );
    }
    return (
      <SelectField label={label} value={value ?? ''} onChange={(event) => onChange(event.target.value)}>
        {versions.data.map((version, index) => (
          <option key={version.id} value={version.id}>
            {shortId(version.id)} · {formatDate(version.created_at)}
            {index === 0 ? ' · latest' : ''}
          </option>
        ))}
      </SelectField>
    );
  }
  if (versions.error) {
    return <ApiErrorNotice title="Could not list the versions" error={versions.error} onRetry={() => void versions.refetch()} />;
  }
  return <Skeleton className="h-14 w-64" />;
}
