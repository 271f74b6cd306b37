import { useQuery } from '@tanstack/react-query';
import type { UserApp } from '@/lib/user-app';
import { ApiErrorNotice } from '@/components/api-error-notice';
import { Skeleton } from '@/components/ui/skeleton';
import { workflowsQueryOptions } from '@/features/workflow-picker/api/workflows';
import { SelectField } from '@/features/workflow-picker/components/field';

export function WorkflowSelect({
  userApp,
  value,
  onChange,
  autoFocus = false,
}: {
  userApp: UserApp;
  value: string | undefined;
  onChange: (workflowId: string) => void;
  /** Takes focus when it appears: the page re-creates the picker for each workflow picked. */
  autoFocus?: boolean;
}) {
  const workflows = useQuery(workflowsQueryOptions(userApp));

  if (workflows.data) {
    if (workflows.data.length === 0) {
      return (
        <p className="text-sm text-slate-500">
          No workflows in {userApp.userId}/{userApp.appId}: add one, or change the app in API settings.
        </p>
      );
    }
    return (
      <SelectField
        label="Workflow"
        value={value ?? ''}
        // Only right after a pick made from the keyboard (focus was on the picker).
        autoFocus={autoFocus}
        onChange={(event) => onChange(event.target.value)}>
        {value === undefined ? (
          <option value="" disabled>
            Pick a workflow…
          </option>
        ) : null}
        {workflows.data.map((workflow) => (
          <option key={workflow.id} value={workflow.id}>
            {workflow.id}
          </option>
        ))}
      </SelectField>
    );
  }
  if (workflows.error) {
    return <ApiErrorNotice title="Could not list the workflows" error={workflows.error} onRetry={() => void workflows.refetch()} />;
  }
  return <Skeleton className="h-14 w-56" />;
}
