import { cn } from '@/lib/cn';

export interface Column {
  label: string;
  /** Numbers read best right-aligned. */
  align?: 'left' | 'right';
}

/** One header row of column headers (`<th scope="col">`), each padded by `cellClassName`. */
export function ColumnHeaders({
  columns,
  cellClassName = 'px-2 py-1',
}: {
  columns: readonly Column[];
  cellClassName?: string;
}) {
  return (
    <tr>
      {columns.map((column) => (
        <th
          key={column.label}
          scope="col"
          className={cn(cellClassName, 'font-medium', column.align === 'right' ? 'text-right' : 'text-left')}
        >
          {column.label}
        </th>
      ))}
    </tr>
  );
}
